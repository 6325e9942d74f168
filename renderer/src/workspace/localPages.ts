// Live page numbers laid out in the renderer: one page-number worker per window (./pagesWorker.ts),
// given the engine's font metrics once (`layout:metrics`), then the issue as the editor has it at
// every handover. No save, no HTTP or IPC round trip: the numbers follow an edit within a frame.
// Where the worker cannot run (no Worker, the metrics did not come, the worker died), the live
// numbers ask the engine as before (./livePages.ts).
import type { ViewpointPreview } from '../../../shared/api/contract';
import { describeError } from '../../../shared/errors';
import type { PageLook } from '../../../shared/layout/livePreview';
import type { MetricsPack } from '../../../shared/layout/metricsPack';
import type { Article, Issue } from '../../../shared/model/issue';
import { getApi } from '../api/client';
import { frameIssue, type FromWorker, type ToWorker } from './pagesProtocol';

export interface LocalPages {
  /** the 本期视点 of `issue` with the page numbers the export would print */
  layout(issue: Issue, look: PageLook): Promise<ViewpointPreview>;
}

/** What LocalPages needs of a Worker (tests pass one that runs the worker's code in-process). */
export interface PagesWorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** performance mark whose detail is the worker's own time on the latest layout, ms (the bench reads it) */
export const WORKER_MARK = 'weekly:pages-worker';

interface Waiting {
  issue: Issue;
  look: PageLook;
  resend: boolean;
  resolve: (preview: ViewpointPreview) => void;
  reject: (error: Error) => void;
}

export function createLocalPages(worker: PagesWorkerLike, pack: MetricsPack, onBroken: (error: Error) => void = () => {}): LocalPages {
  /** the articles the worker holds (the objects it was sent) */
  const sent = new Map<string, Article>();
  const waiting = new Map<number, Waiting>();
  let tickets = 0;
  let broken: Error | null = null;

  const send = (w: Waiting): void => {
    const ticket = ++tickets;
    waiting.set(ticket, w);
    worker.postMessage({ type: 'layout', ticket, issue: frameIssue(w.issue, sent), look: w.look });
  };

  worker.onmessage = ({ data }) => {
    const w = waiting.get(data.ticket);
    if (!w) return;
    waiting.delete(data.ticket);
    if (data.type === 'pages') {
      performance.clearMarks(WORKER_MARK);
      performance.mark(WORKER_MARK, { detail: { ms: data.ms } });
      w.resolve(data.preview);
    } else if (data.reason === 'not-held' && !w.resend) {
      // the worker lost track of what it holds: send every article again, once
      sent.clear();
      send({ ...w, resend: true });
    } else w.reject(new Error(`page worker: ${data.message}`));
  };
  worker.onerror = (event) => {
    broken = new Error(`page worker failed: ${event.message ?? 'unknown error'}`);
    for (const w of waiting.values()) w.reject(broken);
    waiting.clear();
    worker.terminate();
    onBroken(broken);
  };
  worker.postMessage({ type: 'metrics', pack });

  return {
    layout(issue, look) {
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => send({ issue, look, resend: false, resolve, reject }));
    },
  };
}

let started: Promise<LocalPages | null> | null = null;

/** The window's page-number worker, started on first use; null where it cannot run. */
export function localPages(): Promise<LocalPages | null> {
  started ??= startWorker().catch((e: unknown) => {
    console.warn(`live page numbers: no page worker, the engine lays them out instead (${describeError(e)})`);
    return null;
  });
  return started;
}

async function startWorker(): Promise<LocalPages> {
  if (typeof Worker === 'undefined') throw new Error('Web Workers are not available');
  const pack = await getApi().layout.metrics({});
  const worker = new Worker(new URL('./pagesWorker.ts', import.meta.url), { type: 'module', name: 'weekly-pages' });
  return createLocalPages(worker as unknown as PagesWorkerLike, pack, (error) => {
    console.warn(`live page numbers: ${error.message}; the engine lays them out from now on`);
    started = Promise.resolve(null);
  });
}
