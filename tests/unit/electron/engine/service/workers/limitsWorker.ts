// A render worker that answers every page-number request with its own young generation size as
// the page count, for the resource limits workerEngines starts the worker with.
import { parentPort, resourceLimits } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from '../../../../../../electron/engine/service/renderWorkerProtocol';

parentPort?.on('message', (request: RenderRequest) => {
  const reply: RenderReply = { id: request.id, type: 'pages', pageCount: resourceLimits.maxYoungGenerationSizeMb ?? 0, pageMap: {} };
  parentPort?.postMessage(reply);
});
