// What the archive derives from an article for search and duplicate checks.
import { createHash } from 'node:crypto';
import { blocksToPlainText, toBlocks } from '../../../shared/content/walker';
import type { Article } from '../../../shared/model/issue';
import { normalizeForFingerprint } from '../../../shared/search/normalize';

/** Body text of the article (one block per line). */
export function articlePlainText(article: Pick<Article, 'content'>): string {
  return blocksToPlainText(toBlocks(article.content));
}

/** The text compared for "already ran": the body, or the title when the body is empty. */
export function duplicateText(title: string, plainText: string): string {
  return normalizeForFingerprint(plainText).length > 0 ? plainText : title;
}

/** sha256 of the fingerprint form: equal for exact copies whatever their punctuation and spacing. */
export function contentHash(text: string): string {
  return createHash('sha256').update(normalizeForFingerprint(text), 'utf8').digest('hex');
}
