// Import worker: takes manifest entries from the shared queue until it is empty, posting each Article
// (or its error) back. The loading thread takes entries from the same queue (./parallelImport.ts).
// Its entries come as workerData, or in a first message when it was started before the build knew them.
import { parentPort, workerData } from 'node:worker_threads';
import { describeError, isUserFacingError } from '../../../shared/errors';
import { importEntry } from './clipping';
import type { ImportWorkerData, ImportWorkerMessage, ImportWorkerStart } from './importWorkerProtocol';

const post = (m: ImportWorkerMessage): void => parentPort?.postMessage(m);

/** Takes entries until the queue is empty. A function, not top-level await: the CLI bundle is a script. */
async function importQueued({ baseDir, entries, options, next, claims }: ImportWorkerData): Promise<void> {
  for (;;) {
    const index = Atomics.add(next, 0, 1);
    if (index >= entries.length) break;
    Atomics.store(claims, index, 1);
    try {
      post({ type: 'entry', index, result: await importEntry(baseDir, entries[index], index + 1, options) });
    } catch (e) {
      post({ type: 'failed', index, error: isUserFacingError(e) ? { message: e.message, code: e.code, messageZh: e.messageZh } : { message: describeError(e) } });
    }
  }
  post({ type: 'done' });
}

// Started early (by the CLI, before the build read its manifest): the work comes in a message.
if (workerData) void importQueued(workerData as ImportWorkerData);
else parentPort?.once('message', (m: ImportWorkerStart) => void importQueued(m.data));
