// Parse HTML with jsdom: scripts never run, no subresource is loaded. One jsdom window (costly to
// create, ~30 ms) serves every import; each page becomes its own Document through its DOMParser.
import { JSDOM, VirtualConsole, type DOMWindow } from 'jsdom';

let shared: JSDOM | null = null;

/** The jsdom window the importers parse and sanitise with. */
export function domWindow(): DOMWindow {
  shared ??= new JSDOM('<!DOCTYPE html><html><body></body></html>', { virtualConsole: new VirtualConsole() });
  return shared.window;
}

/**
 * Runs `make` (which creates Documents on the shared window) and takes off the window again the event
 * listeners it added. Every jsdom Document sets up a selector engine that adds focus, keyboard and mouse
 * listeners to its window and never removes them: on a window that lives as long as the process, each
 * imported page would stay reachable from them, DOM and all, and every new listener is compared with all
 * the earlier ones. Nothing here dispatches such events, so the engine never misses them.
 */
export function withoutNewWindowListeners<T>(make: () => T): T {
  const win = domWindow();
  const added: Array<{ type: string; listener: EventListenerOrEventListenerObject; options: boolean | AddEventListenerOptions | undefined }> = [];
  const add = win.addEventListener;
  win.addEventListener = function (this: DOMWindow, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (!listener) return;
    added.push({ type, listener, options });
    add.call(this, type, listener, options);
  } as DOMWindow['addEventListener'];
  try {
    return make();
  } finally {
    delete (win as Partial<DOMWindow>).addEventListener;
    for (const { type, listener, options } of added) win.removeEventListener(type, listener, options);
  }
}

/** A Document for `html`; with `url`, a <base> so relative addresses resolve against the page. */
export function parseHtml(html: string, url?: string): Document {
  const win = domWindow();
  const doc = withoutNewWindowListeners(() => new win.DOMParser().parseFromString(html, 'text/html') as unknown as Document);
  if (url && /^https?:\/\//i.test(url)) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return doc;
}

/**
 * Moves the children of `from` to the end of `to`, one by one. `to.append(...from.childNodes)` builds the
 * same tree, but by way of a DocumentFragment: jsdom then takes every subtree out of its parent twice
 * (each removal walks the whole subtree for live ranges, slots and custom elements).
 */
export function moveChildren(from: Node, to: Node): void {
  for (let child = from.firstChild; child; child = from.firstChild) to.appendChild(child);
}

/** Puts the children of `el` in its place and removes it (`el.replaceWith(...el.childNodes)`, without the fragment). */
export function unwrap(el: Element): void {
  const parent = el.parentNode;
  if (!parent) return;
  for (let child = el.firstChild; child; child = el.firstChild) parent.insertBefore(child, el);
  el.remove();
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
    if (textOf(el).length > 100 || countDescendants(el, NOSCRIPT_BLOCKS, 2) >= 2 || el.getElementsByTagName('table').length > 0) unwrap(el);
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
