#!/usr/bin/env node
// Package bin. Runs the bundled CLI (out/cli, `npm run build:cli`) in this process when the bundle is
// newer than every source file it was built from; otherwise the TypeScript sources through tsx, so a
// fresh checkout or an edited source never runs a stale bundle.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// The cores' idle time as the bin starts: `weekly build` compares it when it decides whether import
// workers would help (electron/engine/build/cpuLoad.ts).
try {
  const c = cpus();
  const own = process.cpuUsage();
  globalThis[Symbol.for('weekly-desk.cpuMark')] = { at: performance.now(), idleMs: c.reduce((s, x) => s + x.times.idle, 0), cores: c.length, ownMs: (own.user + own.system) / 1000 };
} catch {
  // no CPU times here: the build goes by the load average
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'main.mjs');

/** The bundle, or why it cannot be used: missing, or a source it was built from saved since the build began. */
function bundleState() {
  if (process.env.WEEKLY_CLI_FROM_SOURCE === '1') return { stale: 'WEEKLY_CLI_FROM_SOURCE=1' };
  let builtAt;
  let inputs;
  try {
    statSync(bundle);
    ({ builtAt, inputs } = JSON.parse(readFileSync(join(root, 'out', 'cli', 'inputs.json'), 'utf8')));
  } catch {
    return { stale: 'no bundle (npm run build:cli)' };
  }
  for (const file of inputs) {
    let changed;
    try {
      changed = statSync(join(root, file)).mtimeMs;
    } catch {
      return { stale: `${file} is gone` };
    }
    if (changed >= builtAt) return { stale: `${file} changed since the bundle was built` };
  }
  return { bundle };
}

const state = bundleState();
if (process.env.WEEKLY_CLI_DEBUG === '1') console.error(`weekly: ${state.bundle ? `running ${state.bundle}` : `running the sources through tsx: ${state.stale}`}`);
if (state.bundle) {
  await import(pathToFileURL(state.bundle).href);
} else {
  const { spawnSync } = await import('node:child_process');
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const r = spawnSync(process.execPath, [tsxCli, join(root, 'electron', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
