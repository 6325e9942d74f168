// Web mode serves the built renderer. Build it (once, with Vite) when it is missing or older
// than its sources, so `npm run web` works straight after `npm ci`.
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');
export const WEB_OUT_DIR = join(REPO_ROOT, 'out', 'web');
export const RENDERER_CONFIG = join(REPO_ROOT, 'renderer', 'vite.config.ts');

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(path));
    else if (entry.isFile()) newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

export async function rendererIsStale(outDir = WEB_OUT_DIR): Promise<boolean> {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return true;
  const built = (await stat(index)).mtimeMs;
  const sources = Math.max(await newestMtime(join(REPO_ROOT, 'renderer')), await newestMtime(join(REPO_ROOT, 'shared')));
  return sources > built;
}

export async function buildRenderer(outDir = WEB_OUT_DIR): Promise<void> {
  const { build } = await import('vite');
  // A test runner's NODE_ENV=test must not turn this into a development build of React.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: RENDERER_CONFIG, mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

export async function ensureRendererBuilt(options: { force?: boolean; outDir?: string; log?: (m: string) => void } = {}): Promise<string> {
  const outDir = options.outDir ?? WEB_OUT_DIR;
  if (options.force || (await rendererIsStale(outDir))) {
    options.log?.('Building the renderer (vite)…');
    await buildRenderer(outDir);
  }
  return outDir;
}
