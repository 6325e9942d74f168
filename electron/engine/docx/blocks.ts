// Render blocks of an article body → docx paragraphs and tables, in the styles.
import {
  AlignmentType,
  ImageRun,
  LevelFormat,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type INumberingOptions,
  type FileChild,
} from 'docx';
import type { Block, FigureBlock, ListBlock, TableBlock, TableCell as BlockCell } from '../../../shared/content/blocks';
import { fitImage, loadFigureImage, type ImageResolver } from './images';
import { textWidth, twipsToPixels, type PageSetup } from './pageSetup';
import { inlineRuns, textRuns, type RunStyle } from './runs';
import { STYLE, type DocxFonts } from './styles';
import { columnWidths, tableColumnCount } from './tableGrid';

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const LIST_INDENT = 480;
const LIST_HANGING = 360;
const MAX_LIST_LEVEL = 2;
const BULLETS = ['•', '◦', '▪'];
const NUMBER_TEXT = ['%1.', '（%2）', '%3)'];

/** A list level's indents in twips: the text's from the margin, and the number's before it. */
export const listIndent = (level: number): { left: number; hanging: number } => ({ left: LIST_INDENT * (level + 1), hanging: LIST_HANGING });

/** The depth a list nested `level` deep is written at. */
export const listDepth = (level: number): number => Math.min(level, MAX_LIST_LEVEL);

/**
 * The number Word shows before the `index`th item of a list at a depth: each list counts on its own (an instance of
 * its own), from its start at the top level and from 1 below it.
 */
export function listNumberText(list: Pick<ListBlock, 'ordered' | 'start'>, depth: number, index: number): string {
  if (!list.ordered) return BULLETS[depth];
  return NUMBER_TEXT[depth].replace(/%\d/, String((depth === 0 ? (list.start ?? 1) : 1) + index));
}

/** Word lists: one definition per kind and start number, one instance per list so each counts from its start. */
export class ListNumbering {
  private readonly starts = new Set<number>();
  private instances = 0;

  reference(ordered: boolean, start = 1): string {
    if (!ordered) return 'issue-bullets';
    this.starts.add(start);
    return `issue-numbers-${start}`;
  }

  nextInstance(): number {
    return ++this.instances;
  }

  options(): INumberingOptions {
    const indent = listIndent;
    const bullets = BULLETS;
    const numberText = NUMBER_TEXT;
    return {
      config: [
        {
          reference: 'issue-bullets',
          levels: bullets.map((text, level) => ({
            level,
            format: LevelFormat.BULLET,
            text,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: indent(level) } },
          })),
        },
        ...[...this.starts].map((start) => ({
          reference: `issue-numbers-${start}`,
          levels: numberText.map((text, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text,
            start: level === 0 ? start : 1,
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: indent(level) } },
          })),
        })),
      ],
    };
  }
}

/** The size (pixels) each figure's picture is written at, or null for a figure written as its caption alone. */
export type FigureSizes = Map<FigureBlock, { width: number; height: number } | null>;

export interface BlockContext {
  fonts: DocxFonts;
  setup: PageSetup;
  lists: ListNumbering;
  resolveImage?: ImageResolver;
  /** where the figures' picture sizes are kept, for the fast layout (fastLayout.ts) */
  figureSizes?: FigureSizes;
}

function listParagraphs(list: ListBlock, ctx: BlockContext, level: number): Paragraph[] {
  const reference = ctx.lists.reference(list.ordered, list.start ?? 1);
  const instance = ctx.lists.nextInstance();
  const depth = listDepth(level);
  return list.items.flatMap((item) => [
    new Paragraph({
      style: STYLE.listItem,
      numbering: { reference, level: depth, instance },
      children: inlineRuns(item.runs, { fonts: ctx.fonts }),
    }),
    ...(item.children ? listParagraphs(item.children, ctx, level + 1) : []),
  ]);
}

function cellParagraphs(cell: BlockCell, ctx: BlockContext): Paragraph[] {
  const style: RunStyle = { fonts: ctx.fonts, bold: cell.header };
  const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
  return paragraphs.map((runs) => new Paragraph({ style: STYLE.tableText, children: inlineRuns(runs, style) }));
}

function table(block: TableBlock, ctx: BlockContext): Table | null {
  const rows = block.rows.filter((row) => row.length > 0);
  if (rows.length === 0) return null;
  const width = textWidth(ctx.setup);
  const widths = columnWidths(width, tableColumnCount(rows));
  // Header rows repeat on every page the table crosses, as long as they are the table's first rows.
  let leadingHeaders = 0;
  while (leadingHeaders < rows.length && rows[leadingHeaders].every((c) => c.header)) leadingHeaders++;
  if (leadingHeaders === rows.length) leadingHeaders = 0;
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    rows: rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r < leadingHeaders,
          children: row.map(
            (cell) =>
              new TableCell({
                children: cellParagraphs(cell, ctx),
                ...(cell.colSpan && cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
                ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
              }),
          ),
        }),
    ),
  });
}

async function figure(block: FigureBlock, ctx: BlockContext): Promise<Paragraph[]> {
  const out: Paragraph[] = [];
  const image = await loadFigureImage(block.src, ctx.resolveImage);
  if (image) {
    const box = {
      width: twipsToPixels(textWidth(ctx.setup)),
      height: twipsToPixels((ctx.setup.height - ctx.setup.margin.top - ctx.setup.margin.bottom) * 0.6),
    };
    const natural = { width: block.width ?? image.info.width, height: block.height ?? image.info.height };
    const size = fitImage(natural, box);
    ctx.figureSizes?.set(block, size);
    out.push(
      new Paragraph({
        style: STYLE.figure,
        children: [
          new ImageRun({
            type: image.info.kind,
            data: image.bytes,
            transformation: size,
            altText: { name: block.altText || block.caption || 'figure', description: block.altText, title: block.caption },
          }),
        ],
      }),
    );
  }
  else ctx.figureSizes?.set(block, null);
  const caption = block.caption.trim();
  if (caption) {
    out.push(new Paragraph({ style: STYLE.caption, children: textRuns(caption, { fonts: ctx.fonts }) }));
  }
  return out;
}

const hasText = (runs: { text: string }[]): boolean => runs.some((r) => r.text.trim() !== '');

/** One block of an article body as docx paragraphs / tables (empty paragraphs are dropped). */
export async function renderBlock(block: Block, ctx: BlockContext): Promise<FileChild[]> {
  const style: RunStyle = { fonts: ctx.fonts };
  switch (block.kind) {
    case 'heading': {
      if (!hasText(block.runs)) return [];
      const role = block.level === 3 ? 'body' : 'heading';
      return [new Paragraph({ style: STYLE.subHeading[block.level - 1], children: inlineRuns(block.runs, { ...style, role }) })];
    }
    case 'paragraph':
      if (!hasText(block.runs)) return [];
      return [
        new Paragraph({
          style: STYLE.body,
          ...(block.align && block.align !== 'justify' ? { alignment: ALIGN[block.align] } : {}),
          children: inlineRuns(block.runs, style),
        }),
      ];
    case 'quote':
      if (!hasText(block.runs)) return [];
      return [new Paragraph({ style: STYLE.quote, children: inlineRuns(block.runs, style) })];
    case 'list':
      return listParagraphs(block, ctx, 0);
    case 'table': {
      const t = table(block, ctx);
      // A paragraph after each table keeps Word from merging two tables that follow each other.
      return t ? [t, new Paragraph({ style: STYLE.tableText, children: [] })] : [];
    }
    case 'figure':
      return figure(block, ctx);
  }
}

export async function renderBlocks(blocks: Block[], ctx: BlockContext): Promise<FileChild[]> {
  const out: FileChild[] = [];
  for (const block of blocks) out.push(...(await renderBlock(block, ctx)));
  return out;
}
