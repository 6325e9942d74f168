// Messages between the workspace and its page-number worker (./pagesWorker.ts). The worker keeps
// the articles it was sent; a request carries in full only the articles that changed since (the
// editor replaces an article object on every edit), the others by id. Typing in one article
// then costs one article's structured clone, not the issue's.
import type { ViewpointPreview } from '../../../shared/api/contract';
import type { PageLook } from '../../../shared/layout/livePreview';
import type { MetricsPack } from '../../../shared/layout/metricsPack';
import type { Article, Column, Issue } from '../../../shared/model/issue';

/** An article the worker already holds, unchanged since it was sent. */
export interface HeldArticle {
  held: string;
}

export type FramedColumn = Omit<Column, 'articles'> & { articles: Array<Article | HeldArticle> };
export type IssueFrame = Omit<Issue, 'columns'> & { columns: FramedColumn[] };

export type ToWorker = { type: 'metrics'; pack: MetricsPack } | { type: 'layout'; ticket: number; issue: IssueFrame; look: PageLook };

export type FromWorker =
  | { type: 'pages'; ticket: number; preview: ViewpointPreview; /** the worker's time on it, ms */ ms: number }
  /** `not-held`: the request named an article the worker does not hold (it must be sent again in full) */
  | { type: 'failed'; ticket: number; reason: 'not-held' | 'error'; message: string };

function isHeld(a: Article | HeldArticle): a is HeldArticle {
  return typeof (a as Partial<HeldArticle>).held === 'string';
}

/**
 * The issue as a request carries it: articles in `sent` (the very objects) go by id. `sent` becomes
 * what the worker holds once it has read the request: exactly this issue's articles.
 */
export function frameIssue(issue: Issue, sent: Map<string, Article>): IssueFrame {
  const now = new Map<string, Article>();
  const columns = issue.columns.map((column) => ({
    ...column,
    articles: column.articles.map((article): Article | HeldArticle => {
      now.set(article.id, article);
      return sent.get(article.id) === article ? { held: article.id } : article;
    }),
  }));
  sent.clear();
  for (const [id, article] of now) sent.set(id, article);
  return { ...issue, columns };
}

/**
 * The worker's side: the issue with held articles filled in from `held`, which then holds exactly
 * this issue's articles; or the id of one it does not hold (`held` is left as it was).
 */
export function unframeIssue(frame: IssueFrame, held: Map<string, Article>): { issue: Issue } | { missing: string } {
  const now = new Map<string, Article>();
  const columns: Column[] = [];
  for (const column of frame.columns) {
    const articles: Article[] = [];
    for (const a of column.articles) {
      const article = isHeld(a) ? held.get(a.held) : a;
      if (!article) return { missing: (a as HeldArticle).held };
      now.set(article.id, article);
      articles.push(article);
    }
    columns.push({ ...column, articles });
  }
  held.clear();
  for (const [id, article] of now) held.set(id, article);
  return { issue: { ...frame, columns } };
}
