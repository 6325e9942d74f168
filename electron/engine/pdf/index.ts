// The print PDF of an issue: the layout engine sets the pages (page numbers settled by fixed
// point), pdfkit draws them with subset-embedded Noto faces, named destinations, links and an
// outline (columns → articles).
import PDFDocument from 'pdfkit';
import type { DocumentArticle, IssueDocument, PageMap, ViewpointEntry } from '../../../shared/document/issueDocument';
import { layoutIssue, prepareArticle, prepareViewpointLines, Typesetter, type BodyFont, type FontKey, type IssueLayout, type IssueLayoutOptions, type OutlineEntry } from '../../../shared/layout';
import { PAGE_NUMBERS_ONLY } from '../../../shared/layout/livePreview';
import { loadFontSet, type FontSet } from '../fonts';
import { bufferPageContent } from './contentBuffer';
import { drawPage, type DrawContext } from './drawPage';
import { createImageResolver, figureSources, mayOpenImage } from './images';
import { createStructureWriter } from './structure';

export interface PdfResult {
  pdf: Buffer;
  pageCount: number;
  pageMap: PageMap;
  viewpointPage: number;
  tocPage: number;
  missingGlyphs: Array<{ articleId: string | null; chars: string }>;
}

export interface PdfOptions {
  pageSize?: 'A4' | '16K';
  /** face of body text (正文字体 in 设置); serif unless asked */
  bodyFont?: BodyFont;
  onStage?: (stage: string) => void;
  /** margins in mm (defaults per page size); inner/outer swap on even pages when mirrored */
  margins?: { top?: number; bottom?: number; inner?: number; outer?: number };
  /** mirrored margins and running heads for duplex printing */
  mirror?: boolean;
  /**
   * Keep articles' paragraph lines in the process's cache for the next layout of the same issue (the
   * app's engine: its export reuses the lines the live page numbers set); a one-shot build leaves it off.
   */
  keepArticleLines?: boolean;
}

let typesetter: Typesetter | null = null;

/**
 * Paragraphs the process keeps the lines of. A body paragraph's lines take ~25 KB (its atoms); both
 * fixtures (~110 pages) are ~1,500 paragraphs and ~35 MB of heap, so this keeps two to three such
 * issues and stays under ~100 MB.
 */
const LINE_ENTRIES = 4_000;

/** One typesetter per process: its caches make re-exports and live page numbers cheap. */
function sharedTypesetter(): Typesetter {
  if (!typesetter) typesetter = new Typesetter(loadFontSet().metrics, { maxLineEntries: LINE_ENTRIES });
  return typesetter;
}

/** The process typesetter's line cache: paragraphs kept, and paragraphs broken so far (benches, tests). */
export function typesetterStats(): { lineEntries: number; paragraphsBroken: number } {
  const ts = sharedTypesetter();
  return { lineEntries: ts.cacheSize, paragraphsBroken: ts.paragraphsBroken };
}

type Doc = InstanceType<typeof PDFDocument>;

/** The publisher named on the back cover (its line with 公司/有限), for the document's Author. */
function publisherOf(doc: IssueDocument): string {
  const line = doc.meta.backCover.split('\n').find((l) => /公司|集团|出版|编辑部/.test(l));
  return line?.trim() || doc.meta.title;
}

function addOutline(doc: Doc, entries: OutlineEntry[], destPage: Map<string, number>): void {
  const add = (parent: Doc['outline'], entry: OutlineEntry): void => {
    const pageNumber = destPage.get(entry.dest);
    const item = parent.addItem(entry.title, { fit: true, expanded: true, ...(pageNumber !== undefined ? { pageNumber } : {}) } as never);
    for (const child of entry.children) add(item, child);
  };
  for (const entry of entries) add(doc.outline, entry);
}

/**
 * pdfkit sorts the named destinations with localeCompare, whose first call loads ICU's collation data
 * (several ms of a cold export). The PDF's name trees are sorted by the keys' bytes anyway, and our
 * names (viewpoint, toc, art_001…) are ASCII: code unit order is that order.
 */
function sortNamesByCode(pdf: Doc): void {
  const names = (pdf as unknown as { _root: { data: { Names: { data: { Dests: { _compareKeys(a: string, b: string): number } } } } } })._root.data.Names.data;
  names.Dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

type PageLook = Pick<PdfOptions, 'pageSize' | 'bodyFont' | 'margins' | 'mirror'>;

/** The layout options every path takes from the export's: settling, laying out ahead and drawing must agree. */
function layoutOptions(options: PageLook): IssueLayoutOptions {
  return {
    size: options.pageSize ?? 'A4',
    bodyFont: options.bodyFont ?? 'serif',
    ...(options.margins ? { margins: options.margins } : {}),
    ...(options.mirror ? { mirror: true } : {}),
  };
}

export interface PageNumbers {
  pageMap: PageMap;
  pageCount: number;
  viewpointPage: number;
  tocPage: number;
}

/**
 * The page numbers the PDF would print, without drawing it: the live 本期视点 preview while an
 * editor types. Unchanged articles come from the process-wide memo, and an edited article's
 * unchanged paragraphs from the line cache, so an edit re-breaks only the paragraphs it changed.
 */
export function settlePageNumbers(doc: IssueDocument, options: PageLook = {}): PageNumbers {
  const layout = layoutIssue(doc, sharedTypesetter(), { ...layoutOptions(options), ...PAGE_NUMBERS_ONLY });
  return { pageMap: layout.pageMap, pageCount: layout.pages.length, viewpointPage: layout.viewpointPage, tocPage: layout.tocPage };
}

/**
 * Lays out one article ahead of renderIssuePdf with the same options (a build does it while later
 * clippings still import), so the issue's layout takes its pages from the typesetter's memo, and
 * sets its 本期视点 entry's lines. An article with a figure the PDF opens waits for the issue: its
 * size comes from that image.
 */
export function prepareArticlePdf(article: DocumentArticle, options: PageLook = {}, entry?: ViewpointEntry): void {
  const ts = sharedTypesetter();
  const look = layoutOptions(options);
  // (figures without a source, or with a remote one, get no size from the images either way)
  if (!figureSources(article.blocks).some(mayOpenImage)) {
    prepareArticle(article, ts, look);
  }
  if (entry) prepareViewpointLines(entry, ts, look);
}

/** Draws the laid-out pages, their destinations and the outline into `pdf`. */
function drawIssue(pdf: Doc, layout: IssueLayout, fonts: FontSet, image: DrawContext['image']): void {
  const { width, height } = layout.style.geometry;
  // Register each face once under one name; pdfkit takes the parsed fontkit object.
  const names: Partial<Record<FontKey, string>> = {};
  const fontName = (key: FontKey): string => {
    let name = names[key];
    if (!name) {
      const face = fonts.fonts[key] ?? fonts.fonts.serif;
      name = `wd-${key}`;
      pdf.registerFont(name, face as never);
      names[key] = name;
    }
    return name;
  };
  const structure = createStructureWriter(pdf);
  const destPage = new Map<string, number>();
  for (const page of layout.pages) {
    pdf.addPage({ size: [width, height], margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    drawPage(pdf, page, { fontName, image }, structure);
    for (const item of page.items) if (item.kind === 'dest') destPage.set(item.name, page.number - 1);
  }
  structure.finish();
  addOutline(pdf, layout.outline, destPage);
}

/** A PDF/A-2b tagged document as the issue is written, and its bytes once it has ended. */
function newDocument(info: { Title: string; Subject: string; Keywords: string; Author: string }): { pdf: Doc; finished: Promise<Buffer> } {
  const pdf = new PDFDocument({
    font: null,
    autoFirstPage: false,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    tagged: true,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { ...info, Creator: 'Weekly Desk', Producer: 'Weekly Desk (pdfkit)' },
  } as never) as Doc;
  bufferPageContent(pdf);
  sortNamesByCode(pdf);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return { pdf, finished };
}

export async function renderIssuePdf(doc: IssueDocument, options: PdfOptions = {}): Promise<PdfResult> {
  const stage = options.onStage ?? ((): void => {});
  stage('fonts');
  const fonts = loadFontSet();
  const ts = sharedTypesetter();
  const { pdf, finished } = newDocument({
    Title: [doc.meta.title, doc.meta.issueNumber].filter(Boolean).join(' '),
    Subject: [doc.meta.subtitle, doc.meta.dateRange].filter(Boolean).join(' '),
    Keywords: doc.viewpoint.map((c) => c.column).join(', '),
    Author: publisherOf(doc),
  });
  const images = createImageResolver(pdf, doc);
  const layout = layoutIssue(doc, ts, {
    ...layoutOptions(options),
    imageSize: images.size,
    onStage: stage,
    ...(options.keepArticleLines ? { keepArticleLines: true } : {}),
  });
  stage('draw pdf');
  drawIssue(pdf, layout, fonts, images.source);
  pdf.end();
  const bytes = await finished;
  stage('done');
  return {
    pdf: bytes,
    pageCount: layout.pages.length,
    pageMap: layout.pageMap,
    viewpointPage: layout.viewpointPage,
    tocPage: layout.tocPage,
    missingGlyphs: layout.missingGlyphs,
  };
}
