// 本期视点 preview: the entries as they will print, with page numbers from a real layout.
// The live page numbers ask this after every pause in typing, often with the editor's unsaved
// draft of one article, so it keeps each issue's document in memory: the saved issue (patched by
// the service as saves land, never read back from the archive per request) and each article's
// document form, rebuilt only for an article whose content or place changed. The engine re-lays
// only what changed (its typesetter memoises articles); identical requests share one layout.
import type { ViewpointPreview } from '../../../shared/api/contract';
import type { IssueDocument } from '../../../shared/document/issueDocument';
import { createDocumentCache, viewpointPreviewOf } from '../../../shared/document/liveDocument';
import { describeError, UserFacingError } from '../../../shared/errors';
import type { Article, Issue, IssueMeta } from '../../../shared/model/issue';
import { LruMap } from '../../../shared/lruMap';
import { articleKey } from './articleKeys';
import type { Engines, PageNumbers, RenderOptions } from './engines';

/** What the page numbers depend on besides the issue: paper and body face (a sans body sets wider). */
export type Look = Pick<RenderOptions, 'pageSize' | 'bodyFont'>;

/** An article as the editor has it now, not yet saved; it must already be in that column. */
export interface ArticleDraft {
  columnId: string;
  article: Article;
}

const MAX_CACHED = 8;
const MAX_ISSUES = 4;

/** The drafts laid over the saved issue; a draft for an article not in that column is refused. */
export function overlayDrafts(issue: Issue, drafts: readonly ArticleDraft[]): Issue {
  if (drafts.length === 0) return issue;
  const byId = new Map(drafts.map((d) => [d.article.id, d]));
  const columns = issue.columns.map((column) => {
    if (!column.articles.some((a) => byId.has(a.id))) return column;
    return {
      ...column,
      articles: column.articles.map((a) => {
        const draft = byId.get(a.id);
        if (!draft || draft.columnId !== column.id) return a;
        byId.delete(a.id);
        return draft.article;
      }),
    };
  });
  if (byId.size > 0) {
    const [first] = byId.values();
    throw new UserFacingError(
      'viewpoint-draft-stale',
      '页码暂未更新：文章的位置还没有保存，保存后会自动更新。',
      `Draft of article ${first.article.id} is not in column ${first.columnId} of the saved issue ${issue.id}`,
    );
  }
  return { ...issue, columns };
}

export function createViewpointCache(engines: Engines, load: (issueId: string) => Promise<Issue>) {
  const results = new LruMap<string, Promise<PageNumbers | null>>(MAX_CACHED);
  /** the saved issue, as the service last wrote or read it */
  const saved = new LruMap<string, Issue>(MAX_ISSUES);
  /** bumps on every write the service reports, so a read that raced a save is not kept */
  const versions = new Map<string, number>();
  const documents = createDocumentCache(MAX_ISSUES);

  function touched(issueId: string): void {
    versions.set(issueId, (versions.get(issueId) ?? 0) + 1);
  }

  async function savedIssue(issueId: string): Promise<Issue> {
    const kept = saved.peek(issueId);
    if (kept) return kept;
    const version = versions.get(issueId) ?? 0;
    const issue = await load(issueId);
    if ((versions.get(issueId) ?? 0) === version) saved.set(issueId, issue);
    return issue;
  }

  function layoutKey(doc: IssueDocument, look: Look): string {
    const ids = doc.articles.map(articleKey);
    return JSON.stringify([look.pageSize, look.bodyFont, doc.meta, doc.readingNote, doc.viewpoint, ids]);
  }

  function layout(doc: IssueDocument, look: Look, log: (m: string) => void): Promise<PageNumbers | null> {
    const key = layoutKey(doc, look);
    let pending = results.peek(key);
    if (!pending) {
      const started = performance.now();
      pending = engines.settlePages(doc, { pageSize: look.pageSize, bodyFont: look.bodyFont }).then(
        (pages) => {
          log(`viewpoint layout ${(performance.now() - started).toFixed(1)} ms`);
          return pages;
        },
        (e: unknown) => {
          log(`viewpoint layout failed: ${describeError(e)}`);
          results.delete(key);
          return null;
        },
      );
      results.set(key, pending);
    }
    return pending;
  }

  return {
    async preview(issueId: string, drafts: readonly ArticleDraft[], look: Look, log: (m: string) => void): Promise<ViewpointPreview> {
      const doc = documents.documentOf(overlayDrafts(await savedIssue(issueId), drafts));
      const l = doc.articles.length > 0 ? await layout(doc, look, log) : null;
      return viewpointPreviewOf(doc, l);
    },
    /** the service saved the whole issue */
    issueSaved(issue: Issue): void {
      touched(issue.id);
      saved.set(issue.id, issue);
    },
    /** the service saved one article into a column: patch the kept issue (or forget it if the article moved) */
    articleSaved(issueId: string, columnId: string, article: Article): void {
      touched(issueId);
      const issue = saved.peek(issueId);
      if (!issue) return;
      const column = issue.columns.find((c) => c.id === columnId);
      const k = column?.articles.findIndex((a) => a.id === article.id) ?? -1;
      if (!column || k < 0) {
        saved.delete(issueId);
        return;
      }
      const articles = column.articles.slice();
      articles[k] = article;
      saved.set(issueId, { ...issue, columns: issue.columns.map((c) => (c === column ? { ...c, articles } : c)) });
    },
    metaSaved(issueId: string, meta: IssueMeta): void {
      touched(issueId);
      const issue = saved.peek(issueId);
      if (issue) saved.set(issueId, { ...issue, meta });
    },
    /** the issue changed in a way the service does not follow (removed, replaced from a file) */
    forget(issueId: string): void {
      touched(issueId);
      saved.delete(issueId);
      documents.forget(issueId);
    },
  };
}
