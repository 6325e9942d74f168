// A render worker that dies on its first request, for the crash path of workerEngines.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => {
  process.exit(3);
});
