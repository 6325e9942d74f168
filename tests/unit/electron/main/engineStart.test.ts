// What the engine process runs on `init`: the real archive in the app's data folder and the
// bundled sample issue, behind the same dispatch as web mode.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEngine } from '../../../../electron/main/engine/start';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'weekly-desk-engine-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('startEngine', () => {
  it('opens the archive in the data folder and the bundled sample issue first', async () => {
    const dispatch = await startEngine({ type: 'init', dataDir, sampleManifest: join(root, 'resources', 'sample', 'manifest.json'), version: '0.1.0' });
    const startup = await dispatch('app:startup', {});
    expect(startup.ok).toBe(true);
    const { openIssueId, version } = (startup as { result: { openIssueId: string; version: string } }).result;
    expect(version).toBe('0.1.0');
    expect(openIssueId).toMatch(/^sample-/);
    const issue = await dispatch('issues:get', { id: openIssueId });
    expect(issue.ok).toBe(true);
    const { meta, columns } = (issue as { result: { meta: { issueNumber: string }; columns: Array<{ articles: unknown[] }> } }).result;
    expect(meta.issueNumber).toBe('2024年第47期');
    expect(columns.reduce((n, c) => n + c.articles.length, 0)).toBe(10);
    expect(existsSync(join(dataDir, 'weekly-desk.db'))).toBe(true);
    // The same dispatch refuses what the contract does not allow.
    expect((await dispatch('issues:get', { id: '' })).ok).toBe(false);
  });
});
