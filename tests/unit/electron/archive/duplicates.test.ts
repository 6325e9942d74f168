import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAlreadyRan } from '../../../../electron/engine/archive/duplicates';
import { openArchive, type Archive } from '../../../../electron/engine/archive/index';
import { loadIssueFromManifest } from '../../../../electron/engine/build/manifest';
import { allArticles, type Issue } from '../../../../shared/model/issue';
import { article, content, INSURANCE_TEXT } from './helpers';
import { FIXTURES, writeReclip } from './reclip';
import { tempDir, type TempDir } from './helpers';

let tmp: TempDir;
let archive: Archive;
let w08: Issue;
let w47: Issue;
let reclipped: Issue;

beforeAll(async () => {
  tmp = tempDir();
  archive = openArchive(':memory:');
  w08 = await loadIssueFromManifest(join(FIXTURES, '2021-W08/manifest.json'), { summaries: false });
  w47 = await loadIssueFromManifest(join(FIXTURES, '2024-W47/manifest.json'), { summaries: false });
  reclipped = await loadIssueFromManifest(writeReclip(tmp.dir), { summaries: false });
  archive.saveIssue(w08);
});

afterAll(() => {
  archive.close();
  tmp.remove();
});

describe('already ran?', () => {
  it('finds an exact copy, whatever its title, with similarity 1', () => {
    const original = w08.columns.find((c) => c.name === '医院管理')!.articles[1];
    const [hit, ...rest] = archive.findAlreadyRan({ title: '换了标题', content: original.content });
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ issueId: '2021-W08', issueNumber: '2021年第8期', column: '医院管理', articleId: '003-13', similarity: 1 });
    expect(describeAlreadyRan(hit)).toBe('已于 2021年第8期 · 医院管理 刊发 (相似度 100%)');
  });

  it('finds a re-clipped copy of a 2021 article filed in 2024, with a high similarity', () => {
    const copy = reclipped.columns[0].articles[0];
    expect(copy.title).toBe('骨科耗材之后：医院如何应对 DRG 支付改革');
    const hits = archive.findAlreadyRan(copy, { excludeIssueId: reclipped.id });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ issueNumber: '2021年第8期', column: '医院管理', title: '早入 DRG 才是医院应对支付改革的正确之道！' });
    expect(hits[0].similarity).toBeGreaterThan(0.85);
    expect(hits[0].similarity).toBeLessThan(1);
    expect(describeAlreadyRan(hits[0])).toMatch(/^已于 2021年第8期 · 医院管理 刊发 \(相似度 (8[5-9]|9\d)%\)$/);
  });

  it('reports nothing for the genuinely new articles of 2024-W47 (no false alarms on the same topics)', () => {
    for (const { article: a } of allArticles(w47)) expect(archive.findAlreadyRan(a, { excludeIssueId: w47.id })).toEqual([]);
    expect(archive.findAlreadyRan(reclipped.columns[0].articles[1], { excludeIssueId: reclipped.id })).toEqual([]);
  });

  it('ignores the issue the clipping is going into', () => {
    const original = w08.columns[0].articles[0];
    expect(archive.findAlreadyRan(original, { excludeIssueId: '2021-W08' })).toEqual([]);
    expect(archive.findAlreadyRan(original)).toHaveLength(1);
  });

  it('respects the threshold', () => {
    const half = article('x', '半篇', '', INSURANCE_TEXT);
    const local = openArchive(':memory:');
    local.saveIssue({ ...w47, columns: [{ id: 'c1', name: '分析解读', articles: [article('a', '原文', '', INSURANCE_TEXT + INSURANCE_TEXT.split('').reverse().join(''))] }] });
    const loose = local.findAlreadyRan(half, { minSimilarity: 0.3 });
    expect(loose).toHaveLength(1);
    expect(loose[0].similarity).toBeGreaterThan(0.3);
    expect(loose[0].similarity).toBeLessThan(0.7);
    expect(local.findAlreadyRan(half, { minSimilarity: 0.7 })).toEqual([]);
    local.close();
  });

  it('compares an article without body text by its title', () => {
    const local = openArchive(':memory:');
    local.saveIssue({ ...w47, columns: [{ id: 'c1', name: '医保快讯', articles: [article('a', '国家医保局发布2025年医保目录调整方案', '')] }] });
    const hits = local.findAlreadyRan({ title: '国家医保局发布2025年医保目录调整方案', content: content() });
    expect(hits.map((h) => h.similarity)).toEqual([1]);
    local.close();
  });
});
