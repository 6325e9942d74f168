// Live page numbers: once the editor goes idle after a change, save what is pending and ask the
// engine for the settled 本期视点 (an incremental layout: only the changed article is re-laid).
// The column tree and the 本期视点 preview both read this one result, so they never disagree.
import { useEffect, useRef, useState } from 'react';
import type { ViewpointPreview } from '../../../shared/api/contract';
import { errorMessage, getApi } from '../api/client';

/** coalesces a burst of changes (a drop, a paste); the editor hands over its content only once typing pauses (ContentSyncPlugin) */
export const IDLE_MS = 50;

export interface LivePages {
  preview: ViewpointPreview | null;
  /** articleId → page of its title, from the latest layout */
  pages: ReadonlyMap<string, number>;
  /** true from a change until its page numbers arrive */
  pending: boolean;
  error: string | null;
}

export function pagesOf(preview: ViewpointPreview | null): Map<string, number> {
  const pages = new Map<string, number>();
  for (const column of preview?.columns ?? []) for (const e of column.entries) if (e.page !== null) pages.set(e.articleId, e.page);
  return pages;
}

export function useLivePages(issueId: string, revision: number, flush: () => Promise<void>): LivePages {
  const [state, setState] = useState<LivePages>({ preview: null, pages: new Map(), pending: true, error: null });
  /** the newest request wins: answers to older ones are dropped */
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const timer = setTimeout(() => {
      flush()
        .then(() => getApi().issues.viewpoint({ id: issueId }))
        .then(
          (preview) => {
            if (ticket === latest.current) setState({ preview, pages: pagesOf(preview), pending: false, error: null });
          },
          (e: unknown) => {
            if (ticket === latest.current) setState((s) => ({ ...s, pending: false, error: errorMessage(e) }));
          },
        );
    }, IDLE_MS);
    return () => clearTimeout(timer);
  }, [issueId, revision, flush]);

  return state;
}
