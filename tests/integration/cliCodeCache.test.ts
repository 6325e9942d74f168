// The bundled CLI's V8 code cache (scripts/cli-loader.mjs): written after a run, used by the next one in
// the main thread and the import worker, and never trusted blindly: a damaged file, one V8 refuses, or
// one made for another bundle only costs a normal compile, and that run writes a good one.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const manifest = resolve(ROOT, '../shared/fixtures/2024-W47/manifest.json');
const clip = join(resolve(manifest, '..'), (JSON.parse(readFileSync(manifest, 'utf8')) as { sections: Array<{ articles: Array<{ clip: string }> }> }).sections[0].articles[0].clip);
const bundleDir = join(ROOT, 'out', `cli-cache-test-${process.pid}`);
const cacheDir = join(bundleDir, '.code-cache');
const outDir = mkdtempSync(join(tmpdir(), 'weekly-cache-'));

function buildBundle(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs', '--outdir', bundleDir], { cwd: ROOT, stdio: 'pipe' });
}

function bundleFile(): string {
  const name = readdirSync(bundleDir).find((f) => /^bundle-\w+\.cjs$/.test(f));
  if (!name) throw new Error(`no bundle in ${bundleDir}`);
  return join(bundleDir, name);
}

/** `weekly build --format pdf` (or `format`) of the fixture through the bundle, one import worker beside the main thread. */
function weeklyBuild(format = 'pdf'): { log: string; pages: number } {
  rmSync(join(outDir, 'issue.json'), { force: true });
  const r = spawnSync(process.execPath, [join(bundleDir, 'main.mjs'), 'build', manifest, '--out', outDir, '--format', format], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, WEEKLY_CLI_DEBUG: '1', WEEKLY_IMPORT_WORKERS: '1', WEEKLY_V8_OPT: '' },
  });
  if (r.status !== 0) throw new Error(`weekly build failed (${r.status}): ${r.stderr}`);
  return { log: r.stderr, pages: (JSON.parse(readFileSync(join(outDir, 'issue.json'), 'utf8')) as { pages: number }).pages };
}

/** `weekly import` of one clipping (main thread only, its own cache): its debug lines and what it printed. */
function weeklyImport(env: Record<string, string> = {}): { log: string; out: string } {
  const r = spawnSync(process.execPath, [join(bundleDir, 'main.mjs'), 'import', clip], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, WEEKLY_CLI_DEBUG: '1', WEEKLY_V8_OPT: '', ...env } });
  if (r.status !== 0) throw new Error(`weekly import failed (${r.status}): ${r.stderr}`);
  return { log: r.stderr, out: r.stdout };
}

const cacheFiles = (): string[] => readdirSync(cacheDir).filter((f) => f.endsWith('.bin'));
const cacheOf = (command: string): string => {
  const name = cacheFiles().find((f) => f.includes(`.${command}.`));
  if (!name) throw new Error(`no ${command} cache`);
  return join(cacheDir, name);
};
const buildCache = (): string => cacheOf('build-pdf');

/** How the main thread found the cache, and whether it wrote one. */
function expectCache(log: string, state: 'accepted' | 'missing' | 'damaged' | 'rejected' | 'stale', written: boolean, command = 'build-pdf', flags = 'noopt'): void {
  expect(log).toMatch(new RegExp(`^weekly: code cache ${state} \\(bundle-\\w+\\.${command.replace('+', '\\+')}\\.${flags}\\.bin\\)$`, 'm'));
  if (written) expect(log).toMatch(/^weekly: code cache written \(\d+ bytes, \d+ ms\)$/m);
  else expect(log).not.toMatch(/code cache written/);
}

describe('the CLI bundle’s code cache', () => {
  let pages = 0;
  beforeAll(buildBundle, 60_000);
  afterAll(() => {
    rmSync(bundleDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it('is written after the first run and used by the main thread and the import worker on the next', () => {
    const first = weeklyBuild();
    pages = first.pages;
    expect(pages).toBeGreaterThan(10);
    expectCache(first.log, 'missing', true);
    expect(cacheFiles()).toEqual([expect.stringMatching(/^bundle-\w+\.build-pdf\.noopt\.bin$/)]);
    const second = weeklyBuild();
    expectCache(second.log, 'accepted', false);
    expect(second.log).toMatch(/^weekly \(import worker\): code cache accepted /m);
    expect(second.pages).toBe(pages);
  }, 120_000);

  it('keeps one cache per set of formats: a DOCX build writes its own, and the PDF one stays', () => {
    const docx = weeklyBuild('docx');
    expectCache(docx.log, 'missing', true, 'build-docx');
    expect(docx.log).toMatch(/^weekly \(import worker\): code cache missing \(bundle-\w+\.build-docx\.noopt\.bin\)/m);
    expectCache(weeklyBuild('docx').log, 'accepted', false, 'build-docx');
    expectCache(weeklyBuild().log, 'accepted', false);
    expect(cacheFiles().sort()).toEqual([expect.stringMatching(/\.build-docx\.noopt\.bin$/), expect.stringMatching(/\.build-pdf\.noopt\.bin$/)]);
    rmSync(cacheOf('build-docx'));
  }, 120_000);

  it('survives a rebuild of the same bundle, and goes with the bundle when it changes', () => {
    const before = statSync(bundleFile());
    writeFileSync(join(cacheDir, 'bundle-OLDHASH1.build-pdf.noopt.bin'), 'a cache of an older bundle');
    buildBundle();
    expect(statSync(bundleFile()).mtimeMs).toBe(before.mtimeMs);
    expect(cacheFiles()).toEqual([expect.stringMatching(/^bundle-\w+\.build-pdf\.noopt\.bin$/)]);
    expectCache(weeklyBuild().log, 'accepted', false);
    // The same bundle edited in place, to the same length (V8 itself compares only the length): the
    // cache made for the old text is not used.
    const file = bundleFile();
    const text = readFileSync(file, 'latin1');
    const edited = text.replace('weekly build: --format must be', 'weekly build: --format has to ');
    expect(edited).not.toBe(text);
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited, 'latin1');
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    const afterEdit = weeklyBuild();
    expectCache(afterEdit.log, 'stale', true);
    expect(afterEdit.pages).toBe(pages);
    expectCache(weeklyBuild().log, 'accepted', false);
  }, 180_000);

  it('falls back to a normal compile when the file is damaged, and writes a good one', () => {
    // bytes changed in the middle, same length: V8 would not notice (release builds skip its checksum)
    const cache = readFileSync(buildCache());
    for (let i = cache.length >> 1; i < (cache.length >> 1) + 64; i++) cache[i] ^= 0x5a;
    writeFileSync(buildCache(), cache);
    const damaged = weeklyBuild();
    expectCache(damaged.log, 'damaged', true);
    expect(damaged.pages).toBe(pages);
    expectCache(weeklyBuild().log, 'accepted', false);
  }, 120_000);

  it('falls back when V8 refuses a cache, or the file is no cache at all, and writes a good one', () => {
    const first = weeklyImport();
    expectCache(first.log, 'missing', true, 'import');
    expect(first.out).toMatch(/^标题：\S+/m);
    // a header that fits this bundle (its key, a checksum that matches), and data V8 cannot use
    const good = readFileSync(cacheOf('import'));
    const magicEnd = good.indexOf(10) + 1;
    const header = JSON.parse(good.subarray(magicEnd, good.indexOf(10, magicEnd)).toString('latin1')) as { key: string; sum: number };
    const junk = Buffer.alloc(4096, 7);
    writeFileSync(cacheOf('import'), Buffer.concat([good.subarray(0, magicEnd), Buffer.from(`${JSON.stringify({ ...header, sum: crc32(junk) })}\n`), junk]));
    const refused = weeklyImport();
    expectCache(refused.log, 'rejected', true, 'import');
    expect(refused.out).toBe(first.out);
    expectCache(weeklyImport().log, 'accepted', false, 'import');

    writeFileSync(cacheOf('import'), 'not a cache');
    const notCache = weeklyImport();
    expectCache(notCache.log, 'damaged', true, 'import');
    expect(notCache.out).toBe(first.out);

    // with the optimiser on (other V8 flags) the run has a cache of its own, made and read under those flags
    expectCache(weeklyImport({ WEEKLY_V8_OPT: '1' }).log, 'missing', true, 'import', 'opt');
    expectCache(weeklyImport({ WEEKLY_V8_OPT: '1' }).log, 'accepted', false, 'import', 'opt');
    expectCache(weeklyImport().log, 'accepted', false, 'import');
  }, 120_000);

  it('runs without one where it cannot be written', () => {
    rmSync(cacheDir, { recursive: true, force: true });
    // a file where the cache folder would be: nothing can be written under it (even as root)
    writeFileSync(cacheDir, 'in the way');
    try {
      const r = weeklyImport();
      expect(r.log).toMatch(/^weekly: code cache missing /m);
      expect(r.log).toMatch(/^weekly: code cache not written /m);
      expect(r.out).toMatch(/^标题：\S+/m);
    } finally {
      rmSync(cacheDir, { force: true });
      mkdirSync(cacheDir);
    }
  }, 60_000);
});
