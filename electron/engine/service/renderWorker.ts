// The render worker: PDF and DOCX export and the 本期视点 page numbers (a layout without drawing) on
// their own thread, so the web server's event loop keeps answering while an issue is set.
// One worker serves requests in order; its typesetter caches stay warm between them, and it holds
// the articles of recent page-number requests so the service sends only those that changed.
import { parentPort } from 'node:worker_threads';
import type { IssueDocument } from '../../../shared/document/issueDocument';
import { describeError, isUserFacingError } from '../../../shared/errors';
import { defaultEngines } from './defaultEngines';
import { HeldArticles, type RenderReply, type RenderRequest, type WorkerError } from './renderWorkerProtocol';

function flatten(e: unknown): WorkerError {
  if (isUserFacingError(e)) return { message: e.message, code: e.code, messageZh: e.messageZh };
  return { message: describeError(e) };
}

const held = new HeldArticles();

/** `pages` is the page-number request's whole document, resolved when the message arrived. */
async function handle(request: RenderRequest, pages: IssueDocument | Error | null, post: (reply: RenderReply, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const { id } = request;
  const onStage = (stage: string): void => post({ id, type: 'stage', stage });
  try {
    if (request.kind === 'pdf') {
      const r = await defaultEngines.renderPdf(request.doc, { pageSize: request.pageSize, bodyFont: request.bodyFont, onStage });
      const pdf = new Uint8Array(r.pdf);
      post({ id, type: 'pdf', pdf, pageCount: r.pageCount, pageMap: r.pageMap }, [pdf.buffer]);
    } else if (request.kind === 'pages') {
      if (!pages || pages instanceof Error) throw pages ?? new Error('page-number request without a document');
      const r = await defaultEngines.settlePages(pages, { pageSize: request.pageSize, bodyFont: request.bodyFont });
      post({ id, type: 'pages', pageCount: r.pageCount, pageMap: r.pageMap });
    } else if (request.kind === 'metrics') {
      post({ id, type: 'metrics', pack: await defaultEngines.metricsPack() });
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
    // Held articles follow the order messages arrive in, which is the order the service sent them.
    let pages: IssueDocument | Error | null = null;
    if (request.kind === 'pages') {
      try {
        pages = held.resolve(request);
      } catch (e) {
        pages = e instanceof Error ? e : new Error(describeError(e));
      }
    }
    queue = queue.then(() => handle(request, pages, (reply, transfer) => port.postMessage(reply, transfer ?? [])));
  });
}
