// Whether a sanitised body is already the tree an HTML parser (standards mode) would build from its own
// markup. Sanitising removes elements and keeps their content, and the page may have been parsed in quirks
// mode, so a <p> can end up holding a <table>, or an <li> another <li>: such a body is serialised and parsed
// again (sanitize.ts). Conservative by design: anything it is unsure of counts as unstable.
// Only the elements the sanitiser allows (shared/import/sanitizeConfig.ts) can occur here.

/** Start tags that close an open <p> (HTML's "close a p element"), as far as allowed or common. */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'dd', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext',
  'pre', 'search', 'section', 'summary', 'table', 'ul', 'xmp',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Children a table part may hold; any other element (or text that is not white space) is moved by a parser. */
const TABLE_CHILDREN: Record<string, Set<string>> = {
  table: new Set(['caption', 'colgroup', 'thead', 'tbody', 'tfoot']),
  thead: new Set(['tr']),
  tbody: new Set(['tr']),
  tfoot: new Set(['tr']),
  tr: new Set(['td', 'th']),
  colgroup: new Set(['col']),
};
/** The parent each table part must have (a parser ignores or re-homes it elsewhere). */
const TABLE_PARENT: Record<string, Set<string>> = {
  caption: new Set(['table']),
  colgroup: new Set(['table']),
  thead: new Set(['table']),
  tbody: new Set(['table']),
  tfoot: new Set(['table']),
  tr: new Set(['thead', 'tbody', 'tfoot']),
  td: new Set(['tr']),
  th: new Set(['tr']),
  col: new Set(['colgroup']),
};
const HTML_SPACE = /^[\t\n\f\r ]*$/;
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

interface Open {
  p: boolean;
  heading: boolean;
  /** inside an <li> with no list element between */
  li: boolean;
  a: boolean;
  caption: boolean;
}

function stableElement(el: Element, open: Open): boolean {
  const tag = el.localName;
  if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  if (open.p && CLOSES_P.has(tag)) return false;
  if (open.heading && HEADINGS.has(tag)) return false;
  if (open.li && tag === 'li') return false;
  if (open.a && tag === 'a') return false;
  if (open.caption && tag === 'table') return false;
  const parentTag = el.parentElement?.localName ?? '';
  const wantedParent = TABLE_PARENT[tag];
  if (wantedParent && !wantedParent.has(parentTag)) return false;
  if (VOID.has(tag) && el.firstChild) return false;
  const allowed = TABLE_CHILDREN[tag];
  if (allowed) {
    for (let c = el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === ELEMENT_NODE ? !allowed.has((c as Element).localName) : c.nodeType === TEXT_NODE && !HTML_SPACE.test(c.nodeValue ?? '')) return false;
    }
  }
  // A parser drops the newline right after <pre>.
  if (tag === 'pre' && el.firstChild?.nodeType === TEXT_NODE && (el.firstChild.nodeValue ?? '').startsWith('\n')) return false;
  return true;
}

/** True when parsing `root.innerHTML` (in a standards-mode <div>) would build the same elements. */
export function isParseStable(root: Element): boolean {
  const stack: Array<{ el: Element; open: Open }> = [];
  const top: Open = { p: false, heading: false, li: false, a: false, caption: false };
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) stack.push({ el: c, open: top });
  while (stack.length > 0) {
    const { el, open } = stack.pop() as { el: Element; open: Open };
    if (!stableElement(el, open)) return false;
    const tag = el.localName;
    const inner: Open = {
      p: open.p || tag === 'p',
      heading: open.heading || HEADINGS.has(tag),
      li: tag === 'li' || (open.li && tag !== 'ul' && tag !== 'ol'),
      a: open.a || tag === 'a',
      caption: open.caption || tag === 'caption',
    };
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push({ el: c, open: inner });
  }
  return true;
}
