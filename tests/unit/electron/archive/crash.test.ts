import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWritable } from '../../../../electron/engine/archive/db';
import { openArchive } from '../../../../electron/engine/archive/index';
import { tempDir, type TempDir } from './helpers';

const WRITER = fileURLToPath(new URL('./crashWriter.ts', import.meta.url));
const ITERATIONS = 4;

let tmp: TempDir;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

/** Runs the writer until it reported `commits` committed revisions, kills it with SIGKILL, returns the last one. */
function runAndKill(dbPath: string, commits: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = 0;
    let last = 0;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        last = Number(line);
        if (++seen === commits) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${stderr}`));
      else resolve(last);
    });
  });
}

describe('a writer killed mid-save', () => {
  it('leaves an intact database holding every committed edit', async () => {
    const dbPath = tmp.path('weekly-desk.db');
    let committed = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const last = await runAndKill(dbPath, 20 + Math.floor(Math.random() * 60));
      expect(last).toBeGreaterThan(committed);
      committed = last;

      const db = openWritable(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
      const archive = openArchive(dbPath, { backupDir: tmp.path('backups') });
      const stored = archive.getIssue('2024-W47')!.columns[0].articles;
      expect(stored).toHaveLength(1);
      // The kill may land after a commit but before its number was printed: never fewer, at most one more.
      const revision = Number(/^第(\d+)稿$/.exec(stored[0].title)![1]);
      expect(revision).toBeGreaterThanOrEqual(committed);
      expect(revision).toBeLessThanOrEqual(committed + 1);
      expect(archive.search(`第${revision}稿`).length).toBeGreaterThan(0);
      committed = revision;
      archive.close();
    }
  });
});
