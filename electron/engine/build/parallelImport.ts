// Import a manifest's clippings on this thread and, when the built CLI runs on a machine with cores to
// spare, in import workers at the same time: every thread takes the next entry from one shared counter,
// so a slow page never leaves the others idle. Results come back in manifest order.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserFacingError } from '../../../shared/errors';
import { importEntry, type EntryOptions, type ImportedEntry } from './clipping';
import { busyCores } from './cpuLoad';
import { EARLY_IMPORT_WORKER, type ImportWorkerData, type ImportWorkerError, type ImportWorkerMessage, type ImportWorkerStart } from './importWorkerProtocol';

export type EntryOutcome = { ok: true; result: ImportedEntry } | { ok: false; error: unknown };

type Entries = ImportWorkerData['entries'];

/**
 * The worker's built entry next to this module: the CLI bundle has one (scripts/build-cli.mjs). From the
 * TypeScript sources (tsx, tests, the app's own bundle) there is none, and everything runs on this thread.
 */
function builtWorkerEntry(): URL | null {
  const here = new URL(import.meta.url);
  if (here.protocol !== 'file:' || !/\.[cm]?js$/.test(here.pathname)) return null;
  const entry = new URL('./importWorker.mjs', here);
  return existsSync(fileURLToPath(entry)) ? entry : null;
}

/**
 * Workers worth starting: each loads its own jsdom (~0.3 s of CPU) and warms up its own code, so only for
 * enough pages and on a machine that is not busy: there two importing threads share one core and finish
 * later than one. `load` is the cores busy now, this thread counted as one (./cpuLoad.ts: ≈ 1 on an
 * otherwise idle machine, whatever an early worker of this process spends); other work pushes it past 1.5
 * on two cores.
 * WEEKLY_IMPORT_WORKERS overrides (0: this thread only).
 */
export function importWorkerCount(entries: number, cores = availableParallelism(), load = busyCores()): number {
  const asked = process.env.WEEKLY_IMPORT_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), 8);
  if (load > cores - 0.5) return 0;
  return Math.max(0, Math.min(cores - 1, Math.floor(entries / 6), 3));
}

function toError(e: ImportWorkerError): Error {
  return e.code && e.messageZh ? new UserFacingError(e.code, e.messageZh, e.message) : new Error(e.message);
}

async function settle(work: () => Promise<ImportedEntry>): Promise<EntryOutcome> {
  try {
    return { ok: true, result: await work() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Import workers beside this thread; each entry they take is marked in `claims` (1) before they import it. */
class ImportWorkers {
  private readonly workers = new Set<Worker>();
  private wake: () => void = () => {};

  constructor(
    entry: URL,
    count: number,
    data: ImportWorkerData,
    private readonly outcomes: Array<EntryOutcome | undefined>,
    onEntry?: (index: number, result: ImportedEntry) => void,
  ) {
    for (let k = 0; k < count; k++) {
      let worker: Worker;
      const early = k === 0 ? takeEarlyWorker() : null;
      if (early) {
        debug('adopted the import worker started early');
        worker = early;
        worker.ref();
        const start: ImportWorkerStart = { type: 'start', data };
        worker.postMessage(start);
      } else {
        try {
          worker = new Worker(entry, { workerData: data });
        } catch {
          continue;
        }
      }
      this.workers.add(worker);
      const gone = (): void => {
        worker.unref();
        this.workers.delete(worker);
        this.wake();
      };
      worker.on('message', (m: ImportWorkerMessage) => {
        if (m.type === 'entry') {
          outcomes[m.index] = { ok: true, result: m.result };
          onEntry?.(m.index, m.result);
        }
        else if (m.type === 'failed') outcomes[m.index] = { ok: false, error: toError(m.error) };
        else gone();
        this.wake();
      });
      worker.on('error', gone);
      worker.on('exit', gone);
    }
  }

  /** Whether a worker still imports an entry it took. */
  busy(claims: Int32Array): boolean {
    if (this.workers.size === 0) return false;
    // (a loop, not outcomes.some(): that skips the array's holes, the very entries still importing)
    for (let i = 0; i < this.outcomes.length; i++) if (this.outcomes[i] === undefined && Atomics.load(claims, i) === 1) return true;
    return false;
  }

  /** Waits for every entry a worker has taken (or for the workers to end). */
  async settle(claims: Int32Array): Promise<void> {
    while (this.busy(claims)) await new Promise<void>((resolve) => (this.wake = resolve));
  }

  /** Stops workers still starting up: they would take CPU from what follows the import. */
  stop(): void {
    for (const worker of this.workers) void worker.terminate();
    this.workers.clear();
  }
}

/** The import worker the CLI started as it loaded (see EARLY_IMPORT_WORKER), now this build's to use. */
function takeEarlyWorker(): Worker | null {
  const slot = globalThis as Record<symbol, unknown>;
  const worker = slot[EARLY_IMPORT_WORKER];
  delete slot[EARLY_IMPORT_WORKER];
  return worker instanceof Worker ? worker : null;
}

/** Ends an early import worker the build does not use: it would only take CPU from this thread. */
export function dropEarlyWorker(): void {
  const worker = takeEarlyWorker();
  if (!worker) return;
  debug('ended the import worker started early (no worker for this build)');
  void worker.terminate();
}

/** One line on stderr for WEEKLY_CLI_DEBUG=1: how a build shares its import among threads. */
export function debug(message: string): void {
  if (process.env.WEEKLY_CLI_DEBUG === '1') console.error(`weekly: ${message}`);
}

export interface ImportEntriesOptions extends EntryOptions {
  /** import workers to start beside this thread (when the built worker exists); default none */
  workers?: number;
  /** called on this thread as each entry is imported (here or in a worker), in whatever order they finish */
  onEntry?: (index: number, result: ImportedEntry) => void;
}

/**
 * Imports every entry, in parallel when asked. Stops taking new entries after the first failure, as a
 * sequential loop would; an entry no worker finished (one still starting, or dead) is imported here.
 * Outcomes are in entry order, undefined only after a failure.
 */
export async function importEntries(baseDir: string, entries: Entries, options: ImportEntriesOptions = {}): Promise<Array<EntryOutcome | undefined>> {
  const entryOptions: EntryOptions = { summaries: options.summaries };
  const outcomes: Array<EntryOutcome | undefined> = new Array(entries.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, entries.length)));
  const workerEntry = (options.workers ?? 0) > 0 ? builtWorkerEntry() : null;
  if (!workerEntry) dropEarlyWorker();
  const workers = workerEntry ? new ImportWorkers(workerEntry, options.workers ?? 0, { baseDir, entries, options: entryOptions, next, claims }, outcomes, options.onEntry) : null;
  const importHere = async (index: number): Promise<void> => {
    const outcome = await settle(() => importEntry(baseDir, entries[index], index + 1, entryOptions));
    outcomes[index] = outcome;
    if (outcome.ok) options.onEntry?.(index, outcome.result);
    else Atomics.store(next, 0, entries.length);
  };
  try {
    for (let index = Atomics.add(next, 0, 1); index < entries.length; index = Atomics.add(next, 0, 1)) await importHere(index);
    await workers?.settle(claims);
  } finally {
    workers?.stop();
  }
  for (let index = 0; index < entries.length; index++) {
    const outcome = outcomes[index];
    if (outcome && !outcome.ok) break;
    if (!outcome) await importHere(index);
    if (!outcomes[index]?.ok) break;
  }
  return outcomes;
}
