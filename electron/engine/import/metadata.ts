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

function meta(doc: Document, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute('content');
  const clean = value ? normalizeTitle(value) : '';
  return clean === '' ? null : clean;
}

function text(el: Element | null): string | null {
  const t = el ? normalizeTitle(textOf(el)) : '';
  return t === '' ? null : t;
}

export function isWeChatPage(doc: Document): boolean {
  return !!doc.querySelector('#js_content') || /mp\.weixin\.qq\.com/.test(doc.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '');
}

export function readPageMetadata(doc: Document): PageMetadata {
  const scope = doc.querySelector('article') ?? doc.body;
  const h1 = scope?.querySelector('h1') ?? doc.querySelector('h1');
  const wechat = isWeChatPage(doc)
    ? {
        title: text(doc.querySelector('#activity-name')) ?? meta(doc, 'meta[property="og:title"]'),
        account: text(doc.querySelector('#js_name')) ?? text(doc.querySelector('.profile_nickname')),
        author: text(doc.querySelector('#js_author_name')) ?? meta(doc, 'meta[name="author"]'),
      }
    : null;
  return {
    h1: text(h1),
    ogTitle: meta(doc, 'meta[property="og:title"]') ?? meta(doc, 'meta[name="twitter:title"]'),
    articleTitle: meta(doc, 'meta[name="ArticleTitle"]') ?? meta(doc, 'meta[name="articletitle"]'),
    documentTitle: text(doc.querySelector('title')),
    siteName: meta(doc, 'meta[property="og:site_name"]') ?? meta(doc, 'meta[name="application-name"]'),
    authorMeta: meta(doc, 'meta[name="author"]') ?? meta(doc, 'meta[property="article:author"]'),
    canonicalUrl: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(doc, 'meta[property="og:url"]'),
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
  for (const el of doc.querySelectorAll('body p, body div, body span, body td, body li, body em, body font, body small')) {
    if (++seen > BYLINE_SCAN_LIMIT * 4) break;
    const text = el.textContent ?? '';
    if (text.length > 120 || el.querySelector('p, div, li, td, table')) continue;
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
