// Archive benchmark (issue #5): a synthetic ten-year archive — 520 weekly issues × 12 articles whose
// bodies are drawn from the fixtures' paragraphs — then import time, database size, open time,
// search latency for one- to four-word queries, and the already-ran check per clipping.
// Goals: search p95 ≤ 20 ms, duplicate check ≤ 20 ms.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openArchive } from '../electron/engine/archive/index';
import { loadIssueFromManifest } from '../electron/engine/build/manifest';
import type { SerializedLexicalNode } from '../shared/content/lexicalJson';
import { allArticles, type Article, type Issue } from '../shared/model/issue';
import { issueMetaForWeek } from '../shared/model/issueMeta';
import { median, percentile, table } from './stats';
import { seededRandom } from '../tests/helpers/random';

const ISSUES = Number(process.env.BENCH_ARCHIVE_ISSUES ?? 520);
const PER_ISSUE = 12;
const QUERIES_PER_SIZE = 60;
const CLIPPINGS = 200;

const fixtures = resolve(import.meta.dirname, '../../shared/fixtures');
const work = mkdtempSync(join(tmpdir(), 'weekly-archive-bench-'));

const random = seededRandom(20241118);
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];

const sources = await Promise.all(['2024-W47', '2021-W08'].map((w) => loadIssueFromManifest(join(fixtures, w, 'manifest.json'), { summaries: false })));
const fixtureArticles = sources.flatMap((i) => allArticles(i).map((x) => x.article));
// Every fifth fixture article is held out of the archive: "new" clippings are made from it, so they
// are genuinely new text rather than a remix of paragraphs the archive already holds.
const archived = fixtureArticles.filter((_, i) => i % 5 !== 4);
const heldOut = fixtureArticles.filter((_, i) => i % 5 === 4);
const blocksOf = (articles: Article[]): SerializedLexicalNode[] => articles.flatMap((a) => a.content.root.children);
const blocks = blocksOf(archived);
const paragraphs = blocks.filter((b) => b.type === 'paragraph');
const newBlocks = blocksOf(heldOut);
const newParagraphs = newBlocks.filter((b) => b.type === 'paragraph');
const titles = fixtureArticles.map((a) => a.title);
const sourceNames = [...new Set(fixtureArticles.map((a) => a.source).filter(Boolean))];
const COLUMNS = ['专家观点', '分析解读', '地方精彩', '医院管理', '医保速递', '医药速递', '智慧医疗', '国际视野', '他山之石'];

function textOf(node: SerializedLexicalNode): string {
  if (typeof node.text === 'string') return node.text;
  return Array.isArray(node.children) ? (node.children as SerializedLexicalNode[]).map(textOf).join('') : '';
}

function syntheticArticle(id: string, fresh = false): Article {
  const count = 8 + Math.floor(random() * 25);
  const [ps, bs] = fresh ? [newParagraphs, newBlocks] : [paragraphs, blocks];
  const children = Array.from({ length: count }, () => structuredClone(random() < 0.85 ? pick(ps) : pick(bs)));
  const lead = textOf(children[0]);
  return {
    id,
    title: `${pick(titles).slice(0, 8 + Math.floor(random() * 14))}${pick(['', '：', '——'])}${pick(titles).slice(-10)}`,
    source: pick(sourceNames),
    author: null,
    url: null,
    clippedAt: null,
    content: { root: { type: 'root', version: 1, children } },
    summary: lead.slice(0, 190),
    summaryEdited: false,
  };
}

function syntheticIssue(n: number): Issue {
  const isoWeek = `${2015 + Math.floor(n / 52)}-W${String((n % 52) + 1).padStart(2, '0')}`;
  const names = [...COLUMNS].sort(() => random() - 0.5).slice(0, 4);
  return {
    id: isoWeek,
    meta: issueMetaForWeek(isoWeek, { tags: ['医保', '医疗', '医药'] }),
    columns: names.map((name, c) => ({
      id: `c${c + 1}`,
      name,
      articles: Array.from({ length: PER_ISSUE / 4 }, (_, k) => syntheticArticle(`${isoWeek}-${c * 3 + k + 1}`)),
    })),
  };
}

const ms = (t0: number): number => performance.now() - t0;
/** CPU time of this process since `c0`, in ms: less disturbed than wall time on a busy machine. */
const cpuMs = (c0: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(c0);
  return (d.user + d.system) / 1000;
};
const fmt = (x: number): string => `${x.toFixed(1)} ms`;

// BENCH_ARCHIVE_DB=<file> keeps the synthetic archive there and reuses it on the next run.
const keep = process.env.BENCH_ARCHIVE_DB;
const reuse = keep !== undefined && existsSync(keep);
const dbPath = keep ?? join(work, 'weekly-desk.db');
let archive = openArchive(dbPath);
const saveTimes: number[] = [];
let charCount = 0;
const t0 = performance.now();
for (let n = 0; n < (reuse ? 0 : ISSUES); n++) {
  const issue = syntheticIssue(n);
  for (const { article } of allArticles(issue)) charCount += JSON.stringify(article.content).length;
  const t = performance.now();
  archive.saveIssue(issue);
  saveTimes.push(ms(t));
}
const importMs = ms(t0);
archive.close();
const size = statSync(dbPath).size;

let t = performance.now();
archive = openArchive(dbPath, { check: 'quick' });
const openQuick = ms(t);
archive.close();
t = performance.now();
archive = openArchive(dbPath);
const openCore = ms(t);
archive.close();
t = performance.now();
archive = openArchive(dbPath, { check: 'none' });
const openNone = ms(t);

console.log(
  `\nSynthetic archive: ${ISSUES} issues × ${PER_ISSUE} articles` + (reuse ? ` (reused ${dbPath})` : ` (${(charCount / 2 ** 20).toFixed(0)} MB of Lexical JSON)`),
);
console.log(
  table(
    ['import (all)', 'per issue p50 / p95', 'database size', 'open, whole-file check', 'open, core check (default)', 'open, no check'],
    [[reuse ? '(reused)' : `${(importMs / 1000).toFixed(1)} s`, reuse ? '' : `${fmt(median(saveTimes))} / ${fmt(percentile(saveTimes, 95))}`, `${(size / 2 ** 20).toFixed(0)} MB`, fmt(openQuick), fmt(openCore), fmt(openNone)]],
  ),
);

const WORDS = ['医保', '集采', 'DRG', '基金', '监管', '改革', '医院', '支付', '药品', '创新', '分级诊疗', '商保', '县域', '智慧医疗', '长护险', '信息化', '三明', '耗材', '基层', '互联网'];
const searchRows: string[][] = [];
const all: number[] = [];
const allCpu: number[] = [];
for (let words = 1; words <= 4; words++) {
  const times: number[] = [];
  const cpu: number[] = [];
  let hits = 0;
  for (let q = 0; q < QUERIES_PER_SIZE; q++) {
    const query = [...WORDS].sort(() => random() - 0.5).slice(0, words).join(' ');
    const s = performance.now();
    const c = process.cpuUsage();
    hits += archive.search(query).length;
    cpu.push(cpuMs(c));
    times.push(ms(s));
  }
  all.push(...times);
  allCpu.push(...cpu);
  searchRows.push([String(words), fmt(median(times)), fmt(percentile(times, 95)), fmt(Math.max(...times)), fmt(median(cpu)), fmt(percentile(cpu, 95)), (hits / QUERIES_PER_SIZE).toFixed(1)]);
}
searchRows.push(['all', fmt(median(all)), fmt(percentile(all, 95)), fmt(Math.max(...all)), fmt(median(allCpu)), fmt(percentile(allCpu, 95)), '']);
console.log(`\nSearch (top 20 with snippets), goal p95 ≤ 20 ms — load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
console.log(table(['words', 'p50', 'p95', 'max', 'CPU p50', 'CPU p95', 'hits/query'], searchRows));

// Already ran? Half the clippings are new articles, half re-clippings of archived ones
// (punctuation changed, a paragraph dropped).
const dupTimes: number[] = [];
const dupCpu: number[] = [];
let copiesFound = 0;
let falseAlarms = 0;
for (let k = 0; k < CLIPPINGS; k++) {
  let clip: Article;
  const isCopy = k % 2 === 1;
  if (isCopy) {
    const n = Math.floor(random() * ISSUES);
    const issue = archive.getIssue(`${2015 + Math.floor(n / 52)}-W${String((n % 52) + 1).padStart(2, '0')}`)!;
    const original = pick(allArticles(issue)).article;
    const children = original.content.root.children.slice(0, -1).map((b) => JSON.parse(JSON.stringify(b).replace(/，/g, ',')));
    clip = { ...original, title: `转载：${original.title}`, content: { root: { ...original.content.root, children } } };
  } else clip = syntheticArticle(`new-${k}`, true);
  const s = performance.now();
  const c = process.cpuUsage();
  const found = archive.findAlreadyRan(clip);
  dupCpu.push(cpuMs(c));
  dupTimes.push(ms(s));
  if (isCopy && found.length > 0) copiesFound++;
  if (!isCopy && found.length > 0) falseAlarms++;
}
console.log('\nAlready-ran check per clipping, goal ≤ 20 ms');
console.log(
  table(
    ['p50', 'p95', 'max', 'CPU p50', 'CPU p95', 'copies found', 'new flagged'],
    [
      [
        fmt(median(dupTimes)),
        fmt(percentile(dupTimes, 95)),
        fmt(Math.max(...dupTimes)),
        fmt(median(dupCpu)),
        fmt(percentile(dupCpu, 95)),
        `${copiesFound}/${CLIPPINGS / 2}`,
        `${falseAlarms}/${CLIPPINGS / 2}`,
      ],
    ],
  ),
);

archive.close();
rmSync(work, { recursive: true, force: true });
