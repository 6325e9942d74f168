// The manifest loader imports clippings through one shared queue (this thread, and import workers in the
// built CLI); the issue it builds, its warnings and its first failure do not depend on how many threads ran.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadIssueFromManifest } from '../../../../../electron/engine/build/manifest';
import { importEntries, importWorkerCount } from '../../../../../electron/engine/build/parallelImport';

const CLIPS = resolve(__dirname, '../../../../../../shared/fixtures/2024-W47/clips');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'weekly-parallel-'));
  writeFileSync(join(dir, 'empty.html'), '');
  writeFileSync(join(dir, 'short.html'), '<!DOCTYPE html><html><head><title>短讯</title></head><body><p>医保局发布通知，明确了门诊共济的具体办法。</p></body></html>');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  delete process.env.WEEKLY_IMPORT_WORKERS;
});

describe('importWorkerCount', () => {
  it('starts workers only with a spare core and enough clippings', () => {
    expect(importWorkerCount(15, 1, 0)).toBe(0);
    expect(importWorkerCount(3, 8, 0)).toBe(0);
    expect(importWorkerCount(15, 2, 0.3)).toBe(1);
    expect(importWorkerCount(200, 16, 0)).toBe(3);
  });

  it('starts none while other work keeps the cores busy', () => {
    expect(importWorkerCount(15, 2, 1.0)).toBe(1);
    expect(importWorkerCount(15, 2, 1.7)).toBe(0);
    expect(importWorkerCount(15, 2, 4)).toBe(0);
    expect(importWorkerCount(60, 4, 3.6)).toBe(0);
  });

  it('follows WEEKLY_IMPORT_WORKERS when set', () => {
    process.env.WEEKLY_IMPORT_WORKERS = '0';
    expect(importWorkerCount(15, 8)).toBe(0);
    process.env.WEEKLY_IMPORT_WORKERS = '2';
    expect(importWorkerCount(15, 1)).toBe(2);
  });
});

describe('importEntries', () => {
  it('returns every entry in manifest order, numbering default ids across the manifest', async () => {
    const entries = [{ clip: join(CLIPS, '01-推动医保商保一站式结算的.html') }, { clip: 'short.html', id: 'own-id' }, { clip: join(CLIPS, '03-以基层为重点加快建设分级.html') }];
    // no built worker next to the sources: asking for one still imports everything here
    const outcomes = await importEntries(dir, entries, { workers: 1 });
    expect(outcomes.map((o) => (o?.ok ? o.result.article.id : 'failed'))).toEqual(['a001', 'own-id', 'a003']);
    const short = outcomes[1];
    expect(short?.ok && short.result.article.title).toBe('短讯');
  });

  it('stops after the first failure, as a one-by-one import would', async () => {
    const entries = [{ clip: 'short.html' }, { clip: 'empty.html' }, { clip: 'short.html' }];
    const outcomes = await importEntries(dir, entries);
    expect(outcomes[0]?.ok).toBe(true);
    expect(outcomes[1]?.ok).toBe(false);
    expect(outcomes[2]).toBeUndefined();
  });
});

describe('loadIssueFromManifest', () => {
  it('reports warnings with the clipping named and throws the first failure in manifest order', async () => {
    const manifest = join(dir, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({ isoWeek: '2024-W47', sections: [{ name: '政策', articles: [{ clip: 'short.html' }] }, { name: '观察', articles: [{ clip: 'empty.html' }, { clip: 'missing.html' }] }] }),
    );
    const warnings: string[] = [];
    await expect(loadIssueFromManifest(manifest, { onWarning: (w) => warnings.push(w), parallel: true })).rejects.toThrow(/empty\.html/);
    expect(warnings.every((w) => w.startsWith('short.html: '))).toBe(true);
  });

  it('files each article under its own column', async () => {
    const manifest = join(dir, 'columns.json');
    writeFileSync(manifest, JSON.stringify({ isoWeek: '2024-W47', sections: [{ name: '政策', articles: [{ clip: 'short.html' }] }, { name: '观察', articles: [{ clip: 'short.html', summary: '自定提要' }] }] }));
    const issue = await loadIssueFromManifest(manifest, { parallel: true });
    expect(issue.columns.map((c) => [c.name, c.articles.map((a) => a.id)])).toEqual([
      ['政策', ['a001']],
      ['观察', ['a002']],
    ]);
    expect(issue.columns[1].articles[0]).toMatchObject({ summary: '自定提要', summaryEdited: true });
  });
});
