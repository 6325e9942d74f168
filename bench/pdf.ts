// PDF sub-benchmark (issue #10): in one process, as the app exports — the first (cold) export,
// then warm exports of each fixture and of a ~300-page issue, per stage, and re-pagination after
// an edit (the live 本期视点 numbers). Run alone: tsx bench/pdf.ts ; BENCH_RUNS sets repetitions.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadIssueFromManifest } from '../electron/engine/build/manifest';
import { renderIssuePdf, settlePageNumbers } from '../electron/engine/pdf/index';
import { buildIssueDocument, type IssueDocument } from '../shared/document/issueDocument';
import type { Issue } from '../shared/model/issue';
import { fmtMs, median, table } from './stats';

const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const fixtures = resolve(import.meta.dirname, '../../shared/fixtures');

function cpuMs(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
}

/** Articles of the issues, repeated `factor` times, with fresh ids and anchors. */
function repeated(issues: Issue[], factor: number): Issue {
  const out: Issue = { ...issues[0], id: 'bench-long', columns: [] };
  for (let k = 0; k < factor; k++) {
    for (const issue of issues) {
      for (const c of issue.columns) {
        out.columns.push({ ...c, id: `${c.id}-${k}-${out.columns.length}`, articles: c.articles.map((a) => ({ ...a, id: `${a.id}-${k}-${out.columns.length}` })) });
      }
    }
  }
  return out;
}

interface Run {
  ms: number;
  cpu: number;
  pages: number;
  bytes: number;
  stages: Record<string, number>;
}

async function exportOnce(doc: IssueDocument): Promise<Run> {
  const stages: Record<string, number> = {};
  let last = performance.now();
  let name = 'start';
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await renderIssuePdf(doc, {
    onStage: (s) => {
      const now = performance.now();
      stages[name] = (stages[name] ?? 0) + now - last;
      last = now;
      name = s;
    },
  });
  return { ms: performance.now() - t0, cpu: cpuMs(c0), pages: r.pageCount, bytes: r.pdf.length, stages };
}

const w47 = await loadIssueFromManifest(join(fixtures, '2024-W47/manifest.json'));
const w08 = await loadIssueFromManifest(join(fixtures, '2021-W08/manifest.json'));
const cases: Array<[string, IssueDocument]> = [
  ['2024-W47', buildIssueDocument(w47)],
  ['2021-W08', buildIssueDocument(w08)],
  ['both (~110 pp)', buildIssueDocument(repeated([w08, w47], 1))],
  ['both ×3 (~330 pp)', buildIssueDocument(repeated([w08, w47], 3))],
];

const cold = await exportOnce(cases[1][1]);
console.log(`First export in this process (2021-W08, fonts cold): ${cold.ms.toFixed(0)} ms wall, ${cold.cpu.toFixed(0)} ms CPU, ${cold.pages} pages`);

const rows: string[][] = [];
const warm: Record<string, Run[]> = {};
for (const [name, doc] of cases) {
  await exportOnce(doc); // warm this issue's paragraphs once
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await exportOnce(doc));
  warm[name] = runs;
  const stageNames = Object.keys(runs[0].stages).filter((s) => s !== 'start');
  rows.push([
    name,
    String(runs[0].pages),
    fmtMs(runs.map((r) => r.ms)),
    `${median(runs.map((r) => r.cpu)).toFixed(0)} ms`,
    `${(runs[0].bytes / 2 ** 20).toFixed(2)} MB`,
    stageNames.map((s) => `${s} ${median(runs.map((r) => r.stages[s] ?? 0)).toFixed(0)}`).join(', '),
  ]);
}
console.log(`\nWarm PDF export in one process, median of ${RUNS} (min–max)\n`);
console.log(table(['issue', 'pages', 'wall', 'CPU', 'size', 'stages (ms)'], rows));
const base = median(warm['both (~110 pp)'].map((r) => r.ms));
const long = median(warm['both ×3 (~330 pp)'].map((r) => r.ms));
console.log(`\nGrowth: ${(long / base).toFixed(2)}× the time for ${(warm['both ×3 (~330 pp)'][0].pages / warm['both (~110 pp)'][0].pages).toFixed(2)}× the pages (goal ≤ 3.3×)`);

// Re-pagination after edits of a ~110-page issue (page numbers only, as the live preview does).
const doc = cases[2][1];
settlePageNumbers(doc);
const mid = Math.floor(doc.articles.length / 2);
const paragraphEdits: number[] = [];
const articleInserts: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const edited: IssueDocument = { ...doc, articles: doc.articles.map((a, k) => (k === mid ? { ...a, blocks: a.blocks.map((b, j) => (j === 1 && b.kind === 'paragraph' ? { ...b, runs: [...b.runs, { text: `（编辑第${i + 1}次）` }] } : b)) } : a)) };
  let t = performance.now();
  settlePageNumbers(edited);
  paragraphEdits.push(performance.now() - t);
  const inserted = structuredClone(doc.articles[mid]);
  inserted.id = `inserted-${i}`;
  inserted.blocks.push({ kind: 'paragraph', runs: [{ text: `插入的文章第${i + 1}次。` }] });
  const withArticle: IssueDocument = { ...doc, articles: [...doc.articles.slice(0, mid), inserted, ...doc.articles.slice(mid)] };
  t = performance.now();
  settlePageNumbers(withArticle);
  articleInserts.push(performance.now() - t);
}
console.log(`\nRe-pagination of a ${warm['both (~110 pp)'][0].pages}-page issue (page numbers only):`);
console.log(`  after a one-paragraph edit: ${fmtMs(paragraphEdits)} (goal ≤ 30 ms)`);
console.log(`  after inserting an article: ${fmtMs(articleInserts)}`);

// The live page numbers' own bench: one paragraph edited in an 18,000-character article, on a warm
// engine and through the render worker (its own process, so its memory figures are its own).
console.log('');
spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'livePages.ts')], { stdio: 'inherit', env: process.env });
