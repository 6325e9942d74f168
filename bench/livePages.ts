// Live page numbers, engine side (issue #10): a one-paragraph edit in an 18,000-character article
// (the longest of the fixtures, its paragraphs repeated) in the ~110-page issue (both fixtures) → new
// page numbers, with the engine warm, as the render worker does it after every pause in typing.
// Each edit is a new article object (as the service makes).
// bench/pdf.ts runs it; alone: node --expose-gc --import tsx bench/livePages.ts ; BENCH_RUNS sets the
// number of edits (at least 20).
import { join, resolve } from 'node:path';
import { loadIssueFromManifest } from '../electron/engine/build/manifest';
import { buildMetricsPack } from '../electron/engine/fonts/metricsPack';
import { loadFontSet } from '../electron/engine/fonts';
import { metricsFromPack } from '../shared/layout/metricsPack';
import { settlePageNumbers, typesetterStats } from '../electron/engine/pdf/index';
import { defaultEngines } from '../electron/engine/service/defaultEngines';
import { createWorkerEngines } from '../electron/engine/service/workerEngines';
import type { Block } from '../shared/content/blocks';
import { buildIssueDocument, type DocumentArticle, type IssueDocument } from '../shared/document/issueDocument';
import type { Issue } from '../shared/model/issue';
import { median } from './stats';

const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 20));
const fixtures = resolve(import.meta.dirname, '../../shared/fixtures');

function blockChars(b: Block): number {
  if (b.kind === 'paragraph' || b.kind === 'heading' || b.kind === 'quote') return b.runs.reduce((n, r) => n + r.text.length, 0);
  return 0;
}

const chars = (a: DocumentArticle): number => a.blocks.reduce((n, b) => n + blockChars(b), 0);

const w47 = await loadIssueFromManifest(join(fixtures, '2024-W47/manifest.json'));
const w08 = await loadIssueFromManifest(join(fixtures, '2021-W08/manifest.json'));
const both: Issue = { ...w08, id: 'bench-both', columns: [...w08.columns, ...w47.columns] };
const doc = buildIssueDocument(both);
let longest = 0;
doc.articles.forEach((a, k) => {
  if (chars(a) > chars(doc.articles[longest])) longest = k;
});
/** The longest article lengthened to TARGET_CHARS with numbered copies of its paragraphs (no two alike). */
const TARGET_CHARS = 18_000;
const base = doc.articles[longest];
const blocks: Block[] = [...base.blocks];
let total = chars(base);
for (let copy = 1; total < TARGET_CHARS; copy++) {
  for (const b of base.blocks) {
    if (total >= TARGET_CHARS) break;
    const next: Block = b.kind === 'paragraph' ? { ...b, runs: [{ text: `（${copy}）` }, ...b.runs] } : b;
    blocks.push(next);
    total += blockChars(next);
  }
}
const article: DocumentArticle = { ...base, blocks };
doc.articles[longest] = article;
const paragraphs = article.blocks.flatMap((b, j) => (b.kind === 'paragraph' ? [j] : []));
const target = paragraphs[Math.floor(paragraphs.length / 2)];

/** The issue with the target paragraph edited: `extra` added at its end. */
function edited(extra: string): IssueDocument {
  const blocks = article.blocks.map((b, j) => (j === target && b.kind === 'paragraph' ? { ...b, runs: [...b.runs, { text: extra }] } : b));
  return { ...doc, articles: doc.articles.map((a, k) => (k === longest ? { ...a, blocks } : a)) };
}

const EDITS: Array<[string, (i: number) => string]> = [
  ['a few characters typed', (i) => `（第${i + 1}次修改）`],
  // what bench/ui.ts types: the paragraph becomes ~1,900 characters long
  ['a 1,500-character passage pasted', (i) => `第${i + 1}轮：医保支付方式改革持续推进，按病组付费覆盖面扩大。`.repeat(55)],
];

const first = settlePageNumbers(doc);
const fmt = (xs: number[]): string => `${median(xs).toFixed(2)} ms (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
console.log(`Live page numbers: ${first.pageCount}-page issue, edits of one paragraph in a ${chars(article)}-character article (${paragraphs.length} paragraphs), median of ${RUNS}`);
for (const [name, extra] of EDITS) {
  // warm the edit path (its code compiled) before timing
  for (let i = 0; i < 3; i++) settlePageNumbers(edited(extra(1000 + i)));
  const broken: number[] = [];
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const next = edited(extra(i));
    const before = typesetterStats().paragraphsBroken;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    settlePageNumbers(next);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    broken.push(typesetterStats().paragraphsBroken - before);
  }
  console.log(`  ${name}: wall ${fmt(wall)}, CPU ${fmt(cpu)}; paragraphs broken per edit: median ${median(broken)}, max ${Math.max(...broken)}`);
}
(globalThis as { gc?: () => void }).gc?.();
const mem = process.memoryUsage();
console.log(`  line cache ${typesetterStats().lineEntries} paragraphs; RSS ${(mem.rss / 1048576).toFixed(0)} MB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MB${'gc' in globalThis ? ' (after a full GC)' : ''}`);

// The same edits through the render worker, as the app asks (only the changed article crosses).
const worker = createWorkerEngines(defaultEngines);
const look = { pageSize: 'A4' as const, bodyFont: 'serif' as const };
await worker.settlePages(doc, look);
for (const [name, extra] of EDITS) {
  for (let i = 0; i < 3; i++) await worker.settlePages(edited(extra(2000 + i)), look);
  const wall: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const next = edited(extra(100 + i));
    const t0 = performance.now();
    await worker.settlePages(next, look);
    wall.push(performance.now() - t0);
  }
  console.log(`  through the render worker, ${name}: request → reply ${fmt(wall)}`);
}
await worker.close();

// What the renderer lays the page numbers out with (renderer/src/workspace/localPages.ts): the faces'
// metrics pack, made here once per process (layout:metrics), and decoded in the page.
const packMs: number[] = [];
const decodeMs: number[] = [];
let packBytes = 0;
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  const pack = buildMetricsPack(loadFontSet());
  packMs.push(performance.now() - t0);
  packBytes = JSON.stringify(pack).length;
  const t1 = performance.now();
  metricsFromPack(pack);
  decodeMs.push(performance.now() - t1);
}
console.log(`  font metrics pack for the renderer: ${(packBytes / 1024).toFixed(0)} KB of JSON, made in ${fmt(packMs)} (faces already parsed), decoded in ${fmt(decodeMs)}`);
