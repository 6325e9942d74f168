// Import a manifest's clippings on this thread and, when the built CLI runs on a machine with cores to
// spare, in import workers at the same time: every thread takes the next entry from one shared counter,
// so a slow page never leaves the others idle. Results come back in manifest order.
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserFacingError } from '../../../shared/errors';
import { importEntry, type EntryOptions, type ImportedEntry } from './clipping';
import type { ImportWorkerData, ImportWorkerError, ImportWorkerMessage } from './importWorkerProtocol';

export type EntryOutcome = { ok: true; result: ImportedEntry } | { ok: false; error: unknown };

type Entries = ImportWorkerData['entries'];

/**
 * The worker's built entry next to this module: the CLI bundle has one (scripts/build-cli.mjs). From the
 * TypeScript sources (tsx, tests, the app's own bundle) there is none, and everything runs on this thread.
 */
function builtWorkerEntry(): URL | null {
  const here = new URL(import.meta.url);
  if (here.protocol !== 'file:' || !/\.m?js$/.test(here.pathname)) return null;
  const entry = new URL('./importWorker.mjs', here);
  return existsSync(fileURLToPath(entry)) ? entry : null;
}

/**
 * Workers worth starting: each loads its own jsdom (~0.3 s of CPU) and warms up its own code, so only for
 * enough pages and on a machine that is not busy: there two importing threads share one core and finish
 * later than one. The 1-minute load average says how busy (0 where the system has none, as on Windows);
 * a build's own previous runs keep it near 1 on two cores, other work pushes it past 1.5.
 * WEEKLY_IMPORT_WORKERS overrides (0: this thread only).
 */
export function importWorkerCount(entries: number, cores = availableParallelism(), load = loadavg()[0]): number {
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

/** Runs one worker until it reports the queue empty, dies or fails to start; its results land in `outcomes`. */
function runWorker(entry: URL, data: ImportWorkerData, outcomes: Array<EntryOutcome | undefined>): Promise<void> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(entry, { workerData: data });
    } catch {
      resolve();
      return;
    }
    worker.on('message', (m: ImportWorkerMessage) => {
      if (m.type === 'entry') outcomes[m.index] = { ok: true, result: m.result };
      else if (m.type === 'failed') outcomes[m.index] = { ok: false, error: toError(m.error) };
      else {
        worker.unref();
        resolve();
      }
    });
    worker.on('error', () => resolve());
    worker.on('exit', () => resolve());
  });
}

export interface ImportEntriesOptions extends EntryOptions {
  /** import workers to start beside this thread (when the built worker exists); default none */
  workers?: number;
}

/**
 * Imports every entry, in parallel when asked. Stops taking new entries after the first failure, as a
 * sequential loop would; an entry a dead worker left undone is imported here. Outcomes are in entry order,
 * undefined only after a failure.
 */
export async function importEntries(baseDir: string, entries: Entries, options: ImportEntriesOptions = {}): Promise<Array<EntryOutcome | undefined>> {
  const entryOptions: EntryOptions = { summaries: options.summaries };
  const outcomes: Array<EntryOutcome | undefined> = new Array(entries.length);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workerEntry = (options.workers ?? 0) > 0 ? builtWorkerEntry() : null;
  const running = workerEntry
    ? Array.from({ length: options.workers ?? 0 }, () => runWorker(workerEntry, { baseDir, entries, options: entryOptions, next }, outcomes))
    : [];
  const importHere = async (index: number): Promise<void> => {
    const outcome = await settle(() => importEntry(baseDir, entries[index], index + 1, entryOptions));
    outcomes[index] = outcome;
    if (!outcome.ok) Atomics.store(next, 0, entries.length);
  };
  for (let index = Atomics.add(next, 0, 1); index < entries.length; index = Atomics.add(next, 0, 1)) await importHere(index);
  await Promise.all(running);
  for (let index = 0; index < entries.length; index++) {
    const outcome = outcomes[index];
    if (outcome && !outcome.ok) break;
    if (!outcome) await importHere(index);
    if (!outcomes[index]?.ok) break;
  }
  return outcomes;
}
