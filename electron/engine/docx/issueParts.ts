// The parts of an issue, page by page: cover, 本期视点, TOC, articles, back cover.
// Cross-references are PAGEREF fields to bookmarks on the article titles, so Word and LibreOffice keep them
// right after the editor changes the text; docx writes their cached values from its page estimate.
import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  ImageRun,
  InternalHyperlink,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  WidthType,
  type IParagraphOptions,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import { backCoverBlocks } from '../../../shared/layout/covers';
import { ANCHORS, LABELS, type DocumentArticle, type IssueDocument, type ViewpointEntry } from '../../../shared/document/issueDocument';
import type { IssueMeta, QrCode } from '../../../shared/model/issue';
import { renderBlocks, type BlockContext } from './blocks';
import { fitImage, loadFigureImage } from './images';
import { textWidth } from './pageSetup';
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

/** Side of a QR code on the back cover, in pixels (100 pt, as the PDF draws it). */
export const QR_SIZE = Math.round((100 * 96) / 72);

/** A cell of the QR row: the code's image (or nothing where it cannot be read) and its caption's lines, centred. */
async function qrCell(code: QrCode, index: number, width: number, ctx: BlockContext): Promise<TableCell> {
  const image = await loadFigureImage(code.image, ctx.resolveImage);
  const caption = code.caption.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const children: Paragraph[] = [];
  if (image) {
    children.push(
      para(STYLE.qrCode, [
        new ImageRun({
          type: image.info.kind,
          data: image.bytes,
          transformation: fitImage(image.info, { width: QR_SIZE, height: QR_SIZE }),
          altText: { name: `qr${index + 1}`, description: caption.join(' ') || `QR ${index + 1}`, title: caption.join(' ') },
        }),
      ]),
    );
  }
  for (const line of caption) children.push(para(STYLE.qrCaption, textRuns(line, { fonts: ctx.fonts })));
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { left: 0, right: 0, top: 0, bottom: 0 },
    children: children.length > 0 ? children : [para(STYLE.qrCaption, [])],
  });
}

/** The QR codes side by side, each with its caption below it, in a table without borders centred on the page. */
async function qrRow(codes: readonly QrCode[], ctx: BlockContext): Promise<Table> {
  const cellWidth = Math.min(Math.floor(textWidth(ctx.setup) / codes.length), QR_CELL);
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new Table({
    alignment: AlignmentType.CENTER,
    layout: TableLayoutType.FIXED,
    width: { size: cellWidth * codes.length, type: WidthType.DXA },
    columnWidths: codes.map(() => cellWidth),
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ cantSplit: true, children: await Promise.all(codes.map((code, i) => qrCell(code, i, cellWidth, ctx))) })],
  });
}

/** Width of a QR code's column: the code and the room between codes (170 pt, as the PDF spaces them), in twips. */
const QR_CELL = 170 * 20;

/**
 * The back cover: the issue's QR codes side by side, each with its caption, in place of the 扫一扫 blocks of its text
 * (as the PDF's back cover draws them), then the rest of the text; without QR codes, the text as it is.
 */
export async function backCoverPage(meta: IssueMeta, ctx: BlockContext): Promise<FileChild[]> {
  const { fonts } = ctx;
  const codes = meta.qrCodes ?? [];
  if (codes.length > 0) {
    const { info } = backCoverBlocks(meta.backCover);
    return [
      para(STYLE.backCover, []),
      await qrRow(codes, ctx),
      para(STYLE.backCover, []),
      ...info.map((line) => para(STYLE.backCover, textRuns(line, { fonts }))),
    ];
  }
  const lines = meta.backCover.split('\n').map((line) => line.trim());
  // Runs of blank lines (room left for the QR codes in print) shrink to one.
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  return kept.map((line) => para(STYLE.backCover, line ? textRuns(line, { fonts }) : []));
}

export function headerText(meta: IssueMeta): string {
  return [meta.title, meta.issueNumber].filter((s) => s.trim() !== '').join(' · ');
}

