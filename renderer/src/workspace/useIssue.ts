// The issue being edited: loaded once, changed through pure ops, autosaved.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Issue } from '../../../shared/model/issue';
import { errorMessage, getApi } from '../api/client';
import { AutoSaver, type SaveState } from './autosave';

export interface IssueHandle {
  issue: Issue | null;
  loadError: string | null;
  save: SaveState;
  /** bumps on every change, for views that refresh after edits */
  revision: number;
  change: (edit: (issue: Issue) => Issue) => void;
  flush: () => Promise<void>;
}

export function useIssue(issueId: string): IssueHandle {
  const [issue, setIssue] = useState<Issue | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ kind: 'saved', at: null });
  const [revision, setRevision] = useState(0);
  const current = useRef<Issue | null>(null);

  const saver = useMemo(
    () =>
      new AutoSaver<Issue>({
        save: async (value) => {
          await getApi().issues.save(value);
        },
        onState: setSave,
        describe: (e) => `保存失败：${errorMessage(e)}（将自动重试，请勿关闭窗口）`,
        delayMs: 1000,
      }),
    [],
  );

  useEffect(() => {
    let cancelled = false;
    getApi()
      .issues.get({ id: issueId })
      .then(
        (loaded) => {
          if (cancelled) return;
          current.current = loaded;
          setIssue(loaded);
        },
        (e: unknown) => !cancelled && setLoadError(errorMessage(e)),
      );
    return () => {
      cancelled = true;
    };
  }, [issueId]);

  // Leaving the issue saves what is pending; closing the tab with unsaved edits asks first.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (saver.hasUnsavedChanges) {
        void saver.flush().catch(() => {});
        e.preventDefault();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
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

  return { issue, loadError, save, revision, change, flush };
}
