// DOMPurify on jsdom's window with the shared config (the editor's paste uses the same one).
// The importer sanitises the extracted body as a DOM, in place (no parse of its own), before any of it
// reaches Lexical or another document.
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { SANITIZE_CONFIG } from '../../../shared/import/sanitizeConfig';
import { domWindow, moveChildren } from './htmlDocument';
import { isParseStable } from './parseStable';

/** Removed elements worth telling the editor about (Word's <o:p>, <font> and the like are not). */
const DANGEROUS = /^(SCRIPT|IFRAME|FRAME|FRAMESET|OBJECT|EMBED|APPLET|SVG|MATH|FORM|INPUT|BUTTON|TEXTAREA|SELECT|LINK|BASE|META|TEMPLATE|AUDIO|VIDEO|CANVAS)$/i;

export interface SanitizeReport {
  html: string;
  /** how many elements / attributes DOMPurify removed */
  removed: number;
}

export interface SanitizedBody {
  /** a detached <body> holding the clean body */
  body: HTMLElement;
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

/**
 * Count what matters to an editor: removed elements (scripts, frames, SVG …) and event handlers or
 * script URLs. DOMPurify also lists harmless removals (data-* attributes, Word's <o:p>).
 */
function countRemoved(purify: DOMPurify): number {
  let removed = 0;
  for (const r of purify.removed) {
    if ('element' in r) {
      if (DANGEROUS.test(r.element.nodeName)) removed++;
    } else if (r.attribute && (/^on/i.test(r.attribute.name) || /^\s*(javascript|vbscript):/i.test(r.attribute.value))) removed++;
  }
  return removed;
}

export function sanitizeHtml(html: string): SanitizeReport {
  const purify = purifier();
  const clean = purify.sanitize(html, { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false }) as unknown as string;
  return { html: clean, removed: countRemoved(purify) };
}

/**
 * The children of `source` (the extracted body of a parsed page), sanitised in place, in a detached <body>.
 * What reaches Lexical is the tree a parser builds from the clean markup, as with the string sanitiser:
 * text split by removed elements is joined, and where the clean tree is not what a standards-mode parse
 * of its markup gives (a quirks-mode page's <p><table>, blocks left inside a <p> by a removed <button>),
 * the markup is parsed once more.
 */
export function sanitizeChildren(source: Element | null): SanitizedBody {
  const purify = purifier();
  const standards = domWindow().document;
  const container = bareDetachedDiv(source) ?? (source?.ownerDocument ?? standards).createElement('div');
  if (source && source !== container) moveChildren(source, container);
  purify.sanitize(container, { ...SANITIZE_CONFIG, IN_PLACE: true });
  const removed = countRemoved(purify);
  container.normalize();
  let clean = container;
  // One parse settles the nesting; only a <pre> opening with several newlines loses one per parse.
  for (let round = 0; round < MAX_REPARSES && !isParseStable(clean); round++) {
    const reparsed = standards.createElement('div');
    reparsed.innerHTML = clean.innerHTML;
    clean = reparsed;
  }
  // Lexical reads a <br> ending a block as the block's placeholder; the body's own children are read as a
  // document's <body> children are, so the clean markup ends up in a (detached) <body>.
  const body = clean.ownerDocument.createElement('body');
  moveChildren(clean, body);
  return { body, removed };
}

const MAX_REPARSES = 4;

/**
 * `source` itself when sanitising it in place does what sanitising a new <div> holding its children would:
 * a detached <div> with at most an id (Readability's article, `<div id="readability-content">`). The root's
 * id is the only difference, and whatever the sanitiser does to it is neither in the body nor counted as
 * removed. It spares moving every node of the body into a new <div>.
 */
function bareDetachedDiv(source: Element | null): Element | null {
  if (!source || source.parentNode !== null || source.localName !== 'div' || source.namespaceURI !== 'http://www.w3.org/1999/xhtml') return null;
  for (const attr of source.attributes) if (attr.name !== 'id' || attr.namespaceURI !== null) return null;
  return source;
}
