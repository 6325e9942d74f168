// npx tsx bench/docx.ts — DOCX export of each fixture issue: median of 5 runs of renderIssueDocx
// (building the document, docx's page estimate, packing), in this process after one warm-up run.
// With LibreOffice installed it also converts each DOCX once and counts how many of the cached
// 本期视点 page numbers equal the pages LibreOffice prints the titles on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadIssueFromManifest } from '../electron/engine/build/manifest';
import { renderIssueDocx } from '../electron/engine/docx/index';
import { buildIssueDocument, LABELS, type IssueDocument } from '../shared/document/issueDocument';
import { convertToPdf, findSoffice } from '../tests/unit/electron/docx/libreOffice';
import { fmtMs, table } from './stats';

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
const rows: string[][] = [];
for (const name of ['2024-W47', '2021-W08']) {
  const issue = await loadIssueFromManifest(join(fixtures, name, 'manifest.json'));
  const doc = buildIssueDocument(issue);
  const chars = doc.articles.reduce((n, a) => n + JSON.stringify(a.blocks).length, 0);
  await renderIssueDocx(doc); // warm-up: module loading and docx's width tables
  const times: number[] = [];
  let last = await renderIssueDocx(doc);
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    last = await renderIssueDocx(doc);
    times.push(performance.now() - t);
  }
  const file = join(work, `${name}.docx`);
  writeFileSync(file, last.docx);
  const pages = Math.max(...Object.values(last.estimatedPageMap));
  rows.push([
    name,
    String(doc.articles.length),
    `${(chars / 1000).toFixed(0)}k`,
    `${pages}+`,
    fmtMs(times),
    `${(last.docx.length / 1024).toFixed(0)} KB`,
    office ? await libreOfficeAgreement(doc, last.estimatedPageMap, file, office) : 'soffice not installed',
  ]);
}
console.log(`\nDOCX export, median of ${RUNS} runs (min–max), one process, after a warm-up\n`);
console.log(
  table(['issue', 'articles', 'block JSON', 'last title page', 'renderIssueDocx', 'size', 'cached = LibreOffice'], rows),
);
console.log(`\nFiles in ${work}`);
