// Word's clipboard HTML writes lists as paragraphs styled `mso-list:l0 level2 lfo1` with the bullet or
// number typed into a `mso-list:Ignore` span. Turn runs of those paragraphs into real <ul>/<ol> lists
// (lexical#4761). Works on any DOM passed in (jsdom in the engine, the browser's in the editor).
import { elementsWhere } from './elementWalk';

const MSO_LIST_RE = /mso-list\s*:\s*(l\d+)\s+level(\d+)/i;
const ORDERED_MARKER_RE = /^\s*(?:\(?\d+[.)、．]?|\(?[a-zA-Z][.)]|\(?[ivxlcdm]+[.)]|[（(]?[一二三四五六七八九十百]+[、.)）])\s*$/i;

interface WordListItem {
  paragraph: Element;
  listId: string;
  level: number;
  ordered: boolean;
}

function listInfo(p: Element): WordListItem | null {
  const style = p.getAttribute('style') ?? '';
  const m = MSO_LIST_RE.exec(style);
  if (!m) return null;
  const marker = markerText(markerNodes(p));
  return { paragraph: p, listId: m[1], level: Math.max(1, Number(m[2])), ordered: ORDERED_MARKER_RE.test(marker) };
}

const COMMENT_NODE = 8;

/**
 * The typed bullet or number of a Word list paragraph: the nodes between the `[if !supportLists]` and
 * `[endif]` conditional comments (parsed as comments), or else the spans styled `mso-list:Ignore`.
 */
function markerNodes(p: Element): Node[] {
  const walker = p.ownerDocument.createTreeWalker(p, 128 /* NodeFilter.SHOW_COMMENT */);
  let start: Node | null = null;
  for (let c = walker.nextNode(); c; c = walker.nextNode()) {
    const data = (c.nodeValue ?? '').trim();
    if (/^\[if !supportLists\]$/i.test(data)) start = c;
    else if (start && /^\[endif\]$/i.test(data) && c.parentNode === start.parentNode) {
      const nodes: Node[] = [start];
      for (let n = start.nextSibling; n && n !== c; n = n.nextSibling) nodes.push(n);
      nodes.push(c);
      return nodes;
    }
  }
  return [...p.getElementsByTagName('span')].filter((s) => /mso-list\s*:\s*ignore/i.test(s.getAttribute('style') ?? ''));
}

function markerText(nodes: Node[]): string {
  return nodes
    .filter((n) => n.nodeType !== COMMENT_NODE)
    .map((n) => n.textContent ?? '')
    .join('')
    .replace(/\u00a0/g, ' ')
    .trim();
}

function isWordListParagraph(node: Node | null): node is Element {
  return !!node && node.nodeType === 1 && MSO_LIST_RE.test((node as Element).getAttribute('style') ?? '');
}

function nextElementSkippingBlank(node: Node): Node | null {
  let next = node.nextSibling;
  while (next && (next.nodeType === COMMENT_NODE || (next.nodeType === 3 && (next.textContent ?? '').trim() === ''))) next = next.nextSibling;
  return next;
}

const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div']);

/** `p, h1, …, div` under `root` in document order. */
function listParagraphCandidates(root: ParentNode): Element[] {
  return elementsWhere(root, (el) => PARAGRAPH_TAGS.has(el.localName));
}

/** Converts every run of Word list paragraphs under `root` into nested <ul>/<ol>. Returns how many lists were made. */
export function convertWordLists(root: ParentNode & Node): number {
  const doc = root.ownerDocument ?? (root as unknown as Document);
  let made = 0;
  const paragraphs = listParagraphCandidates(root).filter((p) => MSO_LIST_RE.test(p.getAttribute('style') ?? ''));
  const done = new Set<Element>();
  for (const first of paragraphs) {
    if (done.has(first) || !first.parentNode) continue;
    const run: WordListItem[] = [];
    let cur: Node | null = first;
    while (isWordListParagraph(cur)) {
      const info = listInfo(cur);
      if (!info) break;
      run.push(info);
      done.add(cur);
      cur = nextElementSkippingBlank(cur);
    }
    if (run.length === 0) continue;
    const topList = doc.createElement(run[0].ordered ? 'ol' : 'ul');
    first.parentNode.insertBefore(topList, first);
    // stack[i] = the list element at nesting depth i+1
    const stack: Element[] = [topList];
    for (const item of run) {
      const depth = Math.min(item.level, stack.length + 1);
      while (stack.length > depth) stack.pop();
      if (stack.length < depth) {
        const parentList = stack[stack.length - 1];
        const host = parentList.lastElementChild ?? parentList.appendChild(doc.createElement('li'));
        const nested = doc.createElement(item.ordered ? 'ol' : 'ul');
        host.appendChild(nested);
        stack.push(nested);
      }
      const li = doc.createElement('li');
      for (const node of markerNodes(item.paragraph)) node.parentNode?.removeChild(node);
      while (item.paragraph.firstChild) li.appendChild(item.paragraph.firstChild);
      stack[stack.length - 1].appendChild(li);
      item.paragraph.remove();
    }
    made++;
  }
  return made;
}
