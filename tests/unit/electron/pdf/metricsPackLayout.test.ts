// The layout over the metrics pack (what the renderer's worker will run for live page numbers)
// against the engine's: both fixture issues must settle to the same page numbers as the PDF export's
// settlePageNumbers, and lay out to the very same pages.
import { describe, expect, it } from 'vitest';
import { createMetrics, loadFontSet } from '../../../../electron/engine/fonts';
import { metricsPack } from '../../../../electron/engine/fonts/metricsPack';
import { settlePageNumbers } from '../../../../electron/engine/pdf/index';
import { layoutIssue, type IssueLayoutOptions } from '../../../../shared/layout/issueLayout';
import { metricsFromPack, type MetricsPack } from '../../../../shared/layout/metricsPack';
import { Typesetter } from '../../../../shared/layout/typesetter';
import { fixtureDocument } from './fixtureDocument';

const packed = metricsFromPack(JSON.parse(JSON.stringify(metricsPack())) as MetricsPack);

describe('layout over the metrics pack', () => {
  for (const fixture of ['2024-W47', '2021-W08'] as const) {
    const looks: IssueLayoutOptions[] = fixture === '2024-W47' ? [{}, { size: '16K', bodyFont: 'sans' }] : [{}];
    for (const look of looks) {
      it(`settles ${fixture} (${look.size ?? 'A4'}, ${look.bodyFont ?? 'serif'}) to the export's page numbers`, () => {
        const doc = fixtureDocument(fixture);
        const engine = settlePageNumbers(doc, { ...(look.size ? { pageSize: look.size } : {}), ...(look.bodyFont ? { bodyFont: look.bodyFont } : {}) });
        const worker = layoutIssue(doc, new Typesetter(packed), { ...look, pageMapOnly: true });
        expect(Object.keys(worker.pageMap)).toHaveLength(doc.articles.length);
        expect(worker.pageMap).toEqual(engine.pageMap);
        expect(worker.pages.length).toBe(engine.pageCount);
        expect(worker.viewpointPage).toBe(engine.viewpointPage);
        expect(worker.tocPage).toBe(engine.tocPage);
      });
    }

    it(`lays ${fixture} out to the same pages, item for item`, () => {
      const doc = fixtureDocument(fixture);
      const set = loadFontSet();
      const engine = layoutIssue(doc, new Typesetter(createMetrics(set.fonts, (key) => set.files[key] !== null)));
      const worker = layoutIssue(doc, new Typesetter(packed));
      expect(worker.pages.length).toBeGreaterThan(20);
      expect(worker.pages).toEqual(engine.pages);
      expect(worker.missingGlyphs).toEqual(engine.missingGlyphs);
      expect(worker.outline).toEqual(engine.outline);
    });
  }
});
