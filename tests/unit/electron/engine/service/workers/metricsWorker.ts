// A render worker that fails its first metrics request and answers the later ones with a small
// pack whose ascent counts the requests, for workerEngines' keeping and re-asking of the pack.
import { parentPort } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from '../../../../../../electron/engine/service/renderWorkerProtocol';

let asked = 0;
const port = parentPort;
port?.on('message', (request: RenderRequest) => {
  asked++;
  let reply: RenderReply;
  if (request.kind !== 'metrics') reply = { id: request.id, type: 'error', error: { message: `not a metrics request: ${request.kind}` } };
  else if (asked === 1) reply = { id: request.id, type: 'error', error: { message: 'faces not ready' } };
  else {
    const face = { unitsPerEm: 1000, ascent: asked, descent: -120, missingAdvance: 1000, twoEmDash: false, runs: [0x41, 26, 600] };
    reply = { id: request.id, type: 'metrics', pack: { version: 1, faces: [face], keys: { serif: 0, serifBold: 0, sans: 0, sansBold: 0, extra: null } } };
  }
  port.postMessage(reply);
});
