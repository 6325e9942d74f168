#!/usr/bin/env node
// npm run build:cli — bundles the `weekly` CLI and the packages it uses into out/cli/, so the bin starts
// without transpiling TypeScript or resolving hundreds of package files one by one (jsdom alone has some
// 800). One script holds the CLI and the import worker, loaded by out/cli/loader.mjs (./cli-loader.mjs)
// through vm.Script with a V8 code cache. Each lazy import() stays lazy inside it (esbuild's init
// wrappers): `weekly build --format pdf` never evaluates the DOCX exporter, mammoth or SQLite.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lazyModules } from './lazyModules.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --outdir <dir> (tests) writes the bundle elsewhere; it must stay inside the repository, next to node_modules.
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'out', 'cli');

/** The loader's cache folder (./cli-loader.mjs). */
const CACHE_DIR = '.code-cache';

/** Native addons, and optional add-ons of jsdom/ws that are not installed, stay outside the bundle. */
const EXTERNAL = ['better-sqlite3', 'canvas', 'bufferutil', 'utf-8-validate', 'electron'];

/**
 * pdfkit turns each string it writes (every operator of every page, every object) into bytes one
 * character at a time in JavaScript; Buffer.from(…, 'latin1') makes the same bytes (each code unit's low
 * byte) natively. A pdfkit whose source differs is bundled as it is.
 */
const PDFKIT_FROM_BINARY = `const fromBinaryString = str => {
  const out = new Uint8Array(str.length);
  for (let i = 0; i < str.length; i++) {
    out[i] = str.charCodeAt(i) & 0xff;
  }
  return out;
};`;
const PDFKIT = /[\\/]node_modules[\\/]pdfkit[\\/]js[\\/]pdfkit(\.node)?\.m?js$/;

/**
 * Packages find their data files from __dirname or import.meta.url (jsdom's default stylesheet, pdfkit's
 * AFM metrics, css-tree's JSON data) and resolve files next to themselves (jsdom's XHR worker). Inside the
 * bundle those names point to out/cli/, so each such file gets its own original place back, relative to
 * the bundle.
 */
const packageDirnames = {
  name: 'package-dirnames',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, async ({ path }) => {
      let contents = await readFile(path, 'utf8');
      if (PDFKIT.test(path)) contents = contents.replace(PDFKIT_FROM_BINARY, "const fromBinaryString = str => Buffer.from(str, 'latin1');");
      if (!/__dirname|__filename|import\.meta\.url|require\.resolve\(/.test(contents)) return { contents, loader: 'js' };
      const dir = JSON.stringify(relative(outdir, dirname(path)));
      const file = JSON.stringify(relative(outdir, path));
      contents = contents
        .replace(/require\.resolve\((['"])\.\//g, 'require.resolve(__dirname + $1/')
        .replace(/import\.meta\.url/g, `__cliFileUrl(${file})`);
      return { contents: `var __dirname = __cliPath(${dir}), __filename = __cliPath(${file});\n${contents}`, loader: 'js' };
    });
  },
};


/**
 * The bundle's one entry: the CLI and the import worker (`weekly build` imports clippings in it beside the
 * main thread), each evaluated only when the loader asks for it.
 */
const cliEntries = {
  name: 'cli-entries',
  setup(b) {
    b.onResolve({ filter: /^cli-entries$/ }, () => ({ path: 'cli-entries', namespace: 'cli-entries' }));
    b.onLoad({ filter: /.*/, namespace: 'cli-entries' }, () => ({
      contents: [
        "export const main = () => import('./electron/cli/main.ts');",
        "export const importWorker = () => import('./electron/engine/build/importWorker.ts');",
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};

// The bundle is one function expression, called by the loader with CommonJS's five names. The output
// sits directly in outdir, so paths relative to it hold.
const banner = [
  '(function (exports, require, module, __filename, __dirname) {',
  "const __cliDir = __dirname, __cliJoin = require('node:path').join, __cliPathToFileURL = require('node:url').pathToFileURL;",
  'const __cliPath = (p) => __cliJoin(__cliDir, p);',
  'const __cliFileUrl = (p) => __cliPathToFileURL(__cliPath(p)).href;',
  'const __cliBundleUrl = __cliPathToFileURL(__filename).href;',
].join('\n');

/**
 * esbuild escapes non-ASCII characters in strings and identifiers but leaves them in comments and regular
 * expression literals; escaped there too, the bundle is ASCII and the loader reads it as latin1 (a third of
 * the time UTF-8 decoding takes). In a regular expression `\（` and `\uFF08` match the same.
 */
function asciiOnly(code) {
  return code.replace(/(\\*)([^\0-\x7f])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Taken before esbuild reads a source: a file saved during the build counts as newer than the bundle.
const startedAt = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { bundle: 'cli-entries' },
  outdir,
  write: false,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  conditions: ['node', 'import'],
  external: EXTERNAL,
  banner: { js: banner },
  footer: { js: '})' },
  plugins: [cliEntries, packageDirnames, lazyModules],
  // named by its content, and so is its code cache
  entryNames: '[name]-[hash]',
  outExtension: { '.js': '.cjs' },
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__cliBundleUrl' },
  metafile: true,
  logLevel: 'warning',
});
const output = result.outputFiles.find((f) => f.path.endsWith('.cjs'));
const bundleName = basename(output.path);
const code = asciiOnly(output.text);

// A rebuild with the same output keeps the bundle file as it is (its time too) and its code caches: the
// loader ties a cache to the bundle's size and time. Everything else goes.
let unchanged = false;
if (existsSync(outdir)) {
  for (const f of await readdir(outdir)) {
    if (f === CACHE_DIR) continue;
    if (f === bundleName && (await readFile(join(outdir, f), 'latin1')) === code) unchanged = true;
    else await rm(join(outdir, f), { recursive: true, force: true });
  }
  if (existsSync(join(outdir, CACHE_DIR))) {
    for (const f of await readdir(join(outdir, CACHE_DIR))) if (!unchanged || !f.startsWith(`${basename(bundleName, '.cjs')}.`) || f.endsWith('.tmp')) await rm(join(outdir, CACHE_DIR, f), { force: true });
  }
}
await mkdir(outdir, { recursive: true });
if (!unchanged) await writeFile(join(outdir, bundleName), code, 'latin1');
await copyFile(join(root, 'scripts', 'cli-loader.mjs'), join(outdir, 'loader.mjs'));
const bundleUrl = `new URL(${JSON.stringify(`./${bundleName}`)}, import.meta.url)`;
await writeFile(
  join(outdir, 'main.mjs'),
  "// The CLI: runs the bundle's main through ./loader.mjs (compiled with a V8 code cache, one per command).\n" +
    "// `weekly build` gets its import worker started first, so that it loads while this thread does.\n" +
    "import { mainCacheName, runBundle, startEarlyImportWorker } from './loader.mjs';\n\n" +
    'const cacheName = mainCacheName();\n' +
    "startEarlyImportWorker(new URL('./importWorker.mjs', import.meta.url));\n" +
    `runBundle(${bundleUrl}, 'main', cacheName);\n`,
);
await writeFile(
  join(outdir, 'importWorker.mjs'),
  "// An import worker of `weekly build`: the bundle's importWorker, with the build's code cache.\n" +
    "import { runBundle, workerCacheName } from './loader.mjs';\n\n" +
    `runBundle(${bundleUrl}, 'importWorker', workerCacheName());\n`,
);
// The bin compares these files' times with the bundle's, so it never runs a bundle older than its sources.
// Packages count through npm's record of the installed tree, which every install rewrites.
const inputs = [
  // (virtual modules such as lazy-modules' have a namespace, not a file)
  ...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/') && !/^[\w-]+:/.test(f)),
  'package.json',
  'scripts/cli-loader.mjs',
  ...(existsSync(join(root, 'node_modules/.package-lock.json')) ? ['node_modules/.package-lock.json'] : []),
];
await writeFile(join(outdir, 'inputs.json'), `${JSON.stringify({ builtAt: startedAt, inputs }, null, 1)}\n`);
console.log(`CLI bundle written to ${outdir}`);
