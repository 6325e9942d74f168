// The app's engines keep articles' paragraph lines (issue #10): live page numbers set them once, and
// an export in the same process takes them from the cache instead of breaking every paragraph again.
import { describe, expect, it } from 'vitest';
import { typesetterStats } from '../../../../../electron/engine/pdf/index';
import { defaultEngines } from '../../../../../electron/engine/service/defaultEngines';
import { fixtureDocument } from '../../pdf/fixtureDocument';

describe('defaultEngines', () => {
  it('exports with the paragraph lines the live page numbers kept, and prints the same numbers', async () => {
    const doc = fixtureDocument('2024-W47');
    const look = { pageSize: 'A4' as const, bodyFont: 'serif' as const };
    const before = typesetterStats().paragraphsBroken;
    const pages = await defaultEngines.settlePages(doc, look);
    const settled = typesetterStats().paragraphsBroken - before;
    const paragraphs = doc.articles.reduce((n, a) => n + a.blocks.length, 0);
    expect(settled).toBeGreaterThan(paragraphs / 2);
    expect(typesetterStats().lineEntries).toBeGreaterThan(paragraphs / 2);

    const pdf = await defaultEngines.renderPdf(doc, look);
    // only what a count does not set (cover, back cover, the drawn front matter's last round)
    expect(typesetterStats().paragraphsBroken - before - settled).toBeLessThan(settled / 10);
    expect(pdf.pageCount).toBe(pages.pageCount);
    expect(pdf.pageMap).toEqual(pages.pageMap);
  });
});
