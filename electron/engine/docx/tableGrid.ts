// How many grid columns a table of render blocks spans, counting cells that reach down from rows above
// (rowSpan) as well as colSpan, and the widths that share the text column between them.
import type { TableCell } from '../../../shared/content/blocks';

export function tableColumnCount(rows: TableCell[][]): number {
  /** per grid column, how many more rows a cell from above still covers */
  const covered: number[] = [];
  let columns = 0;
  for (const row of rows) {
    let col = 0;
    for (const cell of row) {
      while ((covered[col] ?? 0) > 0) col++;
      const span = Math.max(1, cell.colSpan ?? 1);
      const down = Math.max(1, cell.rowSpan ?? 1);
      for (let c = col; c < col + span; c++) covered[c] = down;
      col += span;
    }
    columns = Math.max(columns, col, covered.length);
    for (let c = 0; c < covered.length; c++) covered[c] = Math.max(0, (covered[c] ?? 0) - 1);
  }
  return Math.max(1, columns);
}

/** Equal column widths in twips that add up exactly to the given width. */
export function columnWidths(total: number, count: number): number[] {
  const base = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => (i < total - base * count ? base + 1 : base));
}
