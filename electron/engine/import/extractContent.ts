// Find the article body in a page: WeChat's #js_content; otherwise Readability, falling back to the
// page's <article> (or <body> without navigation) when Readability declines a short Chinese page
// (go-readability#26) or drops much of an <article> the clipper already isolated.
//
// Readability rewrites the document it reads. It works on the page itself (a copy of the whole page
// cost more than the extraction); the rare fallbacks take their element from a fresh parse instead.
import { Readability } from '@mozilla/readability';
import { elementsWhere } from '../../../shared/import/elementWalk';
import { textOf } from './htmlDocument';

export interface ExtractedContent {
  /** the element whose children are the body, not yet sanitised */
  root: Element | null;
  method: 'wechat' | 'readability' | 'article' | 'body';
}

/** Readability needs about this many characters; Chinese carries more per character, so ask for less. */
const CHAR_THRESHOLD = 200;
/** Readability must keep at least this share of a clipper's <article> text, or the <article> is used. */
const MIN_SHARE_OF_ARTICLE = 0.85;

const CHROME_SELECTORS = 'nav, header, footer, aside, script, style, noscript, form, iframe, [role="navigation"], [role="banner"], [role="contentinfo"], .nav, .footer, .header, .sidebar, #nav, #footer, #header';

/** Whether an ancestor of `el` is an <article> (`el.parentElement?.closest('article')` without the selector engine). */
function insideArticle(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.localName === 'article') return true;
  return false;
}

function loneArticle(doc: Document): Element | null {
  const articles = [...doc.getElementsByTagName('article')].filter((a) => !insideArticle(a));
  return articles.length === 1 ? articles[0] : null;
}

function bodyWithoutChrome(doc: Document): Element | null {
  const body = doc.body;
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

/**
 * Readability finds elements by tag with querySelectorAll, which in jsdom runs its full selector engine for
 * what is a tag-name lookup (a few hundred calls per page). The same elements, in the same document order,
 * from getElementsByTagName and a walk.
 */
export function elementsWithTag(node: Element | Document, tagNames: string[]): Element[] {
  if (tagNames.length === 1) return Array.from(node.getElementsByTagName(tagNames[0]));
  const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
  return elementsWhere(node, (el) => wanted.has(el.localName));
}

interface ReadabilityInternals {
  PRESENTATIONAL_ATTRIBUTES: string[];
  DEPRECATED_SIZE_ATTRIBUTE_ELEMS: string[];
  _getAllNodesWithTag: typeof elementsWithTag;
  _cleanStyles(e: Element | null): void;
}

/**
 * Readability's own _cleanStyles, except that an element without attributes (most of an article) is not
 * asked to remove each presentational attribute in turn: removing an attribute an element does not
 * have changes nothing, and through jsdom each call costs as much as a real removal.
 */
export function cleanStyles(this: ReadabilityInternals, e: Element | null): void {
  if (!e || e.tagName.toLowerCase() === 'svg') return;
  if (e.hasAttributes()) {
    for (let i = 0; i < this.PRESENTATIONAL_ATTRIBUTES.length; i++) e.removeAttribute(this.PRESENTATIONAL_ATTRIBUTES[i]);
    if (this.DEPRECATED_SIZE_ATTRIBUTE_ELEMS.includes(e.tagName)) {
      e.removeAttribute('width');
      e.removeAttribute('height');
    }
  }
  for (let cur = e.firstElementChild; cur !== null; cur = cur.nextElementSibling) this._cleanStyles(cur);
}

const readabilityInternals = Readability.prototype as unknown as ReadabilityInternals;
readabilityInternals._getAllNodesWithTag = elementsWithTag;
readabilityInternals._cleanStyles = cleanStyles;

/** Readability on `doc` itself (which it rewrites): the article element it built, and its text. */
function runReadability(doc: Document): { root: Element; text: string } | null {
  if (domDepth(doc.body) > MAX_DEPTH_FOR_READABILITY) return null;
  try {
    const result = new Readability<Element>(doc, {
      charThreshold: CHAR_THRESHOLD,
      keepClasses: true,
      maxElemsToParse: MAX_ELEMENTS_FOR_READABILITY,
      serializer: (el) => el as Element,
    }).parse();
    if (!result?.content) return null;
    return { root: result.content, text: (result.textContent ?? '').replace(/\s+/g, '') };
  } catch {
    return null;
  }
}

/**
 * The body of the page `doc`. `pristine` parses the page again, prepared as `doc` was: the <article> and
 * <body> fallbacks read the page as it was before Readability rewrote `doc`.
 */
export function extractContent(doc: Document, pristine: () => Document): ExtractedContent {
  const wechat = doc.getElementById('js_content');
  if (wechat && textOf(wechat) !== '') return { root: wechat, method: 'wechat' };

  const article = loneArticle(doc);
  const articleText = article ? (article.textContent ?? '').replace(/\s+/g, '') : '';
  const readable = runReadability(doc);
  if (article) {
    if (!readable || readable.text.length < articleText.length * MIN_SHARE_OF_ARTICLE) return { root: loneArticle(pristine()), method: 'article' };
  }
  if (readable && readable.text.length > 0) return { root: readable.root, method: 'readability' };
  return { root: bodyWithoutChrome(pristine()), method: 'body' };
}
