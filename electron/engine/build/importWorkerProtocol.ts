// Messages between the manifest loader and its import workers (./importWorker.ts).
import type { EntryOptions, ImportedEntry } from './clipping';
import type { ManifestArticle } from '../../../shared/model/manifest';

export interface ImportWorkerData {
  baseDir: string;
  entries: Array<Pick<ManifestArticle, 'id' | 'clip' | 'summary'>>;
  options: EntryOptions;
  /** Int32Array over a SharedArrayBuffer: [0] is the index of the next entry to take, shared by every thread */
  next: Int32Array;
  /** Int32Array over a SharedArrayBuffer, one slot per entry: a worker sets its entry's slot to 1 as it takes it */
  claims: Int32Array;
}

/** An error crosses the thread boundary as data; user-facing ones keep their code and Chinese message. */
export interface ImportWorkerError {
  message: string;
  code?: string;
  messageZh?: string;
}

/**
 * A worker started before the build knew its manifest (the CLI starts one as it loads, so the worker's
 * own loading overlaps this thread's) has no workerData; the build sends it this once it adopts it.
 */
export interface ImportWorkerStart {
  type: 'start';
  data: ImportWorkerData;
}

/** Where the CLI's stub leaves such a worker for the build (out/cli/main.mjs, scripts/build-cli.mjs). */
export const EARLY_IMPORT_WORKER = Symbol.for('weekly-desk.earlyImportWorker');

export type ImportWorkerMessage =
  | { type: 'entry'; index: number; result: ImportedEntry }
  | { type: 'failed'; index: number; error: ImportWorkerError }
  | { type: 'done' };
