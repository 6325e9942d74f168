// DOMPurify on jsdom's window with the shared config (the editor's paste uses the same one).
import createDOMPurify from 'dompurify';
import type { JSDOM } from 'jsdom';
import { SANITIZE_CONFIG } from '../../../shared/import/sanitizeConfig';

export interface SanitizeReport {
  html: string;
  /** how many elements / attributes DOMPurify removed */
  removed: number;
}

export function sanitizeHtml(html: string, dom: JSDOM): SanitizeReport {
  const purify = createDOMPurify(dom.window as unknown as Window & typeof globalThis);
  const clean = purify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as unknown as string;
  // DOMPurify also lists the <body>/<html> wrappers it parsed the fragment into; those are not removals.
  const removed = purify.removed.filter((r) => !('element' in r) || !/^(BODY|HTML|HEAD)$/.test(r.element.nodeName)).length;
  return { html: clean, removed };
}
