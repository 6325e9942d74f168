// What the page-number worker does with each message (./pagesWorker.ts wires it to the worker's
// global; tests run it in-process): font metrics once, then layouts of the issue as framed by
// ./pagesProtocol.ts. It holds the issue's articles and the typesetter's caches between requests,
// so an edit re-lays only the paragraphs it changed.
import { describeError } from '../../../shared/errors';
import { createLivePreview, type LivePreview } from '../../../shared/layout/livePreview';
import { metricsFromPack } from '../../../shared/layout/metricsPack';
import type { Article } from '../../../shared/model/issue';
import { unframeIssue, type FromWorker, type ToWorker } from './pagesProtocol';

export function createPagesHandler(reply: (message: FromWorker) => void): (message: ToWorker) => void {
  let live: LivePreview | null = null;
  const held = new Map<string, Article>();
  return (message) => {
    if (message.type === 'metrics') {
      live = createLivePreview(metricsFromPack(message.pack));
      return;
    }
    const { ticket } = message;
    const started = performance.now();
    try {
      if (!live) throw new Error('no font metrics yet');
      const framed = unframeIssue(message.issue, held);
      if ('missing' in framed) {
        reply({ type: 'failed', ticket, reason: 'not-held', message: `article ${framed.missing} is not held` });
        return;
      }
      const preview = live.preview(framed.issue, message.look);
      reply({ type: 'pages', ticket, preview, ms: performance.now() - started });
    } catch (e) {
      reply({ type: 'failed', ticket, reason: 'error', message: describeError(e) });
    }
  };
}
