// The render worker: PDF and DOCX export and the 本期视点 page numbers (a layout without drawing) on
// their own thread, so the web server's event loop keeps answering while an issue is set.
// One worker serves requests in order; its typesetter caches stay warm between them.
import { parentPort } from 'node:worker_threads';
import { describeError, isUserFacingError } from '../../../shared/errors';
import { defaultEngines } from './defaultEngines';
import type { RenderReply, RenderRequest, WorkerError } from './renderWorkerProtocol';

function flatten(e: unknown): WorkerError {
  if (isUserFacingError(e)) return { message: e.message, code: e.code, messageZh: e.messageZh };
  return { message: describeError(e) };
}

async function handle(request: RenderRequest, post: (reply: RenderReply, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const { id } = request;
  const onStage = (stage: string): void => post({ id, type: 'stage', stage });
  try {
    if (request.kind === 'pdf') {
      const r = await defaultEngines.renderPdf(request.doc, { pageSize: request.pageSize, bodyFont: request.bodyFont, onStage });
      const pdf = new Uint8Array(r.pdf);
      post({ id, type: 'pdf', pdf, pageCount: r.pageCount, pageMap: r.pageMap }, [pdf.buffer]);
    } else if (request.kind === 'pages') {
      const r = await defaultEngines.settlePages(request.doc, { pageSize: request.pageSize, bodyFont: request.bodyFont });
      post({ id, type: 'pages', pageCount: r.pageCount, pageMap: r.pageMap });
    } else {
      const r = await defaultEngines.renderDocx(request.doc, { pageSize: request.pageSize, bodyFont: request.bodyFont, onStage });
      const docx = new Uint8Array(r.docx);
      post({ id, type: 'docx', docx }, [docx.buffer]);
    }
  } catch (e) {
    post({ id, type: 'error', error: flatten(e) });
  }
}

const port = parentPort;
if (port) {
  let queue = Promise.resolve();
  port.on('message', (request: RenderRequest) => {
    queue = queue.then(() => handle(request, (reply, transfer) => port.postMessage(reply, transfer ?? [])));
  });
}
