// The parts of an issue, page by page: cover, 本期视点, TOC, articles, back cover.
// Cross-references are PAGEREF fields to bookmarks on the article titles, so Word and LibreOffice keep them
// right after the editor changes the text; docx writes their cached values from its page estimate.
import { Bookmark, InternalHyperlink, Paragraph, TabStopType, type IParagraphOptions, type FileChild, type ParagraphChild } from 'docx';
import { ANCHORS, LABELS, type DocumentArticle, type IssueDocument, type ViewpointEntry } from '../../../shared/document/issueDocument';
import type { IssueMeta } from '../../../shared/model/issue';
import { renderBlocks, type BlockContext } from './blocks';
import { StyledPageReference, textRuns, type RunStyle } from './runs';
import { STYLE, type DocxFonts } from './styles';

const PAGE_REF_SLOT = '\u0000';

const NO_BREAK_SPACE = '\u00a0';
const WORD_JOINER = '\u2060';

/**
 * `——第 `, field, ` 页`: the label's text around the page number, taken from LABELS so both exports agree.
 * No-break spaces keep `第 18 页` on one line; a word joiner keeps the two em dashes together, which Word's
 * layout (as docx estimates it) may split and LibreOffice never does. (LibreOffice 7.4 ignores a joiner
 * between a dash and 第, so the label is not glued further: both may break before 第.)
 */
export function pageRefParts(): [string, string] {
  const [before, after = ''] = LABELS.pageRef(PAGE_REF_SLOT).split(PAGE_REF_SLOT);
  return [before.trim().replace(/—(?=—)/g, `—${WORD_JOINER}`) + NO_BREAK_SPACE, NO_BREAK_SPACE + after.trim()];
}

function para(style: string, children: ParagraphChild[], extra: Omit<IParagraphOptions, 'style' | 'children'> = {}): Paragraph {
  return new Paragraph({ style, children, ...extra });
}

function bookmarked(anchor: string, children: ParagraphChild[]): Bookmark {
  return new Bookmark({ id: anchor, children });
}

export function coverPage(meta: IssueMeta, fonts: DocxFonts): Paragraph[] {
  const heading: RunStyle = { fonts, role: 'heading' };
  const lines: Paragraph[] = [];
  for (let i = 0; i < 4; i++) lines.push(para(STYLE.coverLine, []));
  if (meta.series) lines.push(para(STYLE.coverLine, textRuns(meta.series, heading)));
  lines.push(para(STYLE.title, textRuns(meta.title, heading)));
  if (meta.subtitle) lines.push(para(STYLE.coverLine, textRuns(meta.subtitle, heading)));
  if (meta.issueNumber) lines.push(para(STYLE.coverIssue, textRuns(meta.issueNumber, heading)));
  if (meta.dateRange) lines.push(para(STYLE.coverLine, textRuns(`(${meta.dateRange})`, heading)));
  if (meta.tags.length > 0) lines.push(para(STYLE.coverLine, textRuns(meta.tags.join('　'), heading)));
  return lines;
}

/**
 * The page number of an article's title, as a PAGEREF field, or, given the numbers (`pageOf`), as the text the field
 * shows: the front matter laid out on its own with them is as long as it is with the fields (fastLayout's numbers).
 */
export type PageOf = (anchor: string) => number;

function pageNumber(anchor: string, style: RunStyle, pageOf?: PageOf): ParagraphChild[] {
  return pageOf ? textRuns(String(pageOf(anchor)), style) : [new StyledPageReference(anchor, style)];
}

function viewpointEntry(entry: ViewpointEntry, fonts: DocxFonts, pageOf?: PageOf): Paragraph[] {
  const body: RunStyle = { fonts };
  const [before, after] = pageRefParts();
  const entryLine = para(STYLE.viewpointEntry, [
    ...textRuns('▶ ', { ...body, style: STYLE.titleLink }),
    new InternalHyperlink({ anchor: entry.anchor, children: textRuns(entry.title, { ...body, style: STYLE.titleLink }) }),
    ...textRuns(`${LABELS.viewpointSource(entry.source)}${before}`, body),
    ...pageNumber(entry.anchor, body, pageOf),
    ...textRuns(after, body),
  ]);
  const out = [entryLine];
  if (entry.summary.trim()) {
    const small: RunStyle = { fonts };
    out.push(para(STYLE.viewpointSummary, [...textRuns(LABELS.summaryMark, { ...small, bold: true }), ...textRuns(entry.summary.trim(), small)]));
  }
  return out;
}

export function viewpointPages(doc: IssueDocument, fonts: DocxFonts, pageOf?: PageOf): Paragraph[] {
  const heading: RunStyle = { fonts, role: 'heading' };
  const out: Paragraph[] = [
    para(STYLE.frontHeading, [bookmarked(ANCHORS.viewpoint, textRuns(LABELS.viewpointHeading, heading))]),
    para(STYLE.readingNote, textRuns(doc.readingNote, { fonts })),
  ];
  for (const column of doc.viewpoint) {
    out.push(para(STYLE.viewpointColumn, textRuns(LABELS.columnHeader(column.column), heading)));
    for (const entry of column.entries) out.push(...viewpointEntry(entry, fonts, pageOf));
  }
  return out;
}

/** The compact TOC: column → title … page, each title a link and each page a PAGEREF field. */
export function tocPages(doc: IssueDocument, fonts: DocxFonts, pageNumberTab: number, pageOf?: PageOf): Paragraph[] {
  const heading: RunStyle = { fonts, role: 'heading' };
  const body: RunStyle = { fonts };
  const out: Paragraph[] = [
    para(STYLE.frontHeading, [bookmarked(ANCHORS.toc, textRuns(LABELS.tocHeading, heading))], { pageBreakBefore: true }),
  ];
  for (const column of doc.viewpoint) {
    out.push(para(STYLE.tocColumn, textRuns(LABELS.columnHeader(column.column), heading)));
    for (const entry of column.entries) {
      out.push(
        para(STYLE.tocEntry, [
          new InternalHyperlink({ anchor: entry.anchor, children: textRuns(entry.title, { ...body, style: STYLE.hyperlink }) }),
          ...textRuns('\t', body),
          ...pageNumber(entry.anchor, body, pageOf),
        ], { tabStops: [{ type: TabStopType.RIGHT, position: pageNumberTab, leader: 'dot' }] }),
      );
    }
  }
  return out;
}

export async function articlePages(article: DocumentArticle, ctx: BlockContext): Promise<FileChild[]> {
  const { fonts } = ctx;
  const heading: RunStyle = { fonts, role: 'heading' };
  const small: RunStyle = { fonts };
  const out: FileChild[] = [];
  // Each article starts on a new page, its column header above the title where the column starts.
  if (article.firstInColumn) {
    out.push(para(STYLE.column, textRuns(LABELS.columnHeader(article.column), heading), { pageBreakBefore: true }));
  }
  out.push(
    para(STYLE.articleTitle, [bookmarked(article.anchor, textRuns(article.title, heading))], {
      pageBreakBefore: !article.firstInColumn,
    }),
  );
  if (article.source) out.push(para(STYLE.articleSource, textRuns(LABELS.sourceLine(article.source), small)));
  if (article.author) out.push(para(STYLE.articleSource, textRuns(LABELS.authorLine(article.author), small)));
  out.push(...(await renderBlocks(article.blocks, ctx)));
  out.push(
    para(STYLE.backToContents, [
      new InternalHyperlink({
        anchor: ANCHORS.viewpoint,
        children: textRuns(LABELS.backToContents, { ...small, style: STYLE.hyperlink }),
      }),
    ]),
  );
  return out;
}

export function backCoverPage(meta: IssueMeta, fonts: DocxFonts): Paragraph[] {
  const lines = meta.backCover.split('\n').map((line) => line.trim());
  // Runs of blank lines (room left for the QR codes in print) shrink to one.
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  return kept.map((line) => para(STYLE.backCover, line ? textRuns(line, { fonts }) : []));
}

export function headerText(meta: IssueMeta): string {
  return [meta.title, meta.issueNumber].filter((s) => s.trim() !== '').join(' · ');
}

