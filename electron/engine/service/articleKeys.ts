// A small number per document article object. A document article is never changed once made (an
// edit makes a new one), so the object names its content: the 本期视点 cache keys its layouts by
// these numbers and the render worker holds articles under them, with no hashing of bodies.
import type { DocumentArticle } from '../../../shared/document/issueDocument';

const keys = new WeakMap<DocumentArticle, number>();
let next = 1;

export function articleKey(article: DocumentArticle): number {
  let key = keys.get(article);
  if (key === undefined) keys.set(article, (key = next++));
  return key;
}
