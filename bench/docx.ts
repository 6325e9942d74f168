// npx tsx bench/docx.ts — DOCX export of each fixture issue: renderIssueDocx (building the document, the fast layout
// of the articles' pages, docx's estimate of the front matter, packing), median and min–max of BENCH_RUNS (default 5)
// runs each way:
//   cold — each run in a fresh process (bench/exportOnce.ts), as `weekly build` runs it;
//   warm, new — in this process after a warm-up run, with no article page counts remembered: a first export;
//   warm, again — the same issue exported again: every article's page count is remembered;
//   one edit — one paragraph of the middle article longer, the other articles remembered;
//   docx estimate — a first export with docx's own estimate of the whole document (pageEstimate: 'docx', as every
//   export was laid out before the fast layout), once, and whether it writes the same page numbers.
// CPU time is printed beside wall time because other processes share the machine: compare both with `uptime`.
// With LibreOffice installed it also converts each DOCX once and counts how many of the cached
// 本期视点 page numbers equal the pages LibreOffice prints the titles on.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { Packer } from 'docx';
import { join, resolve } from 'node:path';
import { loadIssueFromManifest } from '../electron/engine/build/manifest';
import { buildIssueDocxDocument, renderIssueDocx } from '../electron/engine/docx/index';
import { clearArticlePages } from '../electron/engine/docx/pageEstimate';
import { buildIssueDocument, LABELS, type IssueDocument } from '../shared/document/issueDocument';
import { convertToPdf, findSoffice } from '../tests/unit/electron/docx/libreOffice';
import { fmtMs, table } from './stats';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');

/** One export in a fresh process: its time from the issue to the DOCX, module loading aside. */
function coldRun(issueFile: string): number {
  const out = execFileSync(process.execPath, [tsx, resolve(import.meta.dirname, 'exportOnce.ts'), issueFile, 'docx'], { encoding: 'utf8' });
  return (JSON.parse(out.trim().split('\n').pop()!) as { ms: number }).ms;
}

/** Pages of the whole document in the estimate the fields were written from. */
async function estimatedPageCount(doc: IssueDocument): Promise<number | undefined> {
  const { document, estimate } = await buildIssueDocxDocument(doc);
  await Packer.toBuffer(document);
  return estimate()?.pageCount;
}

/** The issue with the first paragraph of its middle article longer by `n` sentences. */
function editedOnce(doc: IssueDocument, n: number): IssueDocument {
  const k = Math.floor(doc.articles.length / 2);
  return {
    ...doc,
    articles: doc.articles.map((a, i) => {
      if (i !== k) return a;
      const at = a.blocks.findIndex((b) => b.kind === 'paragraph');
      const blocks = a.blocks.map((b, j) =>
        j === at && b.kind === 'paragraph' ? { ...b, runs: [...b.runs, { text: '补充说明一句。'.repeat(n) }] } : b,
      );
      return { ...a, blocks };
    }),
  };
}

const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const fixtures = resolve(import.meta.dirname, '../../shared/fixtures');
const work = mkdtempSync(join(tmpdir(), 'weekly-docx-bench-'));

/** Cached numbers vs the pages LibreOffice prints the titles on, as "matching/total" (SimSun/SimHei as Noto SC). */
async function libreOfficeAgreement(doc: IssueDocument, pageMap: Record<string, number>, file: string, office: string): Promise<string> {
  const [pdf] = await convertToPdf(office, [file], work);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').map((p) => p.replace(/\s+/g, ''));
  const matching = doc.articles.filter((a) => {
    const heading = (a.title + LABELS.sourceLine(a.source)).replace(/\s+/g, '');
    return pages.findIndex((p) => p.includes(heading)) + 1 === pageMap[a.id];
  }).length;
  return `${matching}/${doc.articles.length}`;
}

const office = findSoffice();
const loadBefore = load();
const rows: string[][] = [];
for (const name of ['2024-W47', '2021-W08']) {
  const issue = await loadIssueFromManifest(join(fixtures, name, 'manifest.json'));
  const issueFile = join(work, `${name}.json`);
  writeFileSync(issueFile, JSON.stringify(issue));
  const cold = Array.from({ length: RUNS }, () => coldRun(issueFile));
  const doc = buildIssueDocument(issue);
  const chars = doc.articles.reduce((n, a) => n + JSON.stringify(a.blocks).length, 0);
  await renderIssueDocx(doc); // warm-up: module loading and the width memo
  /** wall and CPU time of RUNS exports, `before` each */
  const timed = async (before: () => IssueDocument) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const input = before();
      const t = performance.now();
      const c = process.cpuUsage();
      await renderIssueDocx(input);
      const used = process.cpuUsage(c);
      wall.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    return { wall, cpu };
  };
  const fresh = await timed(() => {
    clearArticlePages();
    return doc;
  });
  const again = await timed(() => doc);
  let edits = 0;
  const edited = await timed(() => editedOnce(doc, ++edits));
  const last = await renderIssueDocx(doc);
  clearArticlePages();
  const t = performance.now();
  const reference = await renderIssueDocx(doc, { pageEstimate: 'docx' });
  const referenceMs = performance.now() - t;
  const same = JSON.stringify(reference.estimatedPageMap) === JSON.stringify(last.estimatedPageMap) ? 'same numbers' : 'DIFFERENT numbers';
  const file = join(work, `${name}.docx`);
  writeFileSync(file, last.docx);
  rows.push([
    name,
    String(doc.articles.length),
    `${(chars / 1000).toFixed(0)}k`,
    String((await estimatedPageCount(doc)) ?? '?'),
    String(Math.max(...Object.values(last.estimatedPageMap))),
    fmtMs(cold),
    fmtMs(fresh.wall),
    fmtMs(fresh.cpu),
    fmtMs(again.wall),
    fmtMs(edited.wall),
    `${referenceMs.toFixed(0)} ms, ${same}`,
    `${(last.docx.length / 1024).toFixed(0)} KB`,
    office ? await libreOfficeAgreement(doc, last.estimatedPageMap, file, office) : 'soffice not installed',
  ]);
}
console.log(`\nDOCX export, median of ${RUNS} runs (min–max); load average ${loadBefore} before, ${load()} after (1, 5, 15 min)\n`);
console.log(
  table(
    ['issue', 'articles', 'block JSON', 'pages', 'last title page', 'cold', 'warm, new', 'warm, new CPU', 'warm, again', 'one edit', 'docx estimate', 'size', 'cached = LibreOffice'],
    rows,
  ),
);
console.log(`\nFiles in ${work}`);
