// `npm start`'s decision, read through its --dry-run output: the desktop app where an Electron
// binary exists, otherwise one line naming ELECTRON_MIRROR and the browser version.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const script = join(root, 'scripts', 'start.mjs');

interface Plan {
  mode: 'electron' | 'web';
  notice: string | null;
  steps: Array<{ kind: 'run' | 'native'; command?: string; args?: string[]; env?: Record<string, string>; electronVersion?: string; binding?: string }>;
}

function plan(env: Record<string, string | undefined>, args: string[] = []): Plan {
  const { npm_execpath: _n, WEEKLY_DESK_ELECTRON: _w, ELECTRON_OVERRIDE_DIST_PATH: _o, ...base } = process.env;
  const out = execFileSync(process.execPath, [script, '--dry-run', ...args], { cwd: root, env: { ...base, ...env }, encoding: 'utf8' });
  return JSON.parse(out) as Plan;
}

describe('npm start', () => {
  it('without an Electron binary: one line naming ELECTRON_MIRROR, then npm run web -- --sample', () => {
    const p = plan({ WEEKLY_DESK_ELECTRON: join(root, 'no-such-electron') });
    expect(p.mode).toBe('web');
    expect(p.notice).not.toContain('\n');
    expect(p.notice).toContain('Electron binary could not be downloaded');
    expect(p.notice).toContain('ELECTRON_MIRROR');
    expect(p.notice).toContain('https://npmmirror.com/mirrors/electron/');
    expect(p.notice).toContain('npm install');
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0].args!.slice(-4)).toEqual(['run', 'web', '--', '--sample']);
  });

  it('runs web mode through the npm that started it', () => {
    const p = plan({ WEEKLY_DESK_ELECTRON: '/nonexistent/electron', npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' });
    expect(p.steps[0]).toEqual({ kind: 'run', command: process.execPath, args: ['/usr/lib/node_modules/npm/bin/npm-cli.js', 'run', 'web', '--', '--sample'] });
  });

  it('with an Electron binary: builds, prepares SQLite for Electron, then launches the app on the sample issue', () => {
    const p = plan({ WEEKLY_DESK_ELECTRON: process.execPath, WEEKLY_DESK_ELECTRON_VERSION: '45.4.1' }, ['--lang=zh-CN']);
    expect(p.mode).toBe('electron');
    expect(p.notice).toBeNull();
    expect(p.steps.map((s) => s.kind)).toEqual(['run', 'native', 'run']);
    expect(p.steps[0].args!.slice(-1)).toEqual(['build']);
    expect(p.steps[0].args![0]).toMatch(/electron-vite\.js$/);
    const binding = join(root, 'out', 'electron-native', '45.4.1', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    expect(p.steps[1]).toEqual({ kind: 'native', electronVersion: '45.4.1', binding });
    // node_modules keeps the Node build of better-sqlite3; only Electron's engine gets this one.
    expect(p.steps[2]).toEqual({ kind: 'run', command: process.execPath, args: ['.', '--sample', '--lang=zh-CN'], env: { WEEKLY_DESK_SQLITE_BINDING: binding } });
  });

  it('--prepare without Electron does nothing and says nothing', () => {
    const { npm_execpath: _n, WEEKLY_DESK_ELECTRON: _w, ...base } = process.env;
    const out = execFileSync(process.execPath, [script, '--prepare'], { cwd: root, env: { ...base, WEEKLY_DESK_ELECTRON: '/nonexistent' }, encoding: 'utf8' });
    expect(out).toBe('');
  });
});
