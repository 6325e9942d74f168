// The bundled CLI (npm run build:cli) must do what the TypeScript sources do: it inlines the packages and
// rewrites their __dirname / import.meta.url, so a data file a package reads from its own folder (jsdom's
// stylesheet, pdfkit's font metrics, css-tree's tables) would break the bundle and not the sources.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = resolve(ROOT, '../shared/fixtures');
const bundleDir = join(ROOT, 'out', `cli-test-${process.pid}`);
const manifest = join(FIXTURES, '2024-W47/manifest.json');

function run(entry: string[], args: string[], env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [...entry, ...args], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, ...env } });
}

describe('the bundled CLI', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-cli.mjs', '--outdir', bundleDir], { cwd: ROOT, stdio: 'pipe' });
  }, 60_000);
  afterAll(() => rmSync(bundleDir, { recursive: true, force: true }));

  it('is one ASCII script whose commands and exporters load lazily, and lists its sources for the staleness check', () => {
    const files = readdirSync(bundleDir);
    expect(files).toEqual(expect.arrayContaining(['main.mjs', 'importWorker.mjs', 'loader.mjs', 'inputs.json']));
    const bundles = files.filter((f) => /^bundle-\w+\.cjs$/.test(f));
    expect(bundles).toHaveLength(1);
    const bundle = readFileSync(join(bundleDir, bundles[0]), 'latin1');
    // the loader reads it as latin1: one character beyond ASCII (a comment's or a regular expression's) would be misread
    expect(bundle).not.toMatch(/[^\0-\x7f]/);
    // each command and exporter is evaluated only when it is used (esbuild's lazy init wrappers):
    // `weekly build --format pdf` never runs the DOCX exporter, mammoth or SQLite
    for (const lazy of ['electron/cli/commands/build.ts', 'electron/cli/commands/import.ts', 'electron/cli/commands/archive.ts', 'electron/engine/docx/index.ts', 'electron/engine/pdf/index.ts', 'electron/engine/archive/db.ts']) {
      expect(bundle, lazy).toMatch(new RegExp(`__esm\\(\\{\\s*"${lazy.replace(/[./]/g, '\\$&')}"\\(\\)`));
    }
    // pdfkit's string-to-bytes loop is replaced (a pdfkit update that changes it would silently drop that)
    expect(bundle).toMatch(/fromBinaryString = \(str\) => Buffer\.from\(str, "latin1"\)/);
    const { inputs } = JSON.parse(readFileSync(join(bundleDir, 'inputs.json'), 'utf8')) as { inputs: string[] };
    expect(inputs).toEqual(expect.arrayContaining(['electron/cli/main.ts', 'electron/engine/build/buildIssue.ts', 'package.json']));
    // every input is a file the bin can stat: one that is not would make it run the sources every time
    for (const input of inputs) expect(existsSync(join(ROOT, input)), input).toBe(true);
  });

  it('builds the same issue as the sources, PDF and DOCX', () => {
    const fromBundle = mkdtempSync(join(tmpdir(), 'weekly-bundle-'));
    const fromSource = mkdtempSync(join(tmpdir(), 'weekly-source-'));
    // the bundle imports in a worker thread too (whatever the machine's load), the sources on one thread
    run([join(bundleDir, 'main.mjs')], ['build', manifest, '--out', fromBundle, '--format', 'pdf,docx'], { WEEKLY_IMPORT_WORKERS: '1' });
    run([require.resolve('tsx/cli'), 'electron/cli/main.ts'], ['build', manifest, '--out', fromSource, '--format', 'pdf']);
    const json = (dir: string) => JSON.parse(readFileSync(join(dir, 'issue.json'), 'utf8'));
    expect(json(fromBundle).pages).toBeGreaterThan(10);
    expect(json(fromBundle)).toEqual(json(fromSource));
    expect(readFileSync(join(fromBundle, 'issue.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(fromBundle, 'issue.docx')).subarray(0, 2).toString()).toBe('PK');
  }, 120_000);

  it('starts its import worker before it loads; the build adopts it, or ends it when it wants none', () => {
    const debugRun = (m: string, env: Record<string, string>) => {
      const r = spawnSync(process.execPath, [join(bundleDir, 'main.mjs'), 'build', m, '--out', mkdtempSync(join(tmpdir(), 'weekly-early-')), '--format', 'pdf'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, WEEKLY_CLI_DEBUG: '1', ...env },
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stderr;
    };
    expect(debugRun(manifest, { WEEKLY_IMPORT_WORKERS: '1' })).toMatch(/adopted the import worker started early/);
    // none asked for: none started
    expect(debugRun(manifest, { WEEKLY_IMPORT_WORKERS: '0' })).not.toMatch(/started early/);
    // two clippings are too few to share: the early worker is ended and this thread imports both
    const full = JSON.parse(readFileSync(manifest, 'utf8')) as { sections: Array<{ articles: Array<{ clip: string }> }> };
    const short = { ...full, sections: [{ ...full.sections[0], articles: full.sections[0].articles.slice(0, 2).map((a) => ({ ...a, clip: join(FIXTURES, '2024-W47', a.clip) })) }] };
    const shortManifest = join(mkdtempSync(join(tmpdir(), 'weekly-short-')), 'manifest.json');
    writeFileSync(shortManifest, JSON.stringify(short));
    const stderr = debugRun(shortManifest, { WEEKLY_IMPORT_WORKERS: '' });
    expect(stderr).toMatch(/weekly: 0 import worker\(s\)/);
    expect(stderr).toMatch(/ended the import worker started early/);
  }, 120_000);

  it('imports a clipping and refuses an unknown command with the usage', () => {
    const clip = join(FIXTURES, '2024-W47', JSON.parse(readFileSync(manifest, 'utf8')).sections[0].articles[0].clip);
    expect(run([join(bundleDir, 'main.mjs')], ['import', clip])).toMatch(/标题：\S+/);
    expect(() => run([join(bundleDir, 'main.mjs')], ['nope'])).toThrow(/unknown command "nope"/);
  }, 60_000);
});
