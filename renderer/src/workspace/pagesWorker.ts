// The page-number worker: lays the issue out as the editor has it now, off the UI thread, with the
// export's own layout engine over the engine's font metrics (see ./pagesHandler.ts).
import type { FromWorker, ToWorker } from './pagesProtocol';
import { createPagesHandler } from './pagesHandler';

/** the worker's global (typed by hand: the DOM and WebWorker libraries cannot both be loaded) */
const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

const handle = createPagesHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
