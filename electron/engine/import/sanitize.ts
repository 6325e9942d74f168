// DOMPurify on jsdom's window with the shared config (the editor's paste uses the same one).
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { SANITIZE_CONFIG } from '../../../shared/import/sanitizeConfig';
import { domWindow } from './htmlDocument';

/** Removed elements worth telling the editor about (Word's <o:p>, <font> and the like are not). */
const DANGEROUS = /^(SCRIPT|IFRAME|FRAME|FRAMESET|OBJECT|EMBED|APPLET|SVG|MATH|FORM|INPUT|BUTTON|TEXTAREA|SELECT|LINK|BASE|META|TEMPLATE|AUDIO|VIDEO|CANVAS)$/i;

export interface SanitizeReport {
  html: string;
  /** how many elements / attributes DOMPurify removed */
  removed: number;
}

let instance: DOMPurify | null = null;

/** One DOMPurify on the shared jsdom window (creating one costs more than sanitising a page). */
function purifier(): DOMPurify {
  if (instance) return instance;
  const purify = createDOMPurify(domWindow() as unknown as Window & typeof globalThis);
  // Inline styles stay only for what Lexical reads from them (bold, italic, alignment); one that
  // loads anything (url(), @import, expression()) or names a script URL goes.
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'style' && /url\s*\(|expression\s*\(|javascript:|@import|behavior\s*:/i.test(data.attrValue)) data.keepAttr = false;
  });
  instance = purify;
  return purify;
}

export function sanitizeHtml(html: string): SanitizeReport {
  const purify = purifier();
  const clean = purify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as unknown as string;
  // Count what matters to an editor: removed elements (scripts, frames, SVG …) and event handlers or
  // script URLs. DOMPurify also lists harmless removals (the <body> it parsed into, data-* attributes).
  let removed = 0;
  for (const r of purify.removed) {
    if ('element' in r) {
      if (DANGEROUS.test(r.element.nodeName)) removed++;
    } else if (r.attribute && (/^on/i.test(r.attribute.name) || /^\s*(javascript|vbscript):/i.test(r.attribute.value))) removed++;
  }
  return { html: clean, removed };
}
