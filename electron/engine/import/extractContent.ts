// Find the article body in a page: WeChat's #js_content; otherwise Readability, falling back to the
// page's <article> (or <body> without navigation) when Readability declines a short Chinese page
// (go-readability#26) or drops much of an <article> the clipper already isolated.
import { Readability } from '@mozilla/readability';
import { textOf } from './htmlDocument';

export interface ExtractedContent {
  /** HTML of the body, not yet sanitised */
  html: string;
  method: 'wechat' | 'readability' | 'article' | 'body';
}

/** Readability needs about this many characters; Chinese carries more per character, so ask for less. */
const CHAR_THRESHOLD = 200;
/** Readability must keep at least this share of a clipper's <article> text, or the <article> is used. */
const MIN_SHARE_OF_ARTICLE = 0.85;

const CHROME_SELECTORS = 'nav, header, footer, aside, script, style, noscript, form, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], .nav, .footer, .header, .sidebar, #nav, #footer, #header';

function loneArticle(doc: Document): Element | null {
  const articles = [...doc.querySelectorAll('article')].filter((a) => !a.parentElement?.closest('article'));
  return articles.length === 1 ? articles[0] : null;
}

function bodyWithoutChrome(doc: Document): Element | null {
  const body = doc.body?.cloneNode(true) as HTMLElement | undefined;
  if (!body) return null;
  for (const el of body.querySelectorAll(CHROME_SELECTORS)) el.remove();
  return body;
}

/** Readability's scoring is superlinear in nesting depth (minutes at a few hundred levels); real article
 * pages stay far below these limits, so past them the <article>/<body> fallback is used instead. */
const MAX_DEPTH_FOR_READABILITY = 120;
const MAX_ELEMENTS_FOR_READABILITY = 20_000;

export function domDepth(root: Element | null): number {
  if (!root) return 0;
  let max = 0;
  const stack: Array<[Element, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [Element, number];
    if (depth > max) max = depth;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return max;
}

function runReadability(doc: Document): { html: string; text: string } | null {
  if (domDepth(doc.body) > MAX_DEPTH_FOR_READABILITY) return null;
  try {
    const clone = doc.cloneNode(true) as Document;
    const result = new Readability(clone, { charThreshold: CHAR_THRESHOLD, keepClasses: true, maxElemsToParse: MAX_ELEMENTS_FOR_READABILITY }).parse();
    if (!result?.content) return null;
    return { html: result.content, text: (result.textContent ?? '').replace(/\s+/g, '') };
  } catch {
    return null;
  }
}

export function extractContent(doc: Document): ExtractedContent {
  const wechat = doc.querySelector('#js_content');
  if (wechat && textOf(wechat) !== '') return { html: wechat.innerHTML, method: 'wechat' };

  const article = loneArticle(doc);
  const readable = runReadability(doc);
  if (article) {
    const articleText = (article.textContent ?? '').replace(/\s+/g, '');
    if (!readable || readable.text.length < articleText.length * MIN_SHARE_OF_ARTICLE) return { html: article.innerHTML, method: 'article' };
  }
  if (readable && readable.text.length > 0) return { html: readable.html, method: 'readability' };
  const body = bodyWithoutChrome(doc);
  return { html: body?.innerHTML ?? '', method: 'body' };
}
