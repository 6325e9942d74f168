// The 提要 on the real fixture articles, scored against the editors' own (issue #8): a regression
// guard for quality, and a check that the scorer reproduces the published lead-1 figure.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/engine/import/index';
import type { Block } from '../../../../shared/content/blocks';
import { toBlocks } from '../../../../shared/content/walker';
import { cleanBlocks } from '../../../../shared/summary/clean';
import { summarize } from '../../../../shared/summary/index';
import { rouge } from '../../../../shared/summary/rouge';
import { splitSentences } from '../../../../shared/summary/segment';
import { summaryLength } from '../../../../shared/summary/select';

const FIXTURES = resolve(__dirname, '../../../../../shared/fixtures');

interface Case {
  id: string;
  title: string;
  reference: string;
  blocks: Block[];
}

async function loadCases(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const fixture of readdirSync(FIXTURES).sort()) {
    const manifestPath = join(FIXTURES, fixture, 'manifest.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      sections: { articles: { id: string; clip: string; referenceSummary?: string }[] }[];
    };
    for (const article of manifest.sections.flatMap((s) => s.articles)) {
      if (!article.referenceSummary) continue;
      const clip = await importFile(join(FIXTURES, fixture, article.clip));
      cases.push({ id: article.id, title: clip.title, reference: article.referenceSummary, blocks: toBlocks(clip.content) });
    }
  }
  return cases;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe.skipIf(!existsSync(FIXTURES))('提要 on the fixture articles', () => {
  let cases: Case[] = [];
  beforeAll(async () => {
    cases = await loadCases();
  });

  it('covers the 25 articles with a human 提要', () => {
    expect(cases).toHaveLength(25);
  });

  it('reproduces the published lead-1 ROUGE-L (0.583 over the 25 articles)', () => {
    const lead1 = cases.map((c) => rouge(cleanBlocks(c.blocks).find((p) => p.kind !== 'heading')?.text ?? '', c.reference).rougeL);
    expect(mean(lead1)).toBeCloseTo(0.583, 2);
  });

  it('gives every article a 提要 of whole article sentences within 320 characters', () => {
    for (const c of cases) {
      const summary = summarize({ title: c.title, blocks: c.blocks });
      const body = cleanBlocks(c.blocks)
        .map((p) => p.text)
        .join('\n');
      expect(summaryLength(summary), c.id).toBeGreaterThan(0);
      expect(summaryLength(summary), c.id).toBeLessThanOrEqual(320);
      for (const sentence of splitSentences(summary)) {
        // The opening filler (据了解，) may be gone and a closing `；`/`……` turned into `。`.
        const core = sentence.replace(/[。；;…]+$/, '');
        expect(body.includes(core), `${c.id}: ${sentence}`).toBe(true);
      }
    }
  });

  it('scores well above lead-1 against the editors’ 提要', () => {
    const scores = cases.map((c) => rouge(summarize({ title: c.title, blocks: c.blocks }), c.reference).rougeL);
    expect(mean(scores)).toBeGreaterThanOrEqual(0.66);
  });
});
