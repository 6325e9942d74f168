// Entry of the engine's utilityProcess: import, export, the archive and 提要 run here, off the
// main process, so menus, dialogs and the window stay responsive during a long export.
import { serveEngine } from './engine/host';
import { startEngine } from './engine/start';

const parentPort = process.parentPort;
const log = (message: string): void => {
  if (process.env.WEEKLY_DESK_DEBUG) process.stderr.write(`[engine] ${message}\n`);
};

serveEngine(
  {
    post: (message) => parentPort.postMessage(message),
    onMessage: (listener) => parentPort.on('message', (event) => listener(event.data)),
  },
  (init) => startEngine(init, log),
);
