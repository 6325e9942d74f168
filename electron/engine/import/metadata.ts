// Page-level metadata read from the whole document before the body is extracted:
// title candidates, og:site_name, author meta, and WeChat's account and author fields.
import { parseMetadataLine, type MetadataLine } from '../../../shared/import/metadataLines';
import { normalizeTitle, textKey } from '../../../shared/import/punctuation';
import { textOf } from './htmlDocument';

export interface PageMetadata {
  h1: string | null;
  ogTitle: string | null;
  /** `<meta name="ArticleTitle">`, set by the CMS most Chinese government sites run */
  articleTitle: string | null;
  documentTitle: string | null;
  siteName: string | null;
  authorMeta: string | null;
  canonicalUrl: string | null;
  wechat: { title: string | null; account: string | null; author: string | null } | null;
}

/**
 * The first <meta> for each `name` / `property` value, in document order: one pass instead of a selector
 * query per field (`meta[name="author"]` matches the value case-sensitively, as here).
 */
type MetaIndex = Map<string, Element>;

function indexMeta(doc: Document): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of doc.getElementsByTagName('meta')) {
    for (const attr of ['name', 'property']) {
      const value = el.getAttribute(attr);
      const key = `${attr}=${value}`;
      if (value !== null && !index.has(key)) index.set(key, el);
    }
  }
  return index;
}

/** The content of the first <meta> whose `attr` is `value`, tidied; null when missing or empty. */
function meta(index: MetaIndex, attr: 'name' | 'property', value: string): string | null {
  const content = index.get(`${attr}=${value}`)?.getAttribute('content');
  const clean = content ? normalizeTitle(content) : '';
  return clean === '' ? null : clean;
}

function text(el: Element | null): string | null {
  const t = el ? normalizeTitle(textOf(el)) : '';
  return t === '' ? null : t;
}

/**
 * The href of `link[rel="canonical"]`. jsdom's selector engine (set up anew for every page) matches
 * attribute values of an HTML document ignoring case, so a page none of whose <link> elements has an
 * attribute valued "canonical" in any case has no match, known without running it.
 */
function canonicalHref(doc: Document): string | null {
  let candidate = false;
  for (const link of doc.getElementsByTagName('link')) {
    for (const attr of link.attributes) if (attr.value.toLowerCase() === 'canonical') candidate = true;
  }
  return candidate ? (doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null) : null;
}

export function isWeChatPage(doc: Document, index: MetaIndex = indexMeta(doc)): boolean {
  return !!doc.getElementById('js_content') || /mp\.weixin\.qq\.com/.test(index.get('property=og:url')?.getAttribute('content') ?? '');
}

export function readPageMetadata(doc: Document): PageMetadata {
  const index = indexMeta(doc);
  const scope = doc.getElementsByTagName('article')[0] ?? doc.body;
  const h1 = scope?.getElementsByTagName('h1')[0] ?? doc.getElementsByTagName('h1')[0] ?? null;
  const wechat = isWeChatPage(doc, index)
    ? {
        title: text(doc.getElementById('activity-name')) ?? meta(index, 'property', 'og:title'),
        account: text(doc.getElementById('js_name')) ?? text(doc.querySelector('.profile_nickname')),
        author: text(doc.getElementById('js_author_name')) ?? meta(index, 'name', 'author'),
      }
    : null;
  return {
    h1: text(h1),
    ogTitle: meta(index, 'property', 'og:title') ?? meta(index, 'name', 'twitter:title'),
    articleTitle: meta(index, 'name', 'ArticleTitle') ?? meta(index, 'name', 'articletitle'),
    documentTitle: text(doc.getElementsByTagName('title')[0] ?? null),
    siteName: meta(index, 'property', 'og:site_name') ?? meta(index, 'name', 'application-name'),
    authorMeta: meta(index, 'name', 'author') ?? meta(index, 'property', 'article:author'),
    canonicalUrl: canonicalHref(doc) ?? meta(index, 'property', 'og:url'),
    wechat,
  };
}

/** `<title>` often carries the site name: "标题_国家医保局" or "标题 - 健康报". Strip a suffix naming the site. */
export function stripSiteSuffix(title: string, siteName: string | null): string {
  const parts = title.split(/\s*(?:_|\s-\s|\s—\s|｜|\s\|\s)\s*/);
  if (parts.length < 2) return title;
  const last = parts[parts.length - 1];
  if ((siteName && (last.includes(siteName) || siteName.includes(last))) || /网|报|局|委|政府|门户|官网|频道/.test(last)) {
    return title.slice(0, title.lastIndexOf(last)).replace(/[\s_|｜—-]+$/, '');
  }
  return title;
}

/** Title precedence: WeChat's own field, then the article's h1, og:title, and <title> without its site suffix. */
export function pickTitle(m: PageMetadata): string | null {
  // An <h1> that only names the site (a logo heading) is not the article's title.
  const h1 = m.h1 && !(m.siteName && textKey(m.h1) === textKey(m.siteName)) ? m.h1 : null;
  return m.wechat?.title ?? m.articleTitle ?? h1 ?? m.ogTitle ?? (m.documentTitle ? stripSiteSuffix(m.documentTitle, m.siteName) : null);
}

const BYLINE_SCAN_LIMIT = 400;

/**
 * A 来源/作者 byline anywhere on the page outside the extracted body (news and government pages put it
 * under the title, next to the date): the first short element whose whole text is a byline.
 */
export function findPageByline(doc: Document): MetadataLine {
  const out: MetadataLine = {};
  let seen = 0;
  for (const el of bylineCandidates(doc)) {
    if (++seen > BYLINE_SCAN_LIMIT * 4) break;
    const text = el.textContent ?? '';
    if (text.length > 120 || hasDescendant(el, BYLINE_CONTAINERS)) continue;
    const line = parseMetadataLine(text);
    if (!line) continue;
    // Prefer the innermost element: `<div>发布时间：… <span>来源：…</span></div>` is read from the span.
    if ([...el.children].some((c) => parseMetadataLine(c.textContent ?? '')?.source)) continue;
    out.source ??= line.source;
    out.author ??= line.author;
    if (out.source && out.author) break;
  }
  return out;
}

/** Elements a byline sits in, and elements that make one a container of other lines instead. */
const BYLINE_ELEMENTS = new Set(['p', 'div', 'span', 'td', 'li', 'em', 'font', 'small']);
const BYLINE_CONTAINERS = new Set(['p', 'div', 'li', 'td', 'table']);

/** `body p, body div, …`: those elements inside <body>, in document order (a walk, not a selector query). */
function* bylineCandidates(doc: Document): Generator<Element> {
  const body = doc.getElementsByTagName('body')[0];
  if (!body) return;
  const stack: Element[] = [];
  for (let c = body.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (BYLINE_ELEMENTS.has(el.localName)) yield el;
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
}

function hasDescendant(el: Element, names: Set<string>): boolean {
  const stack: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  while (stack.length > 0) {
    const e = stack.pop() as Element;
    if (names.has(e.localName)) return true;
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) stack.push(c);
  }
  return false;
}
