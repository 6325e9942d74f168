// The PDF of a real fixture issue, read back with poppler (pdftotext, pdffonts) and qpdf.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANCHORS, LABELS } from '../../../../shared/document/issueDocument';
import { isLineEndProhibited, isLineStartProhibited } from '../../../../shared/layout/charClasses';
import { renderIssuePdf, type PdfResult } from '../../../../electron/engine/pdf/index';
import { fixtureDocument } from './fixtureDocument';
import { inspectPdf } from './pdfInspect';

const doc = fixtureDocument('2024-W47');
let result: PdfResult;
let file: string;
let pages: string[];

const compact = (s: string): string => s.replace(/\s+/g, '');

beforeAll(async () => {
  const stages: string[] = [];
  result = await renderIssuePdf(doc, { onStage: (s) => stages.push(s) });
  expect(stages).toContain('settle page numbers');
  file = path.join(mkdtempSync(path.join(tmpdir(), 'wd-pdf-')), 'issue.pdf');
  writeFileSync(file, result.pdf);
  pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
});

describe('renderIssuePdf on the 2024-W47 fixture', () => {
  it('is a structurally valid PDF 1.7 with the reported page count', () => {
    expect(result.pdf.subarray(0, 8).toString()).toBe('%PDF-1.7');
    execFileSync('qpdf', ['--check', file]);
    expect(Number(execFileSync('qpdf', ['--show-npages', file], { encoding: 'utf8' }))).toBe(result.pageCount);
  });

  it('embeds every font as a subset', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row).toMatch(/\+\S+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  });

  it('prints each article title on the page the page map names, and 本期视点/TOC print that number', () => {
    const front = compact(pages.slice(result.viewpointPage - 1, result.tocPage).join(''));
    const toc = pages[result.tocPage - 1];
    for (const a of doc.articles) {
      const n = result.pageMap[a.id];
      expect(compact(pages[n - 1]), `${a.title} on page ${n}`).toContain(compact(a.title));
      expect(front).toContain(compact(a.title + LABELS.viewpointSource(a.source) + LABELS.pageRef(n)));
      const tail = compact(a.title).slice(-4);
      const tocLine = toc.split('\n').find((l) => compact(l).includes(tail)) ?? '';
      expect(tocLine.trim().split(/\s+/).pop(), tocLine).toBe(String(n));
    }
  });

  it('starts each article on a new page, with its 来源 line and a 返回目录 link text', () => {
    const starts = doc.articles.map((a) => result.pageMap[a.id]);
    expect(new Set(starts).size).toBe(starts.length);
    for (const a of doc.articles) expect(compact(pages[result.pageMap[a.id] - 1])).toContain(compact(LABELS.sourceLine(a.source)));
    expect(pages.join('').split(LABELS.backToContents).length - 1).toBe(doc.articles.length);
  });

  it('never starts or ends a text line with a prohibited mark', () => {
    const bad: string[] = [];
    for (const line of pages.join('\n').split('\n')) {
      const t = line.trim();
      // the `· 栏目 ·` labels and the ——本期视点—— heading are set pieces, not running text
      if (!t || t.startsWith('· ') || t === LABELS.viewpointHeading) continue;
      const chars = [...t];
      if (isLineStartProhibited(chars[0]) || isLineEndProhibited(chars[chars.length - 1])) bad.push(t);
    }
    expect(bad).toEqual([]);
  });

  it('puts the cover first and the back cover last, with page numbers only between', () => {
    expect(compact(pages[0])).toContain('医周药事');
    expect(compact(pages[0])).toContain('2024年第47期');
    expect(compact(pages[result.pageCount - 1])).toContain('扫一扫');
    expect(pages[0].trim().split('\n').pop()?.trim()).not.toBe('1');
    expect(pages[1].trim().split('\n').pop()?.trim()).toBe('2');
  });

  it('lands every destination, link and outline item on the right page', () => {
    const nav = inspectPdf(file);
    expect(nav.dests.get(ANCHORS.viewpoint)).toBe(result.viewpointPage);
    expect(nav.dests.get(ANCHORS.toc)).toBe(result.tocPage);
    for (const a of doc.articles) expect(nav.dests.get(a.anchor), a.title).toBe(result.pageMap[a.id]);
    // every 本期视点 and TOC entry links to its article; every article links back
    const front = nav.links.filter((l) => l.page >= result.viewpointPage && l.page <= result.tocPage);
    for (const a of doc.articles) expect(front.filter((l) => l.dest === a.anchor).length, a.title).toBeGreaterThanOrEqual(2);
    const back = nav.links.filter((l) => l.dest === ANCHORS.viewpoint).map((l) => l.page);
    expect(back).toHaveLength(doc.articles.length);
    for (const l of nav.links) if (l.dest) expect(nav.dests.has(l.dest), l.dest).toBe(true);
    // outline: 本期视点, 目录, then columns → articles, each on its title page, fitted
    expect(nav.outline.map((o) => o.title).slice(0, 2)).toEqual(['本期视点', '目录']);
    const columns = nav.outline.slice(2);
    expect(columns.map((c) => c.title)).toEqual(doc.viewpoint.map((c) => c.column));
    for (const c of columns) for (const k of c.kids) expect(k.fit).toBe(true);
    const kids = columns.flatMap((c) => c.kids);
    expect(kids.map((k) => k.page)).toEqual(doc.articles.map((a) => result.pageMap[a.id]));
    expect(nav.catalog['/Lang']).toBe('u:zh-CN');
  });

  it('is tagged (one Document root, titles as H2, tables and paragraphs) and declares PDF/A-2b', () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/Title:\s+医周药事 2024年第47期/);
    const tree = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
    const top = tree.split('\n').filter((l) => /^\S/.test(l));
    expect(top).toEqual(['Document']);
    const h2 = tree.split('\n').flatMap((l, k, all) => (l.trim().startsWith('H2') ? [compact(all[k + 1] ?? '')] : []));
    for (const a of doc.articles) expect(h2.some((t) => compact(a.title).startsWith(t.replace(/"/g, '').slice(0, 6)))).toBe(true);
    expect(tree).toMatch(/^\s+P \(block\)/m);
    const meta = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(meta).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(meta).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
  });

  it('reports no missing glyphs for the fixture text', () => {
    expect(result.missingGlyphs).toEqual([]);
  });
});

describe('settlePageNumbers', () => {
  it('gives the numbers the PDF prints, without drawing', async () => {
    const { settlePageNumbers } = await import('../../../../electron/engine/pdf/index');
    const numbers = settlePageNumbers(doc);
    expect(numbers.pageMap).toEqual(result.pageMap);
    expect(numbers.pageCount).toBe(result.pageCount);
    expect(numbers.tocPage).toBe(result.tocPage);
  });

  it('follows an edit: a longer article pushes every later article, earlier ones stay', async () => {
    const { settlePageNumbers } = await import('../../../../electron/engine/pdf/index');
    const k = 2;
    const edited = structuredClone(doc);
    const filler = { kind: 'paragraph' as const, runs: [{ text: '新增段落：医保基金监管工作持续推进，'.repeat(40) }] };
    edited.articles[k].blocks.push(filler, filler, filler, filler);
    const numbers = settlePageNumbers(edited);
    doc.articles.forEach((a, i) => {
      if (i <= k) expect(numbers.pageMap[a.id]).toBe(result.pageMap[a.id]);
      else expect(numbers.pageMap[a.id]).toBeGreaterThan(result.pageMap[a.id]);
    });
  });
});
