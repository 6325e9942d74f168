// Live page numbers laid out in the renderer, from the engine's font metrics (`layout:metrics`)
// and the issue as the editor has it. No save, no HTTP or IPC round trip.
// - The page-number worker (./pagesWorker.ts, one per window) lays out what the UI thread cannot
//   afford to: the first layout of an issue, new articles, changes of shape.
// - Meanwhile, in idle time, the UI thread lays the issue out too, one article at a time (warmUp).
//   Once it has, the editor's handover is laid out right there, synchronously (layoutNow): an edit
//   re-breaks only the paragraphs it changed, a millisecond or two, and the new numbers are in the
//   very next frame. The editor is idle then, so nothing waits for it.
// Where the worker cannot run (no Worker, the metrics did not come, the worker died), the live
// numbers ask the engine as before (./livePages.ts).
import type { ViewpointPreview } from '../../../shared/api/contract';
import { describeError } from '../../../shared/errors';
import { createLivePreview, type LivePreview, type PageLook } from '../../../shared/layout/livePreview';
import { metricsFromPack, type MetricsPack } from '../../../shared/layout/metricsPack';
import type { Article, Issue } from '../../../shared/model/issue';
import { getApi } from '../api/client';
import { frameIssue, type FromWorker, type ToWorker } from './pagesProtocol';

export interface LocalPages {
  /** the 本期视点 of `issue` with the page numbers the export would print, from the worker */
  layout(issue: Issue, look: PageLook): Promise<ViewpointPreview>;
  /** the same, laid out on this thread now, if it has laid out every article of the issue before (else null) */
  layoutNow(issue: Issue, look: PageLook): ViewpointPreview | null;
  /** lay the issue out on this thread in idle time (what it has not laid out yet), so that edits of it can be laid out with layoutNow */
  warmUp(issue: Issue, look: PageLook): void;
}

/** Idle time as requestIdleCallback gives it (tests pass their own). */
export type IdleScheduler = (work: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void) => void;

const browserIdle: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(() => work({ timeRemaining: () => 10, didTimeout: false }), 20);
};

/** An article is started in idle time only with this much of it left (ms); a long one may run past it. */
const IDLE_MARGIN_MS = 4;

/** What LocalPages needs of a Worker (tests pass one that runs the worker's code in-process). */
export interface PagesWorkerLike {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

/** performance mark of the latest layout; detail: `{ ms, thread: 'worker' | 'main' }` (the bench reads it) */
export const LAYOUT_MARK = 'weekly:pages-layout';
/** performance mark: this thread has laid out every article of the issue (edits are laid out here from now on) */
export const WARM_MARK = 'weekly:pages-warm';

function markLayout(ms: number, thread: 'worker' | 'main'): void {
  performance.clearMarks(LAYOUT_MARK);
  performance.mark(LAYOUT_MARK, { detail: { ms, thread } });
}

interface Waiting {
  issue: Issue;
  look: PageLook;
  resend: boolean;
  resolve: (preview: ViewpointPreview) => void;
  reject: (error: Error) => void;
}

export interface LocalPagesOptions {
  onBroken?: (error: Error) => void;
  idle?: IdleScheduler;
}

export function createLocalPages(worker: PagesWorkerLike, pack: MetricsPack, options: LocalPagesOptions = {}): LocalPages {
  const { onBroken = () => {}, idle = browserIdle } = options;
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
      markLayout(data.ms, 'worker');
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

  /** this thread's layout, made in the first idle period (decoding the metrics takes ~10 ms) */
  let here: LivePreview | null = null;
  /** the issue to lay out in idle time, the latest asked for */
  let warming: { issue: Issue; look: PageLook } | null = null;
  let scheduled = false;
  let gaveUp = false;
  const step: Parameters<IdleScheduler>[0] = (deadline) => {
    scheduled = false;
    const w = warming;
    if (!w || gaveUp) return;
    /** articles laid out in this period (a period the browser forced after its timeout takes one) */
    let articles = 0;
    try {
      if (!here) {
        // decoding the metrics is an idle period's work of its own
        here = createLivePreview(metricsFromPack(pack));
      } else if (here.warm(w.issue, w.look, () => (deadline.didTimeout ? articles++ === 0 : deadline.timeRemaining() > IDLE_MARGIN_MS))) {
        if (warming === w) warming = null;
        performance.clearMarks(WARM_MARK);
        performance.mark(WARM_MARK);
      }
    } catch (e) {
      // the worker still lays out; this thread just never takes over
      console.warn(`live page numbers: laying out ahead on the UI thread failed (${describeError(e)})`);
      gaveUp = true;
      return;
    }
    if (warming) {
      scheduled = true;
      idle(step);
    }
  };

  return {
    layout(issue, look) {
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => send({ issue, look, resend: false, resolve, reject }));
    },
    layoutNow(issue, look) {
      if (!here?.isWarm(issue, look)) return null;
      const started = performance.now();
      try {
        const preview = here.preview(issue, look);
        markLayout(performance.now() - started, 'main');
        return preview;
      } catch (e) {
        console.warn(`live page numbers: the UI thread's layout failed, the worker lays out (${describeError(e)})`);
        return null;
      }
    },
    warmUp(issue, look) {
      warming = { issue, look };
      if (!scheduled) {
        scheduled = true;
        idle(step);
      }
    },
  };
}

let started: Promise<LocalPages | null> | null = null;
let ready: LocalPages | null = null;

/** The window's page-number worker, started on first use; null where it cannot run. */
export function localPages(): Promise<LocalPages | null> {
  started ??= startWorker().then(
    (local) => (ready = local),
    (e: unknown) => {
      console.warn(`live page numbers: no page worker, the engine lays them out instead (${describeError(e)})`);
      return null;
    },
  );
  return started;
}

/** The window's local page numbers if they have started (for a synchronous layoutNow), else null. */
export function localPagesNow(): LocalPages | null {
  return ready;
}

async function startWorker(): Promise<LocalPages> {
  if (typeof Worker === 'undefined') throw new Error('Web Workers are not available');
  const pack = await getApi().layout.metrics({});
  const worker = new Worker(new URL('./pagesWorker.ts', import.meta.url), { type: 'module', name: 'weekly-pages' });
  return createLocalPages(worker as unknown as PagesWorkerLike, pack, {
    onBroken: (error) => {
      console.warn(`live page numbers: ${error.message}; the engine lays them out from now on`);
      started = Promise.resolve(null);
      ready = null;
    },
  });
}
