// Live page numbers keep articles' paragraph lines (issue #10): a layout from a warm cache must be
// exactly the layout a fresh typesetter makes, for the fixtures and after random edits, and an edit
// of one paragraph must break the lines of that paragraph only.
import { describe, expect, it } from 'vitest';
import { loadFontSet } from '../../../../electron/engine/fonts';
import type { Block, Run, TableBlock } from '../../../../shared/content/blocks';
import type { DocumentArticle, IssueDocument } from '../../../../shared/document/issueDocument';
import { layoutIssue, type IssueLayoutOptions } from '../../../../shared/layout/issueLayout';
import { Typesetter } from '../../../../shared/layout/typesetter';
import { seededRandom } from '../../../helpers/random';
import { fixtureDocument } from './fixtureDocument';

const metrics = loadFontSet().metrics;
const KEEP: IssueLayoutOptions = { keepArticleLines: true };

/** The layout's pages and numbers as a fresh typesetter that keeps no article lines sets them. */
function uncached(doc: IssueDocument, options: IssueLayoutOptions = {}): ReturnType<typeof layoutIssue> {
  return layoutIssue(doc, new Typesetter(metrics), options);
}

function withArticle(doc: IssueDocument, k: number, blocks: Block[]): IssueDocument {
  return { ...doc, articles: doc.articles.map((a, j): DocumentArticle => (j === k ? { ...a, blocks } : a)) };
}

const text = (runs: Run[]): string => runs.map((r) => r.text).join('');

type Edit = (doc: IssueDocument, random: () => number) => IssueDocument;

function pick<T>(xs: T[], random: () => number): T {
  return xs[Math.floor(random() * xs.length)];
}

/** An article that has a block of this kind, and that block's index, chosen at random. */
function someBlock(doc: IssueDocument, random: () => number, kind: Block['kind']): [number, number] | null {
  const found = doc.articles.flatMap((a, k) => a.blocks.flatMap((b, j) => (b.kind === kind ? [[k, j] as [number, number]] : [])));
  return found.length > 0 ? pick(found, random) : null;
}

const EDITS: Record<string, Edit> = {
  'change a paragraph': (doc, random) => {
    const [k, j] = someBlock(doc, random, 'paragraph')!;
    const blocks = doc.articles[k].blocks.map((b, i) => (i === j && b.kind === 'paragraph' ? { ...b, runs: [...b.runs, { text: '（编者注：数据截至2024年11月。）' }] } : b));
    return withArticle(doc, k, blocks);
  },
  'insert a paragraph in the middle': (doc, random) => {
    const k = Math.floor(random() * doc.articles.length);
    const blocks = [...doc.articles[k].blocks];
    blocks.splice(Math.floor(blocks.length / 2), 0, { kind: 'paragraph', runs: [{ text: '国家医保局表示，将持续推进DRG/DIP支付方式改革，2025年底前实现统筹地区全覆盖。' }] });
    return withArticle(doc, k, blocks);
  },
  'delete a paragraph in the middle': (doc, random) => {
    const [k, j] = someBlock(doc, random, 'paragraph')!;
    return withArticle(
      doc,
      k,
      doc.articles[k].blocks.filter((_, i) => i !== j),
    );
  },
  'change a table cell': (doc, random) => {
    const [k, j] = someBlock(doc, random, 'table')!;
    const table = doc.articles[k].blocks[j] as TableBlock;
    const r = Math.floor(random() * table.rows.length);
    const c = Math.floor(random() * table.rows[r].length);
    const rows = table.rows.map((row, ri) => row.map((cell, ci) => (ri === r && ci === c ? { ...cell, paragraphs: [[{ text: `${text(cell.paragraphs[0] ?? [])}（已更新）` }]] } : cell)));
    return withArticle(
      doc,
      k,
      doc.articles[k].blocks.map((b, i) => (i === j ? { ...table, rows } : b)),
    );
  },
  'change style (bold run, alignment, heading level)': (doc, random) => {
    const [k, j] = someBlock(doc, random, 'paragraph')!;
    const blocks = doc.articles[k].blocks.map((b, i): Block => {
      if (i === j && b.kind === 'paragraph') return { ...b, align: 'center', runs: b.runs.map((r, ri) => (ri === 0 ? { ...r, bold: true } : r)) };
      if (i === j + 1 && b.kind === 'heading') return { ...b, level: b.level === 1 ? 2 : 1 };
      return b;
    });
    return withArticle(doc, k, blocks);
  },
  'add a list and a quote': (doc, random) => {
    const k = Math.floor(random() * doc.articles.length);
    const blocks = [...doc.articles[k].blocks];
    blocks.splice(Math.floor(blocks.length / 3), 0, {
      kind: 'list',
      ordered: true,
      items: [{ runs: [{ text: '完善医保基金监管制度；' }] }, { runs: [{ text: '推进医保信息化标准化建设，', bold: true }, { text: '实现跨省直接结算。' }] }],
    });
    blocks.push({ kind: 'quote', runs: [{ text: '“医保改革要坚持以人民健康为中心。”' }] });
    return withArticle(doc, k, blocks);
  },
};

describe('article lines kept for live page numbers', () => {
  for (const fixture of ['2024-W47', '2021-W08'] as const) {
    it(`gives ${fixture} the pages a fresh typesetter gives, drawn and counted`, () => {
      const doc = fixtureDocument(fixture);
      const ts = new Typesetter(metrics);
      const counted = layoutIssue(doc, ts, { ...KEEP, pageMapOnly: true });
      expect(ts.cacheSize).toBeGreaterThan(doc.articles.length * 10);
      // the drawn layout takes the articles' paragraphs from the lines the count kept: it breaks
      // only what a count does not set (cover, back cover), a small part of what a fresh one breaks
      const broken = ts.paragraphsBroken;
      const drawn = layoutIssue(doc, ts, KEEP);
      const freshTs = new Typesetter(metrics);
      const fresh = layoutIssue(doc, freshTs);
      expect(ts.paragraphsBroken - broken).toBeLessThan(freshTs.paragraphsBroken / 10);
      expect(drawn.pages).toEqual(fresh.pages);
      expect(drawn.pageMap).toEqual(fresh.pageMap);
      expect(counted.pageMap).toEqual(fresh.pageMap);
      expect(counted.pages.length).toBe(fresh.pages.length);
    });
  }

  it('after random edits, a warm typesetter gives the pages of a fresh one (2021-W08: tables, figures)', () => {
    const random = seededRandom(1010);
    const ts = new Typesetter(metrics);
    let doc = fixtureDocument('2021-W08');
    layoutIssue(doc, ts, KEEP);
    for (let step = 0; step < 12; step++) {
      const [name, edit] = Object.entries(EDITS)[step % Object.keys(EDITS).length];
      doc = edit(doc, random);
      const warm = layoutIssue(doc, ts, KEEP);
      const fresh = uncached(doc);
      expect(warm.pages, name).toEqual(fresh.pages);
      expect(warm.pageMap, name).toEqual(fresh.pageMap);
    }
  });

  it('breaks the lines of the edited paragraph only', () => {
    const doc = fixtureDocument('2021-W08');
    const ts = new Typesetter(metrics);
    layoutIssue(doc, ts, { ...KEEP, pageMapOnly: true });
    // the last article: its edit moves no title, so no 本期视点 or TOC line is set anew either
    const last = doc.articles.length - 1;
    const paragraphs = doc.articles[last].blocks.flatMap((b, j) => (b.kind === 'paragraph' ? [j] : []));
    expect(paragraphs.length).toBeGreaterThan(3);
    for (const j of paragraphs.slice(0, 3)) {
      const blocks = doc.articles[last].blocks.map((b, i) => (i === j && b.kind === 'paragraph' ? { ...b, runs: [{ text: '据悉，' }, ...b.runs] } : b));
      const edited = withArticle(doc, last, blocks);
      const before = ts.paragraphsBroken;
      const settled = layoutIssue(edited, ts, { ...KEEP, pageMapOnly: true });
      expect(ts.paragraphsBroken - before).toBe(1);
      expect(settled.pageMap).toEqual(uncached(edited, { pageMapOnly: true }).pageMap);
    }
  });

  it('without keepArticleLines (one-shot exports) breaks every paragraph of an edited article and keeps none of them', () => {
    const doc = fixtureDocument('2024-W47');
    const ts = new Typesetter(metrics);
    layoutIssue(doc, ts, { pageMapOnly: true });
    const kept = ts.cacheSize;
    const k = 0;
    const body = doc.articles[k].blocks.filter((b) => b.kind === 'paragraph' || b.kind === 'heading').length;
    const blocks = doc.articles[k].blocks.map((b, i) => (i === 0 && b.kind === 'paragraph' ? { ...b, runs: [{ text: '据悉，' }, ...b.runs] } : b));
    const before = ts.paragraphsBroken;
    layoutIssue(withArticle(doc, k, blocks), ts, { pageMapOnly: true });
    expect(ts.paragraphsBroken - before).toBeGreaterThanOrEqual(body);
    expect(ts.cacheSize).toBe(kept);
  });

  it('stays within its bound and still lays out as a fresh typesetter does', () => {
    const doc = fixtureDocument('2024-W47');
    const ts = new Typesetter(metrics, { maxLineEntries: 40 });
    const first = layoutIssue(doc, ts, KEEP);
    expect(ts.cacheSize).toBe(40);
    const edited = EDITS['change a paragraph'](doc, seededRandom(7));
    const warm = layoutIssue(edited, ts, KEEP);
    expect(ts.cacheSize).toBe(40);
    expect(first.pages).toEqual(uncached(doc).pages);
    expect(warm.pages).toEqual(uncached(edited).pages);
  });
});
