// The fast layout of article pages (fastLayout.ts) against docx's own page estimate, which it stands in for: every
// article of both fixture issues, on A4 and 16K, and seeded random articles of what it covers (paragraphs of Chinese
// and Latin text with spaces, ideographic spaces, long words and superscripts, headings, quotes, lists nested three
// deep, figures with and without pictures, tables of cells across columns and of several paragraphs whose rows break
// across pages and whose header rows repeat), take as many pages in one as in the other.
import { join } from 'node:path';
import { Packer } from 'docx';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadIssueFromManifest } from '../../../../electron/engine/build/manifest';
import { buildIssueDocxDocument } from '../../../../electron/engine/docx/index';
import { ListNumbering, renderBlocks, type FigureSizes } from '../../../../electron/engine/docx/blocks';
import { articleBlocks, fastLayout, lineCount, paragraphFormats, pagesOf } from '../../../../electron/engine/docx/fastLayout';
import { clearArticlePages, pagesBetween } from '../../../../electron/engine/docx/pageEstimate';
import { pageSetup, textWidth, type PageSizeName } from '../../../../electron/engine/docx/pageSetup';
import { DEFAULT_FONTS, issueFonts, issueStyles, STYLE, type BodyFont } from '../../../../electron/engine/docx/styles';
import { TableWidths } from '../../../../electron/engine/docx/widths';
import type { Block, FigureBlock, ListBlock } from '../../../../shared/content/blocks';
import { buildIssueDocument, type DocumentArticle, type IssueDocument } from '../../../../shared/document/issueDocument';
import { FIXTURE_ISSUES, FIXTURES_DIR } from './fixtures';

/** Each article's pages in docx's estimate of the whole document (the numbers a first export wrote before). */
async function docxArticlePages(doc: IssueDocument, pageSize: PageSizeName, bodyFont: BodyFont = 'serif'): Promise<number[]> {
  clearArticlePages();
  const { document, estimate } = await buildIssueDocxDocument(doc, { pageSize, bodyFont, pageEstimate: 'docx' });
  await Packer.toBuffer(document);
  const e = estimate();
  expect(e?.pageCount).toBeDefined();
  const pages = pagesBetween(doc.articles.map((a) => a.anchor), e!, e!.pageCount! - e!.sectionPageCounts!.at(-1)!);
  expect(pages).not.toBeNull();
  return pages!;
}

/** The fast layout's page count of each article, its figures' pictures at the sizes the DOCX writes them. */
async function fastPages(doc: IssueDocument, pageSize: PageSizeName, bodyFont: BodyFont = 'serif'): Promise<(number | null)[]> {
  const fonts = issueFonts(bodyFont);
  const setup = pageSetup(pageSize);
  const figureSizes: FigureSizes = new Map();
  for (const a of doc.articles) await renderBlocks(a.blocks, { fonts, setup, lists: new ListNumbering(), figureSizes });
  const layout = fastLayout(issueStyles(fonts), fonts, setup, new TableWidths());
  return doc.articles.map((a) => layout.articlePages(a, figureSizes));
}

/** A PNG's signature and header, all the DOCX reads of a picture: its size. */
function png(width: number, height: number): string {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  b.set([8, 2, 0, 0, 0], 24);
  return `data:image/png;base64,${Buffer.from(b).toString('base64')}`;
}

describe('fastLayout on the fixture issues', () => {
  const docs = new Map<string, IssueDocument>();
  beforeAll(async () => {
    for (const name of FIXTURE_ISSUES) docs.set(name, buildIssueDocument(await loadIssueFromManifest(join(FIXTURES_DIR, name, 'manifest.json'))));
  });
  beforeEach(() => clearArticlePages());

  for (const name of FIXTURE_ISSUES) {
    for (const pageSize of ['A4', '16K'] as const) {
      it(`counts every article of ${name} on ${pageSize} as docx's estimate does`, async () => {
        const doc = docs.get(name)!;
        const fast = await fastPages(doc, pageSize);
        expect(fast.every((n) => n !== null)).toBe(true);
        expect(fast).toEqual(await docxArticlePages(doc, pageSize));
      }, 60_000);
    }
  }

  it('counts every article of 2021-W08 with a sans body as docx\'s estimate does', async () => {
    const doc = docs.get('2021-W08')!;
    const fast = await fastPages(doc, 'A4', 'sans');
    expect(fast.every((n) => n !== null)).toBe(true);
    expect(fast).toEqual(await docxArticlePages(doc, 'A4', 'sans'));
  }, 60_000);
});

// ── seeded random articles ──
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千';
const PUNCTUATION = '，。、；：？！（）“”《》——…';
const LATIN = ['COVID-19', 'DRG', 'AI', 'iPhone', 'WHO', '2021', 'https://example.com/a/very/long/path/that/does/not/fit/on/one/line/abcdefghijklmnopqrstuvwxyz', 'Medicare Advantage', 'New England Journal of Medicine', '3.5%', 'e-health'];

function randomArticles(seed: number, count: number): DocumentArticle[] {
  const rnd = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const text = (n: number): string => {
    let s = '';
    while ([...s].length < n) {
      const r = rnd();
      if (r < 0.75) s += pick([...HAN]);
      else if (r < 0.88) s += pick([...PUNCTUATION]);
      else if (r < 0.95) s += (rnd() < 0.5 ? ' ' : '') + pick(LATIN) + (rnd() < 0.5 ? ' ' : '');
      else if (r < 0.97) s += '\u3000';
      else s += ' ';
    }
    return s;
  };
  const list = (depth: number): ListBlock => ({
    kind: 'list',
    ordered: rnd() < 0.6,
    ...(rnd() < 0.2 ? { start: 1 + Math.floor(rnd() * 120) } : {}),
    items: Array.from({ length: 1 + Math.floor(rnd() * 12) }, () => ({
      runs: rnd() < 0.05 ? [] : [{ text: text(1 + Math.floor(rnd() * 150)) }],
      ...(depth < 3 && rnd() < 0.15 ? { children: list(depth + 1) } : {}),
    })),
  });
  const block = (): Block => {
    const r = rnd();
    if (r < 0.55) {
      return {
        kind: 'paragraph',
        runs: [
          { text: text(5 + Math.floor(rnd() * 400)), ...(rnd() < 0.1 ? { bold: true } : {}) },
          ...(rnd() < 0.2 ? [{ text: text(20), italic: true }] : []),
          ...(rnd() < 0.3 ? [{ text: rnd() < 0.5 ? '[12]' : text(4), superscript: true }, { text: text(30) }] : []),
          ...(rnd() < 0.1 ? [{ text: '2', subscript: true, bold: true }] : []),
        ],
        ...(rnd() < 0.05 ? { align: 'center' as const } : {}),
      };
    }
    if (r < 0.7) return { kind: 'heading', level: pick([1, 2, 3] as const), runs: [{ text: text(4 + Math.floor(rnd() * 40)) }] };
    if (r < 0.74) return { kind: 'quote', runs: [{ text: text(10 + Math.floor(rnd() * 200)) }] };
    if (r < 0.78) return list(0);
    if (r < 0.8) return { kind: 'figure', src: '', altText: '', caption: text(3 + Math.floor(rnd() * 60)) };
    if (r < 0.86) {
      const src = png(30 + Math.floor(rnd() * 1500), 30 + Math.floor(rnd() * 1500));
      return { kind: 'figure', src, altText: '', caption: rnd() < 0.7 ? text(3 + Math.floor(rnd() * 60)) : '' };
    }
    const columns = 1 + Math.floor(rnd() * 5);
    const headers = rnd() < 0.5 ? Math.floor(rnd() * 3) : 0;
    return {
      kind: 'table',
      rows: Array.from({ length: 1 + Math.floor(rnd() * 30) }, (_, row) =>
        Array.from({ length: columns }, () => ({
          // long text in a cell of one paragraph, several short ones in others, short header rows: no row, and no
          // header rows repeated above one, taller than a page
          paragraphs:
            row < headers
              ? [[{ text: text(1 + Math.floor(rnd() * 8)) }]]
              : rnd() < 0.2
                ? Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => (rnd() < 0.1 ? [] : [{ text: text(1 + Math.floor(rnd() * 40)) }]))
                : [rnd() < 0.1 ? [] : [{ text: text(1 + Math.floor(rnd() * (rnd() < 0.1 ? 300 : 30))) }]],
          ...(row < headers ? { header: true } : {}),
          ...(rnd() < 0.1 ? { colSpan: 2 } : {}),
        })),
      ),
    };
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `a${i}`,
    anchor: `art${i}`,
    column: `栏目${i % 3}`,
    firstInColumn: i % 3 === 0,
    title: text(6 + Math.floor(rnd() * 40)),
    source: rnd() < 0.8 ? text(4) : '',
    author: rnd() < 0.3 ? text(3) : null,
    blocks: Array.from({ length: 3 + Math.floor(rnd() * 40) }, block),
  }));
}

describe('fastLayout on random articles', () => {
  let base: IssueDocument;
  beforeAll(async () => {
    base = buildIssueDocument(await loadIssueFromManifest(join(FIXTURES_DIR, '2024-W47', 'manifest.json')));
  });

  for (const [seed, pageSize, bodyFont] of [[11, 'A4', 'serif'], [12, '16K', 'serif'], [13, 'A4', 'sans']] as const) {
    it(`counts seeded articles (seed ${seed}, ${pageSize}, ${bodyFont} body) as docx's estimate does`, async () => {
      const doc: IssueDocument = { ...base, viewpoint: [], articles: randomArticles(seed, 12) };
      const fast = await fastPages(doc, pageSize, bodyFont);
      expect(fast.every((n) => n !== null)).toBe(true);
      expect(fast).toEqual(await docxArticlePages(doc, pageSize, bodyFont));
    }, 60_000);
  }
});

describe('fastLayout on tables with header rows at the foot of a page', () => {
  it('moves the table on, with the headings kept with it, where its header rows would be alone, as docx does', async () => {
    const base = buildIssueDocument(await loadIssueFromManifest(join(FIXTURES_DIR, '2024-W47', 'manifest.json')));
    // text that ends at every height near the foot of the first page, then headings and a table with header rows
    const articles: DocumentArticle[] = Array.from({ length: 50 }, (_, k) => {
      const n = 85 + k;
      const headings: Block[] =
        n % 3 === 0
          ? [{ kind: 'heading', level: 1, runs: [{ text: '标题' }] }]
          : n % 3 === 1
            ? [{ kind: 'heading', level: 2, runs: [{ text: '小标题' }] }, { kind: 'heading', level: 3, runs: [{ text: '三级' }] }]
            : [];
      const headers = 1 + (n % 2);
      const table: Block = {
        kind: 'table',
        rows: Array.from({ length: 6 }, (_, r) =>
          [0, 1, 2].map(() => ({ paragraphs: [[{ text: r < headers ? '表头' : n % 5 === 0 ? '长'.repeat(40) : '数据' }]], ...(r < headers ? { header: true } : {}) })),
        ),
      };
      return {
        id: `h${n}`,
        anchor: `hh${n}`,
        column: 'c',
        firstInColumn: k === 0,
        title: `T${n}`,
        source: '',
        author: null,
        blocks: [{ kind: 'paragraph', runs: [{ text: '中'.repeat(n * 9 + (n % 7) * 3) }] }, ...headings, table, { kind: 'paragraph', runs: [{ text: '后文' }] }],
      };
    });
    const doc: IssueDocument = { ...base, viewpoint: [], articles };
    const fast = await fastPages(doc, 'A4');
    expect(fast.every((n) => n !== null)).toBe(true);
    expect(fast).toEqual(await docxArticlePages(doc, 'A4'));
    expect(new Set(fast).size).toBeGreaterThan(1);
  }, 60_000);
});

describe('fastLayout pieces', () => {
  const formats = paragraphFormats(issueStyles(DEFAULT_FONTS), DEFAULT_FONTS);
  const widths = new TableWidths();
  const fonts = { eastAsia: () => 'SimSun', latin: () => 'Times New Roman' };
  const lines = (text: string, width: number) =>
    lineCount([{ text }], formats.get(STYLE.tableText)!, width, fonts, (t, face) => widths.measureWidth(t, face));

  it('breaks Chinese text where it fills the line, and keeps 。 off the start of a line', () => {
    // table text is 10 pt: 10 characters fill 100 pt
    expect(lines('中'.repeat(10), 100)).toBe(1);
    expect(lines('中'.repeat(11), 100)).toBe(2);
    // the 11th character is 。, which may not start a line: 中 goes down with it
    expect(lines(`${'中'.repeat(10)}。`, 100)).toBe(2);
    expect(lines(`${'中'.repeat(9)}。`, 100)).toBe(1);
  });

  it('keeps a widow and an orphan off a page, and a heading with the start of what follows', () => {
    const p = (n: number, keepNext = false) => ({ type: 'paragraph' as const, lines: n, line: 10, before: 0, after: 0, keepNext, keepLines: false, pageBreakBefore: false });
    // 10 lines a page
    expect(pagesOf([p(10)], 100)).toBe(1);
    expect(pagesOf([p(9), p(2)], 100)).toBe(2); // the second's first line alone at the foot would be an orphan
    expect(pagesOf([p(8), p(3)], 100)).toBe(2); // 2 would fit, leaving its last line a widow: 1 and 2
    expect(pagesOf([p(9), p(1, true), p(5)], 100)).toBe(2);
  });

  it('gives up on what it does not lay out', () => {
    const merged: Block = { kind: 'table', rows: [[{ paragraphs: [[{ text: 'a' }]], rowSpan: 2 }, { paragraphs: [] }], [{ paragraphs: [] }]] };
    const article: DocumentArticle = { id: 'x', anchor: 'x', column: 'c', firstInColumn: true, title: 't', source: '', author: null, blocks: [merged] };
    expect(() => articleBlocks(article, textWidth(pageSetup('A4')))).toThrow();
    expect(fastLayout(issueStyles(DEFAULT_FONTS), DEFAULT_FONTS, pageSetup('A4'), widths).articlePages(article)).toBeNull();
    // a picture whose size the DOCX writer did not record
    const figure: DocumentArticle = { ...article, blocks: [{ kind: 'figure', src: png(100, 100), altText: '', caption: '图' }] };
    const layout = fastLayout(issueStyles(DEFAULT_FONTS), DEFAULT_FONTS, pageSetup('A4'), widths);
    expect(layout.articlePages(figure)).toBeNull();
    expect(layout.articlePages(figure, new Map([[figure.blocks[0] as FigureBlock, { width: 100, height: 100 }]]))).toBe(1);
  });
});
