// 本期视点 preview: the entries as they will print, with page numbers from a real layout.
// The engine re-lays only what changed (its typesetter caches paragraphs and articles); results are
// also cached per issue content, and concurrent requests for the same content share one layout.
import { createHash } from 'node:crypto';
import type { ViewpointPreview } from '../../../shared/api/contract';
import { buildIssueDocument, type IssueDocument } from '../../../shared/document/issueDocument';
import { describeError } from '../../../shared/errors';
import type { Issue } from '../../../shared/model/issue';
import type { Engines, PageNumbers, RenderOptions } from './engines';

/** What the page numbers depend on besides the issue: paper and body face (a sans body sets wider). */
export type Look = Pick<RenderOptions, 'pageSize' | 'bodyFont'>;

const MAX_CACHED = 8;

export function createViewpointCache(engines: Engines) {
  const cache = new Map<string, Promise<PageNumbers | null>>();

  function layout(doc: IssueDocument, look: Look, log: (m: string) => void): Promise<PageNumbers | null> {
    const key = createHash('sha256').update(look.pageSize).update(look.bodyFont).update(JSON.stringify(doc)).digest('hex');
    let pending = cache.get(key);
    if (!pending) {
      pending = engines.settlePages(doc, { pageSize: look.pageSize, bodyFont: look.bodyFont }).catch((e: unknown) => {
        log(`viewpoint layout failed: ${describeError(e)}`);
        cache.delete(key);
        return null;
      });
      cache.set(key, pending);
      while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
    }
    return pending;
  }

  return {
    async preview(issue: Issue, look: Look, log: (m: string) => void): Promise<ViewpointPreview> {
      const doc = buildIssueDocument(issue);
      const l = doc.articles.length > 0 ? await layout(doc, look, log) : null;
      return {
        columns: doc.viewpoint.map((c) => ({
          column: c.column,
          entries: c.entries.map((e) => ({
            articleId: e.articleId,
            title: e.title,
            source: e.source,
            summary: e.summary,
            page: l?.pageMap[e.articleId] ?? null,
          })),
        })),
        pageCount: l?.pageCount ?? null,
        exact: l !== null,
      };
    },
  };
}
