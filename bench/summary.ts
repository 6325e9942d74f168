// `npm run bench:summary`: character-level ROUGE-1/2/L F1 of our 【提要】 against the editors' own
// (`referenceSummary` in the fixture manifests), beside lead-1 and sentence TextRank baselines,
// per fixture and overall, plus the time summarize() takes per article.
// Options: --verbose prints each article's summary and reference; --json prints the table as JSON;
// --fixtures <dir> scores another folder of issues laid out like ../shared/fixtures.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Block } from '../shared/content/blocks';
import { importFile } from '../electron/engine/import/index';
import { toBlocks } from '../shared/content/walker';
import { summarize } from '../shared/summary/index';
import { cleanBlocks } from '../shared/summary/clean';
import { segmentParagraphs } from '../shared/summary/segment';
import { joinSentences } from '../shared/summary/select';
import { textRank } from '../shared/summary/textrank';
import { rouge, type RougeScores } from '../shared/summary/rouge';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = resolve(here, '../../shared/fixtures');

interface Case {
  fixture: string;
  id: string;
  title: string;
  reference: string;
  blocks: Block[];
}

/** Every `<dir>/<issue>/manifest.json` whose articles carry a `referenceSummary`. */
async function loadCases(dir: string): Promise<Case[]> {
  const cases: Case[] = [];
  for (const fixture of readdirSync(dir).sort()) {
    const manifestPath = join(dir, fixture, 'manifest.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      sections: { articles: { id: string; clip: string; referenceSummary?: string }[] }[];
    };
    for (const section of manifest.sections) {
      for (const article of section.articles) {
        if (!article.referenceSummary) continue;
        const clip = await importFile(join(dir, fixture, article.clip));
        cases.push({ fixture, id: article.id, title: clip.title, reference: article.referenceSummary, blocks: toBlocks(clip.content) });
      }
    }
  }
  return cases;
}

/** lead-1: the first body paragraph after cleaning. */
function lead1(c: Case): string {
  return cleanBlocks(c.blocks).find((p) => p.kind !== 'heading')?.text ?? '';
}

/** Plain sentence TextRank: the top-ranked sentences up to the default length, in article order. */
function textRankSummary(c: Case): string {
  const texts = cleanBlocks(c.blocks).filter((p) => p.kind !== 'heading').map((p) => p.text);
  const sentences = segmentParagraphs(texts);
  const scores = textRank(sentences.map((s) => s.text));
  const order = sentences.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const picked: number[] = [];
  let length = 0;
  for (const i of order) {
    if (length >= 190) break;
    const len = sentences[i].text.length;
    if (length + len > 320) continue;
    picked.push(i);
    length += len;
  }
  picked.sort((a, b) => a - b);
  return joinSentences(picked.map((i) => sentences[i].text));
}

interface Row {
  fixture: string;
  id: string;
  ours: RougeScores;
  lead1: RougeScores;
  textRank: RougeScores;
  ms: number;
  /** CPU time, which a busy machine inflates less than wall time */
  cpuMs: number;
  length: number;
}

function mean(rows: Row[], pick: (r: Row) => RougeScores): RougeScores {
  const n = Math.max(1, rows.length);
  const sum = rows.reduce(
    (acc, r) => {
      const s = pick(r);
      return { rouge1: acc.rouge1 + s.rouge1, rouge2: acc.rouge2 + s.rouge2, rougeL: acc.rougeL + s.rougeL };
    },
    { rouge1: 0, rouge2: 0, rougeL: 0 },
  );
  return { rouge1: sum.rouge1 / n, rouge2: sum.rouge2 / n, rougeL: sum.rougeL / n };
}

const f = (x: number): string => x.toFixed(3);
const triple = (s: RougeScores): string => `${f(s.rouge1)} ${f(s.rouge2)} ${f(s.rougeL)}`;

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const at = process.argv.indexOf('--fixtures');
  const cases = await loadCases(at >= 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : FIXTURES);
  const rows: Row[] = [];
  for (const c of cases) {
    summarize({ title: c.title, blocks: c.blocks }); // warm-up, so the timing is the steady state
    const runs = 20;
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let ours = '';
    for (let i = 0; i < runs; i++) ours = summarize({ title: c.title, blocks: c.blocks });
    const ms = (performance.now() - t0) / runs;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
    rows.push({
      fixture: c.fixture,
      id: c.id,
      ours: rouge(ours, c.reference),
      lead1: rouge(lead1(c), c.reference),
      textRank: rouge(textRankSummary(c), c.reference),
      ms,
      cpuMs,
      length: Array.from(ours.replace(/\s+/g, '')).length,
    });
    if (verbose) console.log(`\n[${c.id}] ${c.title}\nOURS ${ours}\nREF  ${c.reference}`);
  }
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.log('ROUGE F1 (R-1 R-2 R-L), character level, NFKC, letters and digits only');
  console.log('article       ours                 lead-1               textrank             chars  ms (wall/cpu)');
  for (const r of rows) {
    console.log(`${r.id.padEnd(12)}  ${triple(r.ours)}    ${triple(r.lead1)}    ${triple(r.textRank)}    ${String(r.length).padStart(5)}  ${r.ms.toFixed(2)}/${r.cpuMs.toFixed(2)}`);
  }
  // Worst case for speed: every fixture body joined into one very long article.
  const longBlocks = cases.flatMap((c) => c.blocks);
  const longChars = cleanBlocks(longBlocks).reduce((a, p) => a + p.text.length, 0);
  summarize({ title: cases[0]?.title ?? '', blocks: longBlocks });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 5; i++) summarize({ title: cases[0]?.title ?? '', blocks: longBlocks });
  const longMs = (performance.now() - t0) / 5;
  const longCpu = process.cpuUsage(cpu0);
  const longCpuMs = (longCpu.user + longCpu.system) / 1000 / 5;

  const groups = [...new Set(rows.map((r) => r.fixture)), 'overall'];
  console.log('');
  for (const g of groups) {
    const sel = g === 'overall' ? rows : rows.filter((r) => r.fixture === g);
    const ms = sel.reduce((a, r) => a + r.ms, 0) / Math.max(1, sel.length);
    const cpuMs = sel.reduce((a, r) => a + r.cpuMs, 0) / Math.max(1, sel.length);
    const worst = Math.max(...sel.map((r) => r.cpuMs));
    const min = Math.min(...sel.map((r) => r.ours.rougeL));
    console.log(
      `${g.padEnd(12)}  ${triple(mean(sel, (r) => r.ours))}    ${triple(mean(sel, (r) => r.lead1))}    ${triple(mean(sel, (r) => r.textRank))}    n=${sel.length} min R-L ${f(min)}  ${ms.toFixed(2)} ms/article wall, ${cpuMs.toFixed(2)} cpu (max ${worst.toFixed(2)})`,
    );
  }
  console.log(`\nlong article (all ${cases.length} bodies joined, ${longChars} characters): ${longMs.toFixed(1)} ms wall, ${longCpuMs.toFixed(1)} ms cpu`);
}

await main();
