// The issue being edited: loaded once, changed through pure ops, autosaved.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Issue } from '../../../shared/model/issue';
import { errorMessage, getApi } from '../api/client';
import { AutoSaver, type SaveState } from './autosave';
import { dropDraft, keepDraft, takeDraft } from './drafts';
import { planSave, type SavePlan } from './savePlan';

export interface IssueHandle {
  issue: Issue | null;
  loadError: string | null;
  /** true when unsaved edits from the last session were restored */
  restored: boolean;
  save: SaveState;
  /** bumps on every change, for views that refresh after edits */
  revision: number;
  change: (edit: (issue: Issue) => Issue) => void;
  flush: () => Promise<void>;
  /**
   * What the engine does not hold yet, once a save in progress has ended (none is started): the
   * live page numbers send these articles as drafts instead of waiting for the autosave.
   */
  unsaved: () => Promise<SavePlan>;
  /** the issue with every change so far, before React has rendered the latest */
  latest: () => Issue | null;
}

export function useIssue(issueId: string): IssueHandle {
  const [issue, setIssue] = useState<Issue | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'saved', at: null });
  const [revision, setRevision] = useState(0);
  const current = useRef<Issue | null>(null);
  /** what the engine holds, so an autosave sends only what changed since */
  const stored = useRef<Issue | null>(null);

  const saver = useMemo(
    () =>
      new AutoSaver<Issue>({
        save: async (value) => {
          const plan = planSave(stored.current, value);
          const api = getApi();
          if (plan.kind === 'issue') await api.issues.save(value);
          // One article at a time, in order: the engine writes each in its own transaction.
          else if (plan.kind === 'articles') for (const item of plan.items) await api.articles.save({ issueId: value.id, ...item });
          stored.current = value;
        },
        onState: (state) => {
          setSave(state);
          if (state.kind === 'saved') dropDraft(window.localStorage, issueId);
        },
        describe: (e) => `保存失败：${errorMessage(e)}（将自动重试，请勿关闭窗口）`,
        delayMs: 1000,
      }),
    [issueId],
  );

  useEffect(() => {
    let cancelled = false;
    getApi()
      .issues.get({ id: issueId })
      .then(
        (loaded) => {
          if (cancelled) return;
          const draft = takeDraft(window.localStorage, issueId);
          stored.current = loaded;
          current.current = draft ?? loaded;
          setIssue(current.current);
          if (draft) {
            setRestored(true);
            saver.update(draft);
          }
        },
        (e: unknown) => !cancelled && setLoadError(errorMessage(e)),
      );
    return () => {
      cancelled = true;
    };
  }, [issueId, saver]);

  // Leaving the issue saves what is pending; closing the tab with unsaved edits asks first.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.hasUnsavedChanges) {
        if (current.current) keepDraft(window.localStorage, current.current);
        void saver.flush().catch(() => {});
        e.preventDefault();
      }
    };
    const pageHide = () => {
      if (saver.hasUnsavedChanges && current.current) keepDraft(window.localStorage, current.current);
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', pageHide);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', pageHide);
      void saver.flush().catch(() => {});
    };
  }, [saver]);

  const change = useCallback(
    (edit: (issue: Issue) => Issue) => {
      const prev = current.current;
      if (!prev) return;
      const next = edit(prev);
      if (next === prev) return;
      current.current = next;
      setIssue(next);
      setRevision((r) => r + 1);
      saver.update(next);
    },
    [saver],
  );

  const flush = useCallback(() => saver.flush(), [saver]);
  const latest = useCallback(() => current.current, []);

  const unsaved = useCallback(async (): Promise<SavePlan> => {
    await saver.settled();
    return current.current ? planSave(stored.current, current.current) : { kind: 'none' };
  }, [saver]);

  return { issue, loadError, restored, save, revision, change, flush, unsaved, latest };
}
