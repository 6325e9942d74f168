// Builds both real fixture issues end to end through the CLI and reads the PDF back:
// every page number printed on the 本期视点 and TOC pages must equal the page where the
// article's title is printed, every link must land there, and 返回目录 must lead back.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPdf, squash, type ReadPdf } from '../helpers/pdfReader';
import type { IssueSummaryJson } from '../../electron/engine/build/buildIssue';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures');
const LINE_START_FORBIDDEN = new Set([...'、，；：。！？”’）》〉」』】〕〗…—·,.;:!?)]}%']);
const LINE_END_FORBIDDEN = new Set([...'“‘（《〈「『【〔〖([{']);

interface Built {
  json: IssueSummaryJson;
  pdf: ReadPdf;
  manifest: { sections: Array<{ name: string; articles: Array<{ title: string; source: string }> }> };
  outDir: string;
}

async function build(fixture: string): Promise<Built> {
  const outDir = mkdtempSync(join(tmpdir(), `weekly-${fixture}-`));
  const manifestPath = join(FIXTURES, fixture, 'manifest.json');
  execFileSync(process.execPath, [require.resolve('tsx/cli'), 'electron/cli/main.ts', 'build', manifestPath, '--out', outDir, '--format', 'pdf'], {
    cwd: resolve(__dirname, '../..'),
    stdio: 'pipe',
  });
  return {
    json: JSON.parse(readFileSync(join(outDir, 'issue.json'), 'utf8')),
    manifest: JSON.parse(readFileSync(manifestPath, 'utf8')),
    pdf: await readPdf(readFileSync(join(outDir, 'issue.pdf'))),
    outDir,
  };
}

/** Dice coefficient of character bigrams after NFKC, ignoring punctuation and spaces. */
function titleSimilarity(a: string, b: string): number {
  const norm = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
  const grams = (s: string) => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const ga = grams(norm(a));
  const gb = grams(norm(b));
  const pool = [...gb];
  let common = 0;
  for (const g of ga) {
    const k = pool.indexOf(g);
    if (k >= 0) {
      common++;
      pool.splice(k, 1);
    }
  }
  return ga.length + gb.length === 0 ? 1 : (2 * common) / (ga.length + gb.length);
}

/** The first page at or after `from` whose text contains the (whitespace-free) title. */
function pageOfTitle(pdf: ReadPdf, title: string, from: number): number | null {
  const t = squash(title);
  return pdf.pages.find((p) => p.number >= from && p.flat.includes(t))?.number ?? null;
}

describe.each(['2024-W47', '2021-W08'])('weekly build %s', (fixture) => {
  let built: Built;

  beforeAll(async () => {
    built = await build(fixture);
  }, 180_000);

  it('writes only the format asked for', () => {
    expect(existsSync(join(built.outDir, 'issue.pdf'))).toBe(true);
    expect(existsSync(join(built.outDir, 'issue.docx'))).toBe(false);
  });

  it('writes issue.json with every article, its source and a 提要', () => {
    const expected = built.manifest.sections.flatMap((s) => s.articles.map((a) => ({ column: s.name, title: a.title, source: a.source })));
    expect(built.json.articles.map((a) => ({ column: a.column, source: a.source }))).toEqual(expected.map(({ column, source }) => ({ column, source })));
    // Titles come from the clipping; the printed issue sometimes retyped one (—/--, ！/!, 中心/局).
    built.json.articles.forEach((a, i) => expect(titleSimilarity(a.title, expected[i].title), a.title).toBeGreaterThan(0.85));
    for (const a of built.json.articles) {
      expect(a.summary.length).toBeGreaterThan(40);
      expect(a.summary.length).toBeLessThanOrEqual(320);
    }
    expect(built.json.pages).toBeGreaterThan(40);
  });

  describe('the PDF', () => {
    it('has as many pages as issue.json says, and named destinations for the viewpoint, toc and every article', () => {
      expect(built.pdf.pages.length).toBe(built.json.pages);
      expect(built.pdf.destinations.viewpoint).toBe(2);
      expect(built.pdf.destinations.toc).toBeGreaterThan(2);
    });

    it('prints each article title on its startPage, where its destination points', () => {
      const firstArticlePage = Math.min(...built.json.articles.map((a) => a.startPage ?? Infinity));
      expect(firstArticlePage).toBeGreaterThan(built.pdf.destinations.toc);
      built.json.articles.forEach((a, i) => {
        expect(pageOfTitle(built.pdf, a.title, firstArticlePage), a.title).toBe(a.startPage);
        expect(built.pdf.destinations[`art_${String(i + 1).padStart(3, '0')}`], a.title).toBe(a.startPage);
      });
    });

    it('prints ——第 N 页 on the 本期视点 pages equal to where each title is printed', () => {
      const vp = built.pdf.destinations.viewpoint;
      const toc = built.pdf.destinations.toc;
      const text = built.pdf.pages.filter((p) => p.number >= vp && p.number < toc).map((p) => p.flat).join('');
      expect(text).toContain('——本期视点——');
      let cursor = 0;
      for (const a of built.json.articles) {
        const at = text.indexOf(squash(a.title), cursor);
        expect(at, `title on 本期视点: ${a.title}`).toBeGreaterThanOrEqual(0);
        const m = /——第(\d+)页/.exec(text.slice(at));
        expect(m, `page reference after ${a.title}`).not.toBeNull();
        expect(Number(m![1]), a.title).toBe(a.startPage);
        if (a.source) expect(text.slice(at, at + squash(a.title).length + a.source.length + 6)).toContain(`（来源：${squash(a.source)}）`);
        cursor = at + squash(a.title).length;
      }
      expect(text.split('【提要】').length - 1).toBe(built.json.articles.length);
    });

    it('links every 本期视点 and TOC title to the page where it is printed', () => {
      const vp = built.pdf.destinations.viewpoint;
      const firstArticlePage = Math.min(...built.json.articles.map((a) => a.startPage ?? Infinity));
      const frontLinks = built.pdf.pages.filter((p) => p.number >= vp && p.number < firstArticlePage).flatMap((p) => p.links);
      const targets = frontLinks.map((l) => l.targetPage);
      for (const a of built.json.articles) {
        // at least one link from the 本期视点 and one from the TOC
        expect(targets.filter((t) => t === a.startPage).length, a.title).toBeGreaterThanOrEqual(2);
      }
      expect(frontLinks.every((l) => l.targetPage !== null && l.targetPage >= firstArticlePage)).toBe(true);
    });

    it('lists the TOC page numbers in the same order as the articles', () => {
      const toc = built.pdf.destinations.toc;
      const firstArticlePage = Math.min(...built.json.articles.map((a) => a.startPage ?? Infinity));
      // Whitespace-free text with the positions where lines end, so a title may wrap
      // but its page number must be the rest of the line the title ends on.
      let text = '';
      const lineEnds = new Set<number>();
      for (const p of built.pdf.pages.filter((p) => p.number >= toc && p.number < firstArticlePage)) {
        for (const line of p.lines) {
          text += squash(line.text);
          lineEnds.add(text.length);
        }
      }
      let cursor = 0;
      for (const a of built.json.articles) {
        const at = text.indexOf(squash(a.title), cursor);
        expect(at, `title in TOC: ${a.title}`).toBeGreaterThanOrEqual(0);
        cursor = at + squash(a.title).length;
        let end = cursor;
        while (!lineEnds.has(end) && end < text.length) end++;
        const m = /^[.·…]*(\d+)$/.exec(text.slice(cursor, end));
        expect(m, `page number after ${a.title} in the TOC: "${text.slice(cursor, end)}"`).not.toBeNull();
        expect(Number(m![1])).toBe(a.startPage);
      }
    });

    it('ends every article with a 返回目录 link back to the 本期视点', () => {
      const starts = built.json.articles.map((a) => a.startPage!);
      const ends = starts.map((s, i) => (i + 1 < starts.length ? starts[i + 1] - 1 : built.pdf.pages.length - 1));
      ends.forEach((end, i) => {
        const page = built.pdf.pages[end - 1];
        expect(page.flat, built.json.articles[i].title).toContain('返回目录');
        expect(page.links.some((l) => l.targetPage === built.pdf.destinations.viewpoint), built.json.articles[i].title).toBe(true);
      });
    });

    it('has an outline of columns with their articles', () => {
      const columns = built.manifest.sections.map((s) => s.name);
      const outlined = built.pdf.outline.filter((o) => columns.includes(o.title));
      expect(outlined.map((o) => o.title)).toEqual(columns);
      const articlePages = outlined.flatMap((o) => o.children.map((c) => c.page));
      expect(articlePages).toEqual(built.json.articles.map((a) => a.startPage));
    });

    it('starts and ends no text line with a prohibited mark', () => {
      const bad: string[] = [];
      for (const page of built.pdf.pages) {
        for (const line of page.lines) {
          const t = line.text.trim();
          // page-number footers, decorated column headers (· 专家观点 ·) and punctuation-only
          // content (a table cell holding "....." in the source) are not broken text lines
          if (t.length < 2 || /^[\s—\-–\d第页/]+$/.test(t) || /^·.*·$/.test(t) || !/[\p{L}\p{N}]/u.test(t)) continue;
          if (LINE_START_FORBIDDEN.has(t[0]) && !t.startsWith('——本期视点')) bad.push(`p${page.number} starts: ${t.slice(0, 20)}`);
          if (LINE_END_FORBIDDEN.has(t[t.length - 1])) bad.push(`p${page.number} ends: ${t.slice(-20)}`);
        }
      }
      expect(bad).toEqual([]);
    });
  });
});
