// Pasted HTML (web pages, WeChat, Word) goes through the same clean-up as import: DOMPurify with
// the shared allow-list, Word's mso-list paragraphs turned into real lists, presentational
// attributes dropped. Returns a detached document ready for $generateNodesFromDOM.
import DOMPurify from 'dompurify';
import { SANITIZE_CONFIG } from '../../../shared/import/sanitizeConfig';
import { convertWordLists } from '../../../shared/import/wordLists';

type PurifyWindow = Parameters<typeof DOMPurify>[0];

export function cleanPastedHtml(html: string, win: Window = window): Document {
  const purify = DOMPurify(win as unknown as PurifyWindow);
  const clean = purify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_DOM: false, RETURN_DOM_FRAGMENT: false }) as unknown as string;
  const doc = new (win as Window & typeof globalThis).DOMParser().parseFromString(`<!doctype html><body>${clean}</body>`, 'text/html');
  convertWordLists(doc.body);
  for (const el of doc.body.querySelectorAll('[style], [class], [id], [align]')) {
    el.removeAttribute('style');
    el.removeAttribute('class');
    el.removeAttribute('id');
    el.removeAttribute('align');
  }
  // WeChat keeps the real image address in data-src; the figure importer reads it, nothing else needs it.
  return doc;
}
