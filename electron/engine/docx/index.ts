// IssueDocument → .docx with real Word styles, bookmarks on every article title, PAGEREF cross-references
// and their page numbers already written in, so Word and LibreOffice show the right numbers on open
// (no "update fields" prompt: updateFields stays off).
import { Bookmark, Document, Footer, Header, Packer, PageNumber, Paragraph, SectionType, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { EstimatedPageNumbers, PageNumberEstimator } from 'docx';
import type { IssueDocument, PageMap } from '../../../shared/document/issueDocument';
import { ListNumbering, type BlockContext, type FigureSizes } from './blocks';
import type { ImageResolver } from './images';
import { articlePages, backCoverPage, coverPage, headerText, tocPages, viewpointPages } from './issueParts';
import { pageSetup, textWidth, type PageSetup, type PageSizeName } from './pageSetup';
import { stylesOverride, type PartOverride } from './package';
import { contentKey, estimateIssuePages, noneRemembered, rememberArticlePages, type IssueArticlePart, type LayoutFrame } from './pageEstimate';
import { fastLayout } from './fastLayout';
import { textRuns } from './runs';
import { issueFonts, issueStyles, runFonts, STYLE, type BodyFont, type DocxFonts } from './styles';
import { TableMiss, TableWidths } from './widths';

export interface DocxResult {
  docx: Buffer;
  /** the page of each article's title in docx's estimate of Word's layout (the numbers written into the fields) */
  estimatedPageMap: PageMap;
}

export interface DocxOptions {
  pageSize?: PageSizeName;
  /** body text, 提要 and table cells in a serif face (宋体, Times New Roman; default) or a sans one (黑体, Arial) */
  bodyFont?: BodyFont;
  /** East Asian fonts by name, in place of those `bodyFont` picks; default 宋体 (SimSun) for the body and 黑体 (SimHei) for headings */
  fonts?: { body?: string; heading?: string };
  onStage?: (stage: string) => void;
  /** bytes of a figure whose src is not a data: URL (e.g. a `media:` reference); null draws the caption alone */
  resolveImage?: ImageResolver;
  /**
   * How article pages are counted: 'fast' (default) by fastLayout.ts, falling back to docx's estimate for what it
   * leaves; 'docx' by docx's estimate alone, of the whole document on a first export (the reference tests and
   * benchmarks compare the fast layout with)
   */
  pageEstimate?: 'fast' | 'docx';
}

// Once per process: docx's estimate measuring text from the width table (fast), and with its own measurer for text
// the table cannot measure. guess: a font outside docx's width tables (a configured one) is measured as the nearest
// known one, instead of leaving every number blank.
const tableWidths = new TableWidths();
const tableEstimate = estimatePageNumbersWith({ guess: true, measureWidth: tableWidths.measureWidth });
const docxEstimate = estimatePageNumbersWith({ guess: true });

/** docx's page estimate from the width table, or from docx's own measurer where the table falls short. */
function estimatePageNumbers(body: Parameters<PageNumberEstimator>[0], context: Parameters<PageNumberEstimator>[1]): EstimatedPageNumbers {
  tableWidths.failed = false;
  try {
    return tableEstimate(body, context);
  } catch (error) {
    if (!(error instanceof TableMiss)) throw error;
    return docxEstimate(body, context);
  }
}

/** Wraps the estimator to keep what it worked out: the same numbers it writes into the fields. */
function recordingEstimator(then: () => void): { estimator: PageNumberEstimator; result: () => EstimatedPageNumbers | null } {
  let recorded: EstimatedPageNumbers | null = null;
  const estimator = Object.assign(
    (body: Parameters<PageNumberEstimator>[0], context: Parameters<PageNumberEstimator>[1]) => {
      recorded = estimatePageNumbers(body, context);
      then();
      return recorded;
    },
    tableEstimate.listNumbers ? { listNumbers: tableEstimate.listNumbers } : {},
  );
  return { estimator, result: () => recorded };
}

function sectionProperties(setup: PageSetup, type?: (typeof SectionType)[keyof typeof SectionType]): ISectionOptions['properties'] {
  return {
    ...(type ? { type } : {}),
    page: {
      size: { width: setup.width, height: setup.height },
      margin: setup.margin,
    },
  };
}

/** An empty header/footer: a section without one would show the previous section's. */
const blank = (): { default: Header } => ({ default: new Header({ children: [new Paragraph({ style: STYLE.header })] }) });
const blankFooter = (): { default: Footer } => ({ default: new Footer({ children: [new Paragraph({ style: STYLE.footer })] }) });

/** The docx Document of an issue, before it is packed; `estimate()` gives the page numbers written into it. */
export async function buildIssueDocxDocument(
  doc: IssueDocument,
  options: DocxOptions = {},
): Promise<{ document: Document; estimate: () => EstimatedPageNumbers | null; styles: Promise<PartOverride> }> {
  const fonts: DocxFonts = issueFonts(options.bodyFont, options.fonts);
  const pageSize = options.pageSize ?? 'A4';
  const setup = pageSetup(pageSize);
  const lists = new ListNumbering();
  const figureSizes: FigureSizes = new Map();
  const ctx: BlockContext = { fonts, setup, lists, resolveImage: options.resolveImage, figureSizes };

  const styles = issueStyles(fonts);
  const fast = fastLayout(styles, fonts, setup, tableWidths);

  options.onStage?.('docx:content');
  const articles: IssueArticlePart[] = [];
  const bodies: FileChild[][] = [];
  for (const article of doc.articles) {
    bodies.push(await articlePages(article, ctx));
    articles.push({
      anchor: article.anchor,
      key: contentKey(article),
      // a copy of its own for docx's estimate, its lists counted apart (their definitions are the document's)
      children: () => articlePages(article, { ...ctx, lists: new ListNumbering() }),
      ...(options.pageEstimate === 'docx' ? {} : { fastPages: () => fast.articlePages(article, figureSizes) }),
    });
  }
  const back = await backCoverPage(doc.meta, ctx);

  const header = new Header({
    children: [new Paragraph({ style: STYLE.header, children: textRuns(headerText(doc.meta), { fonts }) })],
  });
  const footer = new Footer({
    children: [
      new Paragraph({ style: STYLE.footer, children: [new TextRun({ font: runFonts(fonts, 'body'), children: [PageNumber.CURRENT] })] }),
    ],
  });

  const numbering = lists.options();
  const cover: ISectionOptions = { properties: sectionProperties(setup), headers: blank(), footers: blankFooter(), children: coverPage(doc.meta, fonts) };
  const backCover: ISectionOptions = {
    properties: sectionProperties(setup, SectionType.NEXT_PAGE),
    headers: blank(),
    footers: blankFooter(),
    children: back.length > 0 ? back : [new Paragraph({ style: STYLE.backCover })],
  };
  const frame: LayoutFrame = {
    styles,
    numbering,
    section: { properties: sectionProperties(setup, SectionType.NEXT_PAGE), headers: { default: header }, footers: { default: footer } },
    key: contentKey(fonts, pageSize, headerText(doc.meta)),
  };
  const frontMatter = [...viewpointPages(doc, fonts), ...tocPages(doc, fonts, textWidth(setup))];

  options.onStage?.('docx:layout');
  // Each article's page count comes from the fast layout, or from what an earlier export remembered, or from docx's
  // estimate of the articles neither has; then docx's estimate of the front matter (or of a skeleton of the issue)
  // gives the page numbers. Where that fails, or docx's estimate alone is asked for and no article is remembered, docx
  // estimates the whole document as it is written (once, while packing).
  const whole = options.pageEstimate === 'docx' && noneRemembered(articles, frame);
  const pages = whole
    ? null
    : await estimateIssuePages(
        articles,
        {
          before: [cover],
          frontMatter: [...viewpointPages(doc, fonts), ...tocPages(doc, fonts, textWidth(setup))],
          frontMatterWith: (pageOf) => [...viewpointPages(doc, fonts, pageOf), ...tocPages(doc, fonts, textWidth(setup), pageOf)],
          frontMatterGuess: (pageOf) => fast.frontMatterPages(doc, pageOf),
          after: [backCover],
          bookmarked: (anchor) => new Paragraph({ pageBreakBefore: true, children: [new Bookmark({ id: anchor, children: [new TextRun('\u00a0')] })] }),
        },
        frame,
        estimatePageNumbers,
      );
  const { estimator, result } = pages ? givenEstimate(pages) : recordingEstimator(() => rememberArticlePages(articles, frame, result()));
  const document = new Document({
    title: `${doc.meta.title} ${doc.meta.issueNumber}`.trim(),
    subject: doc.meta.dateRange,
    keywords: doc.meta.tags.join(' '),
    creator: 'Weekly Desk',
    styles,
    numbering,
    pageNumbers: estimator,
    features: { updateFields: false },
    sections: [
      cover,
      { ...frame.section, children: [...frontMatter, ...bodies.flat()] },
      backCover,
    ],
  });

  return { document, estimate: result, styles: stylesOverride(styles, contentKey(fonts)) };
}

/** Page numbers worked out already, written into the fields as they are. */
function givenEstimate(pages: EstimatedPageNumbers): { estimator: PageNumberEstimator; result: () => EstimatedPageNumbers } {
  return { estimator: () => pages, result: () => pages };
}

export async function renderIssueDocx(doc: IssueDocument, options: DocxOptions = {}): Promise<DocxResult> {
  const { document, estimate, styles } = await buildIssueDocxDocument(doc, options);
  // styles.xml with our paragraph defaults, in place of docx's (see patchStylesXml)
  const docx = await Packer.toBuffer(document, undefined, [await styles]);
  options.onStage?.('docx:done');

  const pages = estimate()?.bookmarkPageNumbers;
  const estimatedPageMap: PageMap = {};
  for (const article of doc.articles) {
    const page = pages?.get(article.anchor);
    if (page !== undefined) estimatedPageMap[article.id] = page;
  }
  return { docx, estimatedPageMap };
}
