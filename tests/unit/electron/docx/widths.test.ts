// The width table the page estimate measures with: it holds docx's own widths, and the estimate made with it puts
// every bookmark on the page docx's own measurer does.
import { join } from 'node:path';
import { AlignmentType, Bookmark, Document, LineRuleType, Packer, Paragraph, TextRun, type EstimatedPageNumbers, type PageNumberEstimator } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { describe, expect, it } from 'vitest';
import { faceKey, probeWidths, TableMiss, TableWidths, TABLE_CHARACTERS, type WidthTable } from '../../../../electron/engine/docx/widths';
import table from '../../../../electron/engine/docx/widthTable.json';
import { loadIssueFromManifest } from '../../../../electron/engine/build/manifest';
import { blocksToPlainText } from '../../../../shared/content/walker';
import { buildIssueDocument } from '../../../../shared/document/issueDocument';
import { FIXTURES_DIR } from './fixtures';

const TNR = { name: 'Times New Roman', bold: false, italic: false };
const SIMSUN = { name: 'SimSun', bold: false, italic: false };

describe('probeWidths', () => {
  it('measures docx widths in ems: Latin letters proportional, SimSun half and full width', () => {
    const tnr = probeWidths(TNR, ['i', 'M', ' ']);
    expect(tnr.get('i')).toBeCloseTo(0.278, 6);
    expect(tnr.get('M')).toBeCloseTo(0.889, 6);
    expect(tnr.get(' ')).toBeCloseTo(0.25, 6);
    const simsun = probeWidths(SIMSUN, ['i', 'M', '中', '，']);
    expect([...simsun.values()].map((w) => Math.round(w! * 1000))).toEqual([500, 500, 1000, 1000]);
  });
});

describe('widthTable.json', () => {
  const faces = (table as WidthTable).faces;

  it('holds every table character in the faces the issue uses, regular and bold', () => {
    for (const name of ['Times New Roman', 'Arial', 'SimSun', 'SimHei']) {
      for (const bold of [false, true]) {
        expect(faces[faceKey({ name, bold, italic: false })]?.widths).toHaveLength(TABLE_CHARACTERS.length);
      }
    }
    expect((table as WidthTable).characters).toBe(TABLE_CHARACTERS.join(''));
  });

  it('agrees with what docx measures now (a sample of characters in two faces)', () => {
    const sample = TABLE_CHARACTERS.filter((_, i) => i % 7 === 0);
    for (const face of [TNR, { name: 'SimHei', bold: true, italic: false }]) {
      const probed = probeWidths(face, sample);
      const stored = faces[faceKey(face)].widths;
      for (const c of sample) expect(stored[TABLE_CHARACTERS.indexOf(c)]).toBeCloseTo(probed.get(c)!, 5);
    }
  });
});

describe('TableWidths', () => {
  it('sums the table widths at the font size, full-width characters as the face measures them', () => {
    const widths = new TableWidths();
    expect(widths.measureWidth('ii', { ...TNR, size: 10 })).toBeCloseTo(5.56, 6);
    expect(widths.measureWidth('中文ab', { ...SIMSUN, size: 12 })).toBeCloseTo(36, 6);
    expect(widths.failed).toBe(false);
  });

  it('probes a character the table lacks once, and gives the width docx gives', () => {
    const widths = new TableWidths();
    const w = widths.measureWidth('Ω', { ...TNR, size: 10 });
    expect(w).toBeCloseTo(probeWidths(TNR, ['Ω']).get('Ω')! * 10, 6);
    expect(widths.failed).toBe(false);
  });

  it('fails over at a face the table does not have, so the caller can use docx’s own measurer', () => {
    const widths = new TableWidths();
    expect(() => widths.measureWidth('楷', { name: 'KaiTi', size: 12, bold: false, italic: false })).toThrow(TableMiss);
    expect(widths.failed).toBe(true);
  });

  it('puts every paragraph of a real issue on the page docx’s own measurer puts it', async () => {
    const issue = await loadIssueFromManifest(join(FIXTURES_DIR, '2021-W08', 'manifest.json'));
    const doc = buildIssueDocument(issue);
    const texts = doc.articles.flatMap((a) => blocksToPlainText(a.blocks).split('\n')).filter((t) => t.trim() !== '').slice(0, 240);
    expect(texts).toHaveLength(240);
    const font = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun', hint: 'eastAsia' as const };
    const pagesWith = async (estimator: PageNumberEstimator): Promise<ReadonlyMap<string, number> | undefined> => {
      let estimate: EstimatedPageNumbers | undefined;
      const pageNumbers = Object.assign((body: Parameters<PageNumberEstimator>[0], context: Parameters<PageNumberEstimator>[1]) => (estimate = estimator(body, context)));
      const children = texts.map(
        (text, i) =>
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: 480 },
            spacing: { line: 440, lineRule: LineRuleType.EXACT },
            children: [new Bookmark({ id: `p${i}`, children: [new TextRun({ text, font, size: i % 5 === 0 ? 21 : 24, bold: i % 9 === 0 })] })],
          }),
      );
      await Packer.toBuffer(new Document({ pageNumbers, sections: [{ children }] }));
      return estimate?.bookmarkPageNumbers;
    };
    const widths = new TableWidths();
    const table = await pagesWith(estimatePageNumbersWith({ guess: true, measureWidth: widths.measureWidth }));
    const stock = await pagesWith(estimatePageNumbersWith({ guess: true }));
    expect(widths.failed).toBe(false);
    expect(stock?.size).toBe(texts.length);
    expect(Math.max(...stock!.values())).toBeGreaterThan(15);
    expect(table).toEqual(stock);
  }, 60_000);
});
