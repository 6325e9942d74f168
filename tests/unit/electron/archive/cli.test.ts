// `weekly archive …` run in-process, its output parsed as a script would.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../../../electron/cli/commands/archive';
import { tempDir, type TempDir } from './helpers';
import { FIXTURES, writeReclip } from './reclip';

let tmp: TempDir;
let db: string;

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await run(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

beforeAll(() => {
  tmp = tempDir();
  db = tmp.path('desk/weekly-desk.db');
});
afterAll(() => tmp.remove());

describe('weekly archive', () => {
  it('add --json imports an issue and reports articles that already ran', async () => {
    const first = await cli('add', join(FIXTURES, '2021-W08/manifest.json'), '--db', db, '--json');
    expect(first.code).toBe(0);
    const added = JSON.parse(first.out);
    expect(added.issue).toMatchObject({ id: '2021-W08', issueNumber: '2021年第8期', articleCount: 15 });
    expect(added.articles).toHaveLength(15);
    expect(added.articles[0]).toEqual({ id: '003-01', title: expect.any(String), column: '专家观点', alreadyRan: [] });

    const second = JSON.parse((await cli('add', writeReclip(tmp.path('w48')), '--db', db, '--json')).out);
    expect(second.articles.map((a: { id: string }) => a.id)).toEqual(['048-01', '048-02']);
    expect(second.articles[0].alreadyRan).toEqual([
      { issue: '2021年第8期', column: '医院管理', title: '早入 DRG 才是医院应对支付改革的正确之道！', similarity: expect.any(Number) },
    ]);
    expect(second.articles[0].alreadyRan[0].similarity).toBeGreaterThan(0.85);
    expect(second.articles[1].alreadyRan).toEqual([]);
  });

  it('add without --json tells the editor in Chinese', async () => {
    const r = await cli('add', tmp.path('w48/manifest.json'), '--db', db);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已存入 2024年第48期（2 篇）/);
    expect(r.out).toMatch(/已于 2021年第8期 · 医院管理 刊发 \(相似度 \d+%\)/);
  });

  it('list --json shows the issues newest first', async () => {
    const r = await cli('list', '--db', db, '--json');
    expect(JSON.parse(r.out).issues.map((i: { id: string }) => i.id)).toEqual(['2024-W48', '2021-W08']);
  });

  it('search --json prints ranked hits with marked snippets', async () => {
    const r = await cli('search', '医保', 'DRG', '--db', db, '--json');
    const { hits } = JSON.parse(r.out);
    expect(hits.length).toBeGreaterThan(1);
    for (const h of hits) {
      expect(Object.keys(h).sort()).toEqual(['column', 'issue', 'score', 'snippet', 'title']);
      expect(h.snippet).toMatch(/\*\*(医保|DRG)\*\*/);
    }
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
    const filtered = JSON.parse((await cli('search', '医保', '--column', '医院管理', '--from', '2024-01-01', '--db', db, '--json')).out);
    expect(filtered.hits).toEqual([]);
    const collected = JSON.parse((await cli('search', '集采', '--db', db, '--json', '--limit', '1')).out);
    expect(collected.hits).toHaveLength(1);
  });

  it('export, import into another archive, and backup', async () => {
    const file = tmp.path('w08.weekly');
    expect((await cli('export', '2021年第8期', file, '--db', db)).code).toBe(0);
    const other = tmp.path('other/weekly-desk.db');
    const imported = JSON.parse((await cli('import', file, '--db', other, '--json')).out);
    expect(imported.issue).toMatchObject({ id: '2021-W08', articleCount: 15 });
    const again = await cli('import', file, '--db', other);
    expect(again.code).toBe(1);
    expect(again.err).toContain('已有这一期');
    const backup = tmp.path('backup.db');
    expect((await cli('backup', backup, '--db', db)).code).toBe(0);
    expect(existsSync(backup)).toBe(true);
  });

  it('explains bad usage with exit code 2', async () => {
    expect((await cli()).code).toBe(2);
    expect((await cli('frobnicate', '--db', db)).code).toBe(2);
    expect((await cli('export', 'no-such-issue', 'x.weekly', '--db', db)).err).toContain('no issue "no-such-issue"');
    expect((await cli('search', '医保', '--limit', 'many', '--db', db)).code).toBe(2);
  });
});
