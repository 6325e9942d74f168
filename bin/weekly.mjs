#!/usr/bin/env node
// Package bin. Runs the bundled CLI (out/cli, `npm run build:cli`) in this process when the bundle is
// newer than every source file it was built from; otherwise the TypeScript sources through tsx, so a
// fresh checkout or an edited source never runs a stale bundle.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'out', 'cli', 'main.mjs');

/** The bundle, if it exists and no source it was built from changed since. */
function freshBundle() {
  if (process.env.WEEKLY_CLI_FROM_SOURCE === '1') return null;
  try {
    const builtAt = statSync(bundle).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(join(root, 'out', 'cli', 'inputs.json'), 'utf8'));
    for (const file of inputs) if (statSync(join(root, file)).mtimeMs > builtAt) return null;
    return bundle;
  } catch {
    return null; // no bundle, or a source it names is gone
  }
}

const fresh = freshBundle();
if (fresh) {
  await import(pathToFileURL(fresh).href);
} else {
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  const r = spawnSync(process.execPath, [tsxCli, join(root, 'electron', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
