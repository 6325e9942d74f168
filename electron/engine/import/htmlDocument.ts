// Parse HTML with jsdom: scripts never run, no subresource is loaded. One jsdom window (costly to
// create, ~30 ms) serves every import; each page becomes its own Document through its DOMParser.
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

let shared: JSDOM | null = null;

/** The jsdom window the importers parse and sanitise with. */
export function domWindow(): DOMWindow {
  shared ??= new JSDOM('<!DOCTYPE html><html><body></body></html>', { virtualConsole: new VirtualConsole() });
  return shared.window;
}

/** A Document for `html`; with `url`, a <base> so relative addresses resolve against the page. */
export function parseHtml(html: string, url?: string): Document {
  const win = domWindow();
  const doc = new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  if (url && /^https?:\/\//i.test(url)) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}

/** Plain text of an element with runs of white space collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/**
 * jsdom parses <noscript> content as markup, so an unclosed one swallows the rest of the page. A <noscript>
 * holding real content (long text, several blocks, a table) is unwrapped (its markup is sanitised like the rest); the usual small ones ("请启用
 * JavaScript", duplicate lazy-load images) are dropped.
 */
export function settleNoscript(doc: Document): void {
  for (const el of Array.from(doc.getElementsByTagName('noscript')).reverse()) {
    if (!el.isConnected) continue;
    if (textOf(el).length > 100 || countDescendants(el, NOSCRIPT_BLOCKS, 2) >= 2 || el.getElementsByTagName('table').length > 0) el.replaceWith(...el.childNodes);
    else el.remove();
  }
}

const NOSCRIPT_BLOCKS = new Set(['p', 'div', 'table', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'section']);

/** How many descendants of `root` are named in `names`, counting no further than `limit` (a walk, not a selector query). */
export function countDescendants(root: Element, names: Set<string>, limit = Infinity): number {
  let n = 0;
  const stack: Element[] = [];
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  while (stack.length > 0 && n < limit) {
    const el = stack.pop() as Element;
    if (names.has(el.localName)) n++;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return n;
}
