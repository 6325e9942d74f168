// warmUpPdf writes a one-article issue and throws it away while a build's import workers finish:
// that issue must be a real one (every block kind, every face it sets) and must leave the next
// issue's PDF exactly as it would have been.
import { describe, expect, it } from 'vitest';
import { renderIssuePdf, warmUpPdf } from '../../../../electron/engine/pdf/index';
import { warmUpDocument } from '../../../../electron/engine/pdf/warmUp';
import { fixtureDocument } from './fixtureDocument';

/** The file without what differs between two writes of one issue: creation dates and the file ID. */
function stable(pdf: Buffer): string {
  return pdf
    .toString('latin1')
    .replace(/D:\d{14}Z/g, 'D:')
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?/g, 'T')
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '/ID');
}

describe('warmUpPdf', () => {
  it('writes a whole issue of its own: cover, 本期视点, TOC, the article, back cover', async () => {
    const result = await renderIssuePdf(warmUpDocument());
    expect(result.pageCount).toBeGreaterThanOrEqual(5);
    expect(result.missingGlyphs).toEqual([]);
    expect(result.pdf.subarray(0, 8).toString('latin1')).toBe('%PDF-1.7');
  });

  it('leaves the PDF of the issue written after it byte for byte the same', async () => {
    const doc = fixtureDocument('2024-W47');
    const before = await renderIssuePdf(doc, { pageSize: '16K' });
    await warmUpPdf({ pageSize: '16K' });
    const after = await renderIssuePdf(doc, { pageSize: '16K' });
    expect(after.pageMap).toEqual(before.pageMap);
    expect(stable(after.pdf) === stable(before.pdf)).toBe(true);
  });
});
