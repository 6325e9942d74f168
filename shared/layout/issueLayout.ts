// The whole issue as a page model: cover, 本期视点, TOC, articles, back cover.
// Page numbers settle by fixed point: articles are paginated once (each starts a new page, so
// their pages only shift), then 本期视点 and the TOC are set with the numbers of the previous
// round until the numbers they print are the numbers they produce.
import type { DocumentArticle, IssueDocument, PageMap, ViewpointEntry } from '../document/issueDocument';
import { ANCHORS, LABELS } from '../document/issueDocument';
import { articleSlices } from './articleFlow';
import { backCoverItems, coverItems } from './covers';
import { tagger, type FlowContext } from './flowContext';
import { prepareViewpointEntry, tocSlices, viewpointSlices } from './frontMatter';
import { pageStyle, type PageOptions, type PageStyle } from './pageStyle';
import { paginate, type Frame } from './paginate';
import type { Typesetter } from './typesetter';
import type { OutlineEntry, Page, PageItem, PageRole } from './types';

export interface MissingGlyphs {
  articleId: string | null;
  chars: string;
}

export interface IssueLayout {
  style: PageStyle;
  pages: Page[];
  pageMap: PageMap;
  viewpointPage: number;
  tocPage: number;
  outline: OutlineEntry[];
  missingGlyphs: MissingGlyphs[];
  /** rounds the page-number fixed point needed */
  rounds: number;
  /** pages whose last slice is a heading (should be none) */
  headingAtPageEnd: number[];
}

export interface IssueLayoutOptions extends PageOptions {
  imageSize?: (src: string) => { width: number; height: number } | null;
  onStage?: (stage: string) => void;
  /** settle page numbers only: pages are counted, not filled (live 本期视点 numbers while editing) */
  pageMapOnly?: boolean;
  /**
   * Keep the lines of articles' paragraphs in the typesetter's cache (bounded), so an edit re-breaks
   * only the paragraphs it changed: the app's engine, laying out the same issue again and again.
   * A one-shot export leaves it off (each paragraph is set once; keeping them would only cost memory).
   */
  keepArticleLines?: boolean;
}

const MAX_ROUNDS = 8;

interface FrontPages {
  pages: PageItem[][];
  endsWithHeading: boolean[];
  tocIndex: number;
  missing: string;
}

interface ArticlePages {
  pages: PageItem[][];
  missing: string;
  endsWithHeading: boolean[];
  titleIndex: number;
  column: string;
}

function uniqueChars(s: string): string {
  return [...new Set(s)].join('');
}

/** What an article's memoised pages depend on besides the article itself. */
function articleStyleKey(options: IssueLayoutOptions): string {
  return JSON.stringify([options.size ?? 'A4', options.bodyFont ?? 'serif', options.margins ?? null, options.mirror ?? false, !options.pageMapOnly]);
}

/**
 * Each document article's memo keys by style key, made once per article object. Document articles
 * are never changed once made (an edit makes a new one: the service and the render worker hold
 * them by identity too), so a request does not stringify the unchanged articles again, and each key
 * is one string whose hash V8 keeps. The key still names the article's whole content: a different
 * object with the same content finds the same pages, a changed one never finds stale ones.
 */
const memoKeys = new WeakMap<DocumentArticle, Map<string, string>>();

function articleMemoKey(article: DocumentArticle, styleKey: string): string {
  let keys = memoKeys.get(article);
  if (!keys) memoKeys.set(article, (keys = new Map()));
  let key = keys.get(styleKey);
  if (key === undefined) keys.set(styleKey, (key = `article|${styleKey}|${JSON.stringify(article)}`));
  return key;
}

// Each article starts a page, so its pages never depend on the others: an edit re-lays only
// the article it touched (and with keepArticleLines, only the paragraphs it changed are broken).
function articlePages(article: DocumentArticle, ts: Typesetter, options: IssueLayoutOptions, style: PageStyle, frame: Frame): ArticlePages {
  return ts.memo(articleMemoKey(article, articleStyleKey(options)), () => {
    let chars = '';
    const ctx: FlowContext = {
      ts,
      style,
      tag: tagger(article.anchor),
      onMissing: (c) => (chars += c),
      ...(options.imageSize ? { imageSize: options.imageSize } : {}),
    };
    const lay = (): ReturnType<typeof paginate> => paginate(articleSlices(article, ctx), frame, !options.pageMapOnly);
    const p = options.keepArticleLines ? lay() : ts.withoutLineCache(lay);
    return { pages: p.pages, missing: chars, endsWithHeading: p.endsWithHeading, titleIndex: p.marks.get(article.id) ?? 0, column: article.column };
  });
}

function articleFrame(style: PageStyle): Frame {
  const g = style.geometry;
  return { left: g.inner, top: g.top, bottom: g.height - g.bottom };
}

/**
 * Lays out one article ahead of its issue (a build does it while later clippings still import): the
 * issue's layout with the same options and typesetter then takes its pages from the memo.
 */
export function prepareArticle(article: DocumentArticle, ts: Typesetter, options: IssueLayoutOptions = {}): void {
  const style = pageStyle(options);
  articlePages(article, ts, options, style, articleFrame(style));
}

/**
 * Sets an article's 本期视点 and TOC lines ahead of its issue, as prepareArticle its pages: the
 * typesetter's cache keeps them for the first round of page-number settling.
 */
export function prepareViewpointLines(entry: ViewpointEntry, ts: Typesetter, options: IssueLayoutOptions = {}): void {
  prepareViewpointEntry(entry, { ts, style: pageStyle(options), tag: tagger('front'), onMissing: () => {} });
}

export function layoutIssue(doc: IssueDocument, ts: Typesetter, options: IssueLayoutOptions = {}): IssueLayout {
  const style = pageStyle(options);
  const frame = articleFrame(style);
  const missing = new Map<string | null, string>();
  const ctxFor = (articleId: string | null, tagPrefix: string): FlowContext => ({
    ts,
    style,
    tag: tagger(tagPrefix),
    onMissing: (chars) => missing.set(articleId, (missing.get(articleId) ?? '') + chars),
    ...(options.imageSize ? { imageSize: options.imageSize } : {}),
  });

  options.onStage?.('layout articles');
  const render = !options.pageMapOnly;
  const articles: ArticlePages[] = doc.articles.map((article) => articlePages(article, ts, options, style, frame));
  articles.forEach((a, k) => {
    if (a.missing) missing.set(doc.articles[k].id, a.missing);
  });

  options.onStage?.('settle page numbers');
  let pageMap: PageMap = {};
  let front: PageItem[][] = [];
  let frontEndsWithHeading: boolean[] = [];
  let tocIndex = 0;
  let rounds = 0;
  let minFront = 0;
  const paginateFront = (numbers: PageMap, withItems: boolean): FrontPages => {
    let chars = '';
    const ctx: FlowContext = { ...ctxFor(null, 'front'), onMissing: (c) => (chars += c) };
    const p = paginate([...viewpointSlices(doc, numbers, ctx), ...tocSlices(doc, numbers, ctx)], frame, withItems);
    return { pages: p.pages, endsWithHeading: p.endsWithHeading, tocIndex: p.marks.get(ANCHORS.toc) ?? 0, missing: chars };
  };
  const setFront = (numbers: PageMap, withItems: boolean): void => {
    // Live numbers count the front matter for the same entries and numbers after most edits: its
    // count is remembered under everything it depends on (the entries' text, the numbers, the look).
    const p =
      options.pageMapOnly && !withItems
        ? ts.memo(`front|${articleStyleKey(options)}|${JSON.stringify([doc.readingNote, doc.viewpoint, numbers])}`, () => paginateFront(numbers, false))
        : paginateFront(numbers, withItems);
    missing.delete(null);
    if (p.missing) missing.set(null, p.missing);
    front = [...p.pages];
    frontEndsWithHeading = [...p.endsWithHeading];
    tocIndex = p.tocIndex;
    while (front.length < minFront) {
      front.push([]);
      frontEndsWithHeading.push(false);
    }
  };
  // The rounds only count pages; the numbers of the last one are set again with the pages' items.
  let frontMap: PageMap;
  for (;;) {
    rounds++;
    frontMap = pageMap;
    setFront(pageMap, false);
    // Guard against a cycle (a number gaining a digit pushes a page, which takes it back):
    // from the fourth round on, never let the front matter shrink; pad it with a blank page.
    if (rounds > 3) minFront = Math.max(minFront, front.length);
    const next: PageMap = {};
    let start = 2 + front.length;
    doc.articles.forEach((article, k) => {
      next[article.id] = start + articles[k].titleIndex;
      start += articles[k].pages.length;
    });
    const settled = doc.articles.every((a) => next[a.id] === pageMap[a.id]);
    pageMap = next;
    if (settled || rounds >= MAX_ROUNDS) break;
  }
  if (render) setFront(frontMap, true);

  options.onStage?.('assemble pages');
  const pages: Page[] = [];
  const add = (role: PageRole, items: PageItem[], header?: string): void => {
    const page: Page = { role, number: pages.length + 1, items, footer: role !== 'cover' && role !== 'back' };
    if (header) page.header = header;
    pages.push(page);
  };
  const cover = { style, ts, onMissing: (chars: string) => missing.set(null, (missing.get(null) ?? '') + chars) };
  add('cover', render ? coverItems(doc.meta, cover) : []);
  front.forEach((items, k) => add(k < tocIndex ? 'viewpoint' : 'toc', items));
  // article pages may be shared with a cached layout: pages get their own item lists
  articles.forEach((a) => a.pages.forEach((items) => add('article', [...items], a.column)));
  add('back', render ? backCoverItems(doc.meta, cover) : []);
  if (render) for (const page of pages) finishPage(page, style, ts, doc);

  const outline: OutlineEntry[] = [
    { title: LABELS.viewpointHeading.replace(/—/g, ''), dest: ANCHORS.viewpoint, children: [] },
    { title: LABELS.tocHeading.replace(/\s|\u3000/g, ''), dest: ANCHORS.toc, children: [] },
    ...doc.viewpoint.map((column) => ({
      title: column.column,
      dest: column.entries[0]?.anchor ?? ANCHORS.toc,
      children: column.entries.map((e) => ({ title: e.title, dest: e.anchor, children: [] })),
    })),
  ];

  const missingGlyphs: MissingGlyphs[] = [];
  for (const [articleId, chars] of missing) if (chars) missingGlyphs.push({ articleId, chars: uniqueChars(chars) });

  const endsWithHeading = [false, ...frontEndsWithHeading, ...articles.flatMap((a) => a.endsWithHeading), false];
  const headingAtPageEnd = endsWithHeading.flatMap((e, k) => (e ? [k + 1] : []));

  return { style, pages, pageMap, viewpointPage: 2, tocPage: 2 + tocIndex, outline, missingGlyphs, rounds, headingAtPageEnd };
}

/** Running header and footer page number; the text block moves to the binding side when mirrored. */
function finishPage(page: Page, style: PageStyle, ts: Typesetter, doc: IssueDocument): void {
  const g = style.geometry;
  const shift = g.mirror && page.number % 2 === 0 && page.role !== 'cover' && page.role !== 'back' ? g.outer - g.inner : 0;
  if (shift !== 0) {
    page.items = page.items.map((item): PageItem => {
      if (item.kind === 'rule') return { ...item, x1: item.x1 + shift, x2: item.x2 + shift };
      if (item.kind === 'dest') return item;
      return { ...item, x: item.x + shift };
    });
  }
  const left = g.mirror && page.number % 2 === 0 ? g.outer : g.inner;
  const right = left + style.measure;
  const size = style.small.size * 0.95;
  if (page.header) {
    const y = g.top - style.body.size * 1.6;
    const leftText = [doc.meta.title, doc.meta.issueNumber].filter(Boolean).join(' · ');
    const even = g.mirror && page.number % 2 === 0;
    const a = even ? page.header : leftText;
    const b = even ? leftText : page.header;
    page.items.push(
      { kind: 'text', x: left, y, text: a, font: style.faces.small, size, charSpacing: 0, color: style.muted },
      { kind: 'text', x: right - ts.width(b, style.faces.small, size), y, text: b, font: style.faces.small, size, charSpacing: 0, color: style.muted },
      { kind: 'rule', x1: left, y1: y + size * 0.6, x2: right, y2: y + size * 0.6, width: 0.5, color: '#9aa8b6' },
    );
  }
  if (page.footer) {
    const text = String(page.number);
    const fs = style.small.size;
    const y = g.height - g.bottom + style.body.size * 2.4;
    const cx = (left + right) / 2;
    page.items.push({ kind: 'text', x: cx - ts.width(text, style.faces.small, fs) / 2, y, text, font: style.faces.small, size: fs, charSpacing: 0, color: style.muted });
  }
}
