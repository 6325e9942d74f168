// The CLI bundle's loader (scripts/build-cli.mjs copies it to out/cli/loader.mjs). It compiles the bundle
// through vm.Script with a V8 code cache: compiling the bundle's ~15 MB of source (jsdom alone is 8 MB)
// costs each thread some 150 ms of parsing, and every function it runs compiles again on its first call;
// a cache made after a whole run holds all of that as bytecode, and V8 reads it back in a fraction of the
// time. The cache sits next to the bundle in .code-cache/, one file per command (a build, for each set of
// formats, and an import run different code), written after a run whose cache was missing or unusable. An unusable cache (another
// bundle, another V8, other flags, a damaged file) only costs the normal compile.
import { Buffer } from 'node:buffer';
import { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script, constants as vmConstants } from 'node:vm';
import { availableParallelism } from 'node:os';
import { isMainThread, Worker } from 'node:worker_threads';
import { crc32 } from 'node:zlib';

/** The folder, next to the bundle, that holds its code caches. */
export const CACHE_DIR = '.code-cache';

const MAGIC = 'weekly-code-cache 1\n';

/**
 * V8 refuses a cache made under other flags, so they are set before the compile, as the CLI sets them once
 * it runs (electron/cli/main.ts: --no-opt unless WEEKLY_V8_OPT=1). Returns a tag for the cache's name: one
 * cache per flag set, so switching WEEKLY_V8_OPT does not make each run rewrite the other's.
 */
export function setCliFlags(env = process.env) {
  if (env.WEEKLY_V8_OPT === '1') return 'opt';
  setFlagsFromString('--no-opt');
  return 'noopt';
}

/** The cache file for `bundle` (a path; its name carries its content hash) and `name` (the command) under `flags`. */
export function cacheFile(bundle, name, flags) {
  return join(dirname(bundle), CACHE_DIR, `${basename(bundle, '.cjs')}.${name}.${flags}.bin`);
}

/** Where the main thread leaves its cache's name for the import workers (they inherit its environment). */
const CACHE_NAME_ENV = 'WEEKLY_CLI_CACHE_NAME';

/**
 * The cache's name for a main-thread run: the command (argv[2]) when it is one of the CLI's, else
 * `other`; a build's also names its formats (`build-pdf`, `build-docx`, `build-docx+pdf`: a PDF build
 * runs other code than a DOCX one, and a cache holds what the run that wrote it compiled).
 */
export function commandCacheName(argv = process.argv) {
  const command = argv[2];
  if (command === 'build') return `build-${buildFormats(argv.slice(3))}`;
  return command === 'import' || command === 'archive' ? command : 'other';
}

/** The formats `weekly build` was given (its default: both), sorted and joined with `+`; `other` for a wrong value. */
function buildFormats(args) {
  let value = 'pdf,docx';
  args.forEach((arg, i) => {
    if (arg === '--format' && i + 1 < args.length) value = args[i + 1];
    else if (arg.startsWith('--format=')) value = arg.slice('--format='.length);
  });
  const formats = [...new Set(value.split(',').map((f) => f.trim()))].sort();
  return formats.length > 0 && formats.every((f) => f === 'pdf' || f === 'docx') ? formats.join('+') : 'other';
}

/** The main thread's cache name, recorded for the import workers it will start. */
export function mainCacheName(argv = process.argv, env = process.env) {
  const name = commandCacheName(argv);
  env[CACHE_NAME_ENV] = name;
  return name;
}

/** An import worker's cache: its build's (it runs part of the same code). */
export function workerCacheName(env = process.env) {
  const name = env[CACHE_NAME_ENV];
  return typeof name === 'string' && /^build-[a-z+]+$/.test(name) ? name : 'build-docx+pdf';
}

/**
 * What a cache must have been made for: this very bundle file (its size and modification time: a bundle
 * rebuilt or edited in place, even to the same length, which is all V8 itself compares, gets a new cache)
 * and this V8.
 */
export function bundleKey(bundle) {
  const st = statSync(bundle);
  return `${st.size}:${st.mtimeMs}:${process.versions.v8}`;
}

/** The cache data's checksum: V8 (a release build) checks a cache's length and versions, not its bytes. */
function checksum(data) {
  return crc32(data);
}

/** The cache file's contents: a header line naming the bundle key and the data's checksum, then V8's data. */
export function encodeCache(key, data) {
  return Buffer.concat([Buffer.from(`${MAGIC}${JSON.stringify({ key, sum: checksum(data) })}\n`, 'latin1'), data]);
}

/** V8's data from a cache file made for `key`, or why there is none to use. */
export function decodeCache(file, key) {
  let raw;
  try {
    raw = readFileSync(file);
  } catch {
    return { state: 'missing' };
  }
  const headerEnd = raw.indexOf(10, MAGIC.length);
  let header;
  try {
    if (raw.toString('latin1', 0, MAGIC.length) !== MAGIC || headerEnd < 0) throw new Error('no header');
    header = JSON.parse(raw.toString('latin1', MAGIC.length, headerEnd));
  } catch {
    return { state: 'damaged' };
  }
  if (header.key !== key) return { state: 'stale' };
  const data = raw.subarray(headerEnd + 1);
  if (header.sum !== checksum(data)) return { state: 'damaged' };
  return { state: 'found', data };
}

/** Whether a cache can be written into `dir` (made if missing): where it cannot, none is made at all. */
function writableDir(dir) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes `data` to `file` through a temporary and a rename, so no reader ever sees half a cache. */
function writeAtomically(file, data) {
  const tmp = `${file}.${process.pid}-${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    // a full disk: the next run compiles from source again
    try {
      rmSync(tmp, { force: true });
    } catch {
      // (nothing was written)
    }
    return false;
  }
}

/**
 * Compiles the bundle (`bundleUrl`, a file URL) with its cache `cacheName` and runs its `entry` (`main` or
 * `importWorker`). The import worker reads the build's cache (it runs part of the same code) and never
 * writes one: the main thread writes after the command, once it knows its exit code.
 */
export function runBundle(bundleUrl, entry, cacheName) {
  const flags = setCliFlags();
  const bundle = fileURLToPath(bundleUrl);
  // (written at once: a worker's console.error reaches stderr through the main thread, which may exit first)
  const debug = process.env.WEEKLY_CLI_DEBUG === '1' ? (m) => writeSync(2, `weekly${isMainThread ? '' : ' (import worker)'}: ${m}\n`) : null;
  const file = cacheFile(bundle, cacheName, flags);
  const key = bundleKey(bundle);
  const cache = decodeCache(file, key);
  // esbuild's output made ASCII (scripts/build-cli.mjs): latin1 is the exact text, and the cheapest string
  const source = readFileSync(bundle, 'latin1');
  const script = new Script(source, { filename: bundle, cachedData: cache.data, importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const state = cache.state !== 'found' ? cache.state : script.cachedDataRejected ? 'rejected' : 'accepted';
  debug?.(`code cache ${state} (${basename(file)})`);
  if (state !== 'accepted' && isMainThread) {
    // Made once the command is done, so it holds every function the run compiled, not only the top level.
    process.once('exit', (code) => {
      if (code !== 0) return;
      // (a read-only install: no use making a cache that cannot be kept)
      if (!writableDir(dirname(file))) return debug?.('code cache not written (its folder is not writable)');
      const started = performance.now();
      const data = script.createCachedData();
      const written = writeAtomically(file, encodeCache(key, data));
      debug?.(written ? `code cache written (${data.length} bytes, ${(performance.now() - started).toFixed(0)} ms)` : 'code cache not written');
    });
  }
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return module.exports[entry]();
}

/** Where the build finds the worker started here (electron/engine/build/importWorkerProtocol.ts). */
const EARLY_IMPORT_WORKER = Symbol.for('weekly-desk.earlyImportWorker');

/**
 * `weekly build` imports clippings in a worker beside the main thread. Started here, before the main
 * thread compiles and loads the bundle, the worker loads at the same time instead of after it (some
 * 100-150 ms on each thread) and waits for its entries. The build adopts it, or ends it when it decides on
 * no worker (a short manifest, busy cores: electron/engine/build/parallelImport.ts). Nothing starts for
 * other commands, on one core, or with WEEKLY_IMPORT_WORKERS=0.
 */
export function startEarlyImportWorker(workerUrl, argv = process.argv, env = process.env) {
  if (argv[2] !== 'build' || env.WEEKLY_IMPORT_WORKERS === '0' || availableParallelism() < 2) return null;
  try {
    const worker = new Worker(workerUrl);
    // Until the build adopts it, it neither keeps the process alive nor fails it: a worker that died
    // takes no entry, so this thread imports them all.
    worker.unref();
    worker.on('error', () => {});
    globalThis[EARLY_IMPORT_WORKER] = worker;
    return worker;
  } catch {
    return null;
  }
}
