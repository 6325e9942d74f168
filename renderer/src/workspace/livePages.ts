// Live page numbers: once the editor hands over a change (it does so only after typing pauses),
// lay the issue out as the editor has it now, at once, in the renderer (./localPages.ts: the
// export's own layout engine over the engine's font metrics; an incremental layout, only the
// changed paragraphs are re-broken). The handover is laid out synchronously on the UI thread once
// that has the issue laid out (it does so in idle time), so the numbers are in the next frame;
// until then, and for other changes, in the page-number worker. Where neither can run, ask the
// engine for the settled 本期视点 instead, sending the unsaved drafts of the changed articles with
// the request (a change of the issue's shape: columns, order, 期刊信息, is saved first). The
// autosave runs as before and is started once the numbers are painted, so neither the save's
// serialising nor its database work delays them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ViewpointPreview } from '../../../shared/api/contract';
import { describeError, UserFacingError } from '../../../shared/errors';
import type { PageLook } from '../../../shared/layout/livePreview';
import type { Issue } from '../../../shared/model/issue';
import { errorMessage, getApi } from '../api/client';
import { localPages, localPagesNow } from './localPages';
import type { SavePlan } from './savePlan';

/** performance marks around each request: the bench reads them to say where the time goes */
export const MARKS = {
  /** the workspace received an article's content from the editor (ContentSyncPlugin's handover) */
  handover: 'weekly:handover',
  request: 'weekly:pages-request',
  reply: 'weekly:pages-reply',
} as const;

/** Marks the moment (only the latest of each name is kept, so a long session does not pile them up). */
export function mark(name: (typeof MARKS)[keyof typeof MARKS]): void {
  performance.clearMarks(name);
  performance.mark(name);
}

export interface LivePages {
  /** the editor handed over a change: lay it out now, in this task (other changes are picked up after their render) */
  follow: () => void;
  preview: ViewpointPreview | null;
  /** articleId → page of its title, from the latest layout */
  pages: ReadonlyMap<string, number>;
  /** true from a change until its page numbers arrive */
  pending: boolean;
  error: string | null;
}

export interface LivePagesSource {
  /** the issue as the editor has it now, saved or not, including a change not rendered yet (null while it loads) */
  latest: () => Issue | null;
  /** what the engine does not hold yet (after a save in progress ends) */
  unsaved: () => Promise<SavePlan>;
  /** save everything now */
  flush: () => Promise<void>;
  /** true once everything is saved: numbers that failed for want of a save are asked for again */
  allSaved: boolean;
}

export function pagesOf(preview: ViewpointPreview | null): Map<string, number> {
  const pages = new Map<string, number>();
  for (const column of preview?.columns ?? []) for (const e of column.entries) if (e.page !== null) pages.set(e.articleId, e.page);
  return pages;
}

/** The 本期视点 of what the editor sees now: unsaved articles go along as drafts; a new shape is saved first. */
export async function fetchLivePreview(issueId: string, source: LivePagesSource): Promise<ViewpointPreview> {
  const api = getApi();
  const saveThenAsk = () =>
    source.flush().then(
      () => api.issues.viewpoint({ id: issueId }),
      (e: unknown) => {
        throw new UserFacingError('live-pages-unsaved', '页码暂未更新：修改还没有保存，保存成功后会自动更新。', `save before page numbers failed: ${describeError(e)}`);
      },
    );
  const plan = await source.unsaved();
  if (plan.kind === 'issue') return saveThenAsk();
  try {
    return await api.issues.viewpointDraft({ id: issueId, drafts: plan.kind === 'articles' ? plan.items : [] });
  } catch (e) {
    // the engine's copy of the issue is not the shape the drafts assume (a save failed half-way)
    if ((e as { code?: unknown } | null)?.code === 'viewpoint-draft-stale') return saveThenAsk();
    throw e;
  }
}

/** The 本期视点 of the issue as the editor has it now: from the page-number worker, or else from the engine. */
export async function livePreview(issueId: string, issue: Issue | null, source: LivePagesSource, look: Promise<PageLook | null>): Promise<ViewpointPreview> {
  if (issue?.id === issueId) {
    const [local, l] = await Promise.all([localPages(), look]);
    if (local && l) {
      try {
        const preview = await local.layout(issue, l);
        local.warmUp(issue, l);
        return preview;
      } catch (e) {
        console.warn(`live page numbers: the page worker failed, asking the engine (${describeError(e)})`);
      }
    }
  }
  return fetchLivePreview(issueId, source);
}

/** Paper and body face from 设置, read once per workspace (null when they cannot be read: the engine then lays out). */
function readLook(): Promise<PageLook | null> {
  return getApi()
    .settings.get({})
    .then(
      (s) => ({ pageSize: s.pageSize, bodyFont: s.bodyFont }),
      () => null,
    );
}

/** Runs `work` in a task after the next frame is painted. */
function afterPaint(work: () => void): void {
  if (document.hidden) setTimeout(work, 0);
  else requestAnimationFrame(() => setTimeout(work, 0));
}

export function useLivePages(issueId: string, revision: number, source: LivePagesSource): LivePages {
  const [state, setState] = useState<Omit<LivePages, 'follow'>>({ preview: null, pages: new Map(), pending: true, error: null });
  /** the newest request wins: answers to older ones are dropped */
  const latest = useRef(0);
  /** the issue object the newest request was for (undefined: none yet) */
  const asked = useRef<Issue | null | undefined>(undefined);
  const sourceRef = useRef(source);
  sourceRef.current = source;
  const look = useRef<Promise<PageLook | null> | null>(null);
  /** the look once read (the synchronous layout needs it at once) */
  const lookNow = useRef<PageLook | null>(null);
  if (!look.current) {
    look.current = readLook();
    void look.current.then((l) => (lookNow.current = l));
  }
  const [retry, setRetry] = useState(0);
  const retried = useRef(0);
  const failed = state.error !== null;
  useEffect(() => {
    if (failed && source.allSaved) setRetry((r) => r + 1);
  }, [failed, source.allSaved]);

  /**
   * Lays out the issue as it is now, unless the newest request was for this very issue (and no
   * retry is due); `now`: on this thread, synchronously, if it can (the editor's handover).
   */
  const ask = useCallback(
    (again = false, now = false): void => {
      const src = sourceRef.current;
      const issue = src.latest();
      if (!again && issue === asked.current) return;
      asked.current = issue;
      const ticket = ++latest.current;
      mark(MARKS.request);
      // The autosave, now rather than after its own delay (its failures show in the save indicator),
      // once the numbers are on screen: serialising the issue takes milliseconds the paint should not
      // wait for. (A hidden page paints nothing: there it goes at once. Should the frame never come,
      // the autosave's own timer and the page-hide flush still save.)
      const saveAfterPaint = () => afterPaint(() => void src.flush().catch(() => {}));
      const shown = (preview: ViewpointPreview) => {
        mark(MARKS.reply);
        setState({ preview, pages: pagesOf(preview), pending: false, error: null });
      };
      const l = lookNow.current;
      const preview = now && issue?.id === issueId && l ? localPagesNow()?.layoutNow(issue, l) : null;
      if (preview) {
        // Committed before this task ends, so the next frame shows it (React would otherwise render in
        // a later task, maybe after that frame). In a microtask: the handover may come from an
        // unmounting editor, while React is committing.
        queueMicrotask(() => {
          if (ticket !== latest.current) return;
          flushSync(() => shown(preview));
          saveAfterPaint();
        });
        return;
      }
      setState((s) => (s.pending ? s : { ...s, pending: true }));
      livePreview(issueId, issue, src, look.current ?? readLook())
        .then(
          (p) => {
            if (ticket === latest.current) shown(p);
          },
          (e: unknown) => {
            if (ticket === latest.current) setState((s) => ({ ...s, pending: false, error: errorMessage(e) }));
          },
        )
        .finally(saveAfterPaint);
    },
    [issueId],
  );

  // Changes that did not come through follow() (columns, order, imports, 期刊信息), after their
  // render. No idle wait: a zero timeout coalesces changes made in one burst (a drop that also
  // re-selects, an import of several articles).
  useEffect(() => {
    const again = retry !== retried.current;
    retried.current = retry;
    const timer = setTimeout(() => ask(again), 0);
    return () => clearTimeout(timer);
  }, [issueId, revision, retry, ask]);

  const follow = useCallback(() => ask(false, true), [ask]);
  return { ...state, follow };
}
