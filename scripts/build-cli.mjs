#!/usr/bin/env node
// npm run build:cli — bundles the `weekly` CLI and the packages it uses into out/cli/ (plain ESM), so the
// bin starts without transpiling TypeScript or resolving hundreds of package files one by one (jsdom alone
// has some 800). Code splitting keeps each lazy import() a separate chunk: `weekly build --format pdf`
// never loads the DOCX exporter, mammoth or SQLite.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --outdir <dir> (tests) writes the bundle elsewhere; it must stay inside the repository, next to node_modules.
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'out', 'cli');

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
 * fontkit's WOFF2 decoder (brotli: 1.4 MB of JavaScript that builds its tables as it loads) is for web
 * fonts; the engine embeds TrueType faces. It stays out of the bundle and loads from node_modules if a
 * WOFF2 face is ever opened.
 */
const lazyBrotli = {
  name: 'lazy-brotli',
  setup(b) {
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli/decompress.js', namespace: 'lazy-brotli' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-brotli' }, () => ({
      contents: "const id = 'brotli/decompress.js';\nexport default function decompress(...args) { return require(id)(...args); }\n",
      loader: 'js',
    }));
  },
};

// Every output file sits directly in outdir (no chunk subfolder), so paths relative to it hold in all of them.
const banner = [
  "import { createRequire as __cliCreateRequire } from 'node:module';",
  "import { join as __cliJoin } from 'node:path';",
  "import { fileURLToPath as __cliFileURLToPath, pathToFileURL as __cliPathToFileURL } from 'node:url';",
  'const require = __cliCreateRequire(import.meta.url);',
  "const __cliDir = __cliJoin(__cliFileURLToPath(import.meta.url), '..');",
  'const __cliPath = (p) => __cliJoin(__cliDir, p);',
  'const __cliFileUrl = (p) => __cliPathToFileURL(__cliPath(p)).href;',
].join('\n');

// Taken before esbuild reads a source: a file saved during the build counts as newer than the bundle.
const startedAt = Date.now();
await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  // The import worker is an entry of its own: `weekly build` imports clippings in it beside the main thread.
  entryPoints: { main: 'electron/cli/main.ts', importWorker: 'electron/engine/build/importWorker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  mainFields: ['module', 'main'],
  conditions: ['node', 'import'],
  external: EXTERNAL,
  banner: { js: banner },
  plugins: [packageDirnames, lazyBrotli],
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  metafile: true,
  logLevel: 'warning',
});
// The bin compares these files' times with the bundle's, so it never runs a bundle older than its sources.
// Packages count through npm's record of the installed tree, which every install rewrites.
const inputs = [
  // (virtual modules such as lazy-brotli's have a namespace, not a file)
  ...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/') && !/^[\w-]+:/.test(f)),
  'package.json',
  ...(existsSync(join(root, 'node_modules/.package-lock.json')) ? ['node_modules/.package-lock.json'] : []),
];
await writeFile(join(outdir, 'inputs.json'), `${JSON.stringify({ builtAt: startedAt, inputs }, null, 1)}\n`);
console.log(`CLI bundle written to ${outdir}`);
