// Tables: column widths from content (HTML auto layout: minimum = longest unbreakable piece,
// natural = one-line width), CJK wrapping inside cells, one slice per row so rows split across
// pages, the header row repeated on a continued page, too-wide tables set smaller.
import { runsText, type TableBlock, type TableCell } from '../content/blocks';
import type { StyledRun } from './atoms';
import { styleRuns, type FlowContext } from './flowContext';
import type { Line } from './lineBreaker';
import { lineItems } from './lineItems';
import type { Slice } from './paginate';
import { baselineIn } from './textSlices';
import type { PageItem } from './types';

const PAD_X = 4;
const PAD_Y = 3;
const MIN_SCALE = 0.72;
const BORDER = '#7f8c99';
const HEADER_FILL = '#e8eef4';

interface Grid {
  /** cells with their first grid column */
  rows: Array<Array<{ cell: TableCell; col: number; span: number }>>;
  cols: number;
}

/**
 * Clipped tables often lost their <th>: a first row of short labels over at least two more rows
 * (政策名称 | 发布时间 | 级别) is read as the header row.
 */
export function looksLikeHeaderRow(block: TableBlock): boolean {
  const [first, ...rest] = block.rows;
  if (!first || rest.length < 2 || first.length < 2) return false;
  if (first.every((c) => c.header)) return true;
  return first.every((c) => {
    const text = c.paragraphs.map((p) => runsText(p)).join('').trim();
    return text !== '' && [...text].length <= 8 && !/[。；;]$/.test(text) && !/^[\d.,%\s/-]+$/.test(text);
  });
}

function grid(block: TableBlock, headerRow: boolean): Grid {
  let cols = 0;
  const rows = block.rows.map((row, r) => {
    let col = 0;
    const placed = row.map((raw) => {
      const cell = r === 0 && headerRow ? { ...raw, header: true } : raw;
      const span = Math.max(1, cell.colSpan ?? 1);
      const p = { cell, col, span };
      col += span;
      return p;
    });
    cols = Math.max(cols, col);
    return placed;
  });
  return { rows, cols };
}

function cellRuns(cell: TableCell, size: number, ctx: FlowContext): StyledRun[][] {
  const { body, bodyBold } = ctx.style.faces;
  const bold = cell.header ? 'sansBold' : bodyBold;
  return cell.paragraphs.map((p) => styleRuns(p, { font: cell.header ? 'sansBold' : body, bold, size, color: ctx.style.text }));
}

/** [min, natural] content width of a cell, points. */
function cellWidths(paras: StyledRun[][], ctx: FlowContext): [number, number] {
  let min = 0;
  let natural = 0;
  for (const runs of paras) {
    let line = 0;
    for (const r of runs) {
      const w = ctx.ts.width(r.text, r.font, r.size);
      line += w;
      // longest piece that cannot break: a Latin word/number, or one Han character
      for (const piece of r.text.split(/[\s\u3000]+|(?<=[\u3000-\u9fff\uff00-\uffef])|(?=[\u3000-\u9fff\uff00-\uffef])/)) {
        if (piece) min = Math.max(min, ctx.ts.width(piece, r.font, r.size));
      }
    }
    natural = Math.max(natural, line);
  }
  return [min, natural];
}

function columnWidths(g: Grid, size: number, ctx: FlowContext, measure: number): { widths: number[]; fits: boolean } {
  const min = new Array<number>(g.cols).fill(size * 2);
  const nat = new Array<number>(g.cols).fill(size * 2);
  for (const row of g.rows) {
    for (const { cell, col, span } of row) {
      if (span !== 1) continue;
      const [mi, na] = cellWidths(cellRuns(cell, size, ctx), ctx);
      // a short label (发布时间, 级别) does not wrap
      const short = cell.paragraphs.length === 1 && [...runsText(cell.paragraphs[0])].length <= 6;
      min[col] = Math.max(min[col], (short ? na : mi) + 2 * PAD_X);
      nat[col] = Math.max(nat[col], na + 2 * PAD_X + 0.5);
    }
  }
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumNat = nat.reduce((a, b) => a + b, 0);
  if (sumNat <= measure) {
    // stretch to the measure in proportion to content
    return { widths: nat.map((w) => w + ((measure - sumNat) * w) / sumNat), fits: true };
  }
  if (sumMin > measure) return { widths: min, fits: false };
  const room = measure - sumMin;
  const flex = nat.map((w, k) => w - min[k]);
  const sumFlex = flex.reduce((a, b) => a + b, 0) || 1;
  return { widths: min.map((w, k) => w + (room * flex[k]) / sumFlex), fits: true };
}

export function layoutTable(block: TableBlock, ctx: FlowContext): Slice[] {
  const { style, ts } = ctx;
  const g = grid(block, looksLikeHeaderRow(block));
  if (g.cols === 0) return [];
  const measure = style.measure;
  let size = style.caption.size;
  const first = columnWidths(g, size, ctx, measure);
  let widths = first.widths;
  if (!first.fits) {
    const sumMin = widths.reduce((a, b) => a + b, 0);
    const scale = Math.max(MIN_SCALE, measure / sumMin);
    size *= scale;
    ({ widths } = columnWidths(g, size, ctx, measure));
    const total = widths.reduce((a, b) => a + b, 0);
    if (total > measure) widths = widths.map((w) => (w * measure) / total);
  }
  const leading = size * 1.5;
  const slot = { size, leading };
  const base = baselineIn(slot);
  const lefts = widths.map((_, k) => widths.slice(0, k).reduce((a, b) => a + b, 0));

  const tableTag = ctx.tag('Table');
  // A row taller than half a page is cut into pieces of whole lines, each its own slice.
  const pageRoom = style.geometry.height - style.geometry.top - style.geometry.bottom;
  const maxLines = Math.max(1, Math.floor((pageRoom * 0.5 - 2 * PAD_Y) / leading));
  const rowSlices: Slice[] = [];
  const firstSliceOfRow: Slice[] = [];
  g.rows.forEach((row) => {
    const rowTag = ctx.tag('TR');
    const cells = row.map(({ cell, col, span }) => {
      const tags = [tableTag, rowTag, ctx.tag(cell.header ? 'TH' : 'TD')];
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const lines: Line[] = [];
      for (const runs of cellRuns(cell, size, ctx)) {
        lines.push(...ts.set(runs, { width: w - 2 * PAD_X, align: 'left', fullWidthPunctuation: true }, ctx.onMissing));
      }
      return { cell, x: lefts[col], w, lines, tags };
    });
    const rowLines = Math.max(...cells.map((c) => c.lines.length), 1);
    const isHeader = row.length > 0 && row.every(({ cell }) => cell.header);
    for (let from = 0; from < rowLines; from += maxLines) {
      const to = Math.min(rowLines, from + maxLines);
      const height = (to - from) * leading + 2 * PAD_Y;
      const slice: Slice = {
        height,
        spaceBefore: 0,
        keepWithNext: false,
        render: (x, y): PageItem[] => {
          const items: PageItem[] = [];
          for (const c of cells) {
            items.push({
              kind: 'box',
              x: x + c.x,
              y,
              w: c.w,
              h: height,
              stroke: BORDER,
              lineWidth: 0.6,
              ...(isHeader || c.cell.header ? { fill: HEADER_FILL } : {}),
            });
            c.lines.slice(from, to).forEach((line, k) => {
              for (const item of lineItems(line, x + c.x + PAD_X, y + PAD_Y + k * leading + base)) {
                if (item.kind === 'text') item.tags = c.tags;
                items.push(item);
              }
            });
          }
          return items;
        },
      };
      if (from === 0) firstSliceOfRow.push(slice);
      rowSlices.push(slice);
    }
  });
  const header = firstSliceOfRow.length > 1 && g.rows[0].every(({ cell }) => cell.header) ? rowSlices[0] : undefined;
  if (header) {
    header.keepWithNext = true;
    for (const s of rowSlices.slice(1)) s.repeatHeader = header;
  }
  if (rowSlices.length > 0) rowSlices[0].spaceBefore = style.body.size * 0.6;
  // a small gap after the table
  rowSlices.push({ height: style.body.size * 0.6, spaceBefore: 0, keepWithNext: false, render: () => [] });
  // the first two rows stay together, and the last two
  if (rowSlices.length > 3) {
    rowSlices[0].keepWithNext = true;
    rowSlices[rowSlices.length - 3].keepWithNext = true;
  }
  return rowSlices;
}
