// Page-level metadata read from the whole document before the body is extracted:
// title candidates, og:site_name, author meta, and WeChat's account and author fields.
import { normalizeTitle } from '../../../shared/import/punctuation';
import { textOf } from './htmlDocument';

export interface PageMetadata {
  h1: string | null;
  ogTitle: string | null;
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
  return m.wechat?.title ?? m.h1 ?? m.ogTitle ?? (m.documentTitle ? stripSiteSuffix(m.documentTitle, m.siteName) : null);
}
