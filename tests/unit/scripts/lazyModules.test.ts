// The CLI bundle's stand-ins for packages it keeps out (scripts/lazyModules.mjs): each must behave as the
// package itself the moment it is called, though nothing of the package was bundled.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM build script without types
import { lazyModules } from '../../../scripts/lazyModules.mjs';

const ROOT = resolve(__dirname, '../../..');
// inside the repository, so the stand-ins' require() finds node_modules as the CLI bundle's does
const dir = mkdtempSync(join(ROOT, 'out', 'lazy-modules-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY = `
import LineBreaker from 'linebreak';
import { cbc } from '@noble/ciphers/aes';
import decompress from 'brotli/decompress.js';
const breaker = new LineBreaker('医保支付方式改革 DRG/DIP 持续推进。');
const breaks = [];
for (let b = breaker.nextBreak(); b; b = breaker.nextBreak()) breaks.push(b.position);
const key = new Uint8Array(16).fill(7), iv = new Uint8Array(16).fill(3);
const sealed = Buffer.from(cbc(key, iv).encrypt(new TextEncoder().encode('周刊编辑台'))).toString('hex');
console.log(JSON.stringify({ breaks, sealed, decompress: typeof decompress }));
`;

describe('the CLI bundle keeps table-heavy packages out', () => {
  it('bundles stand-ins only, which load the real package on first call and give its results', async () => {
    writeFileSync(join(dir, 'entry.mjs'), ENTRY);
    const out = join(dir, 'bundle.cjs');
    const result = await build({ absWorkingDir: ROOT, entryPoints: [join(dir, 'entry.mjs')], outfile: out, bundle: true, platform: 'node', format: 'cjs', plugins: [lazyModules], metafile: true, logLevel: 'silent' });
    const bundled = Object.keys(result.metafile.inputs);
    expect(bundled.filter((f) => /node_modules[\\/](linebreak|@noble[\\/]ciphers|brotli)[\\/]/.test(f))).toEqual([]);
    expect(bundled).toEqual(expect.arrayContaining(['lazy-modules:linebreak', 'lazy-modules:@noble/ciphers/aes', 'lazy-modules:brotli/decompress.js']));

    const fromStandIns = JSON.parse(execFileSync(process.execPath, [out], { cwd: ROOT, encoding: 'utf8' }));
    // the same work done by the packages themselves
    const realOut = join(dir, 'real.cjs');
    await build({ absWorkingDir: ROOT, entryPoints: [join(dir, 'entry.mjs')], outfile: realOut, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
    const fromPackages = JSON.parse(execFileSync(process.execPath, [realOut], { cwd: ROOT, encoding: 'utf8' }));
    expect(fromStandIns.breaks.length).toBeGreaterThan(3);
    expect(fromStandIns).toEqual(fromPackages);
  }, 60_000);
});
