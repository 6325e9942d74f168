import { describe, expect, it } from 'vitest';
import type { TableCell } from '../../../../shared/content/blocks';
import { columnWidths, tableColumnCount } from '../../../../electron/engine/docx/tableGrid';

const cell = (colSpan = 1, rowSpan = 1): TableCell => ({ paragraphs: [[{ text: '医保' }]], colSpan, rowSpan });

describe('tableColumnCount', () => {
  it('counts the widest row', () => {
    expect(tableColumnCount([[cell(), cell()], [cell(), cell(), cell()]])).toBe(3);
  });

  it('counts column spans', () => {
    expect(tableColumnCount([[cell(4)], [cell(), cell()]])).toBe(4);
  });

  it('counts cells reaching down from the row above', () => {
    // | a (2 rows) | b | c |
    // |            | d | e |   ← only two cells written, but three columns
    expect(tableColumnCount([[cell(1, 2), cell(), cell()], [cell(), cell()]])).toBe(3);
    // a row span at the end of the row still occupies its column below
    expect(tableColumnCount([[cell(), cell(1, 3)], [cell()], [cell(), cell()]])).toBe(3);
  });

  it('is at least one for empty tables', () => {
    expect(tableColumnCount([])).toBe(1);
    expect(tableColumnCount([[]])).toBe(1);
  });
});

describe('columnWidths', () => {
  it('shares the width equally and exactly', () => {
    expect(columnWidths(9000, 4)).toEqual([2250, 2250, 2250, 2250]);
    const widths = columnWidths(9665, 3);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9665);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
  });
});
