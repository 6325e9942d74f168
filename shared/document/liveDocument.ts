// An issue's document kept across edits, for the live 本期视点 page numbers: an editor changes one
// article at a time, so each article's document form (its Lexical JSON walked into blocks) is
// rebuilt only when its content or its place changed. The layout memoises articles by these
// objects, so an unchanged article also keeps its pages. Used by the engine's 本期视点 cache and by
// the renderer's page-number worker alike: both must build the very document the export prints.
import type { ViewpointPreview } from '../api/contract';
import { LruMap } from '../lruMap';
import type { Article, Issue } from '../model/issue';
import { buildIssueDocument, documentArticle, type DocumentArticle, type IssueDocument, type PageMap } from './issueDocument';

interface Documented {
  /** the article the document form was made from; compared by identity first, then by content */
  article: Article;
  json: string | null;
  place: string;
  doc: DocumentArticle;
}

function contentJson(entry: Documented): string {
  entry.json ??= JSON.stringify(entry.article);
  return entry.json;
}

/** The issue with every body emptied: what the front matter (meta, 本期视点 entries) is built from. */
export function withoutBodies(issue: Issue): Issue {
  return {
    ...issue,
    columns: issue.columns.map((c) => ({ ...c, articles: c.articles.map((a) => ({ ...a, content: { ...a.content, root: { ...a.content.root, children: [] } } })) })),
  };
}

export interface DocumentCache {
  /** The issue's document (as buildIssueDocument makes it), reusing each unchanged article's document form. */
  documentOf(issue: Issue): IssueDocument;
  forget(issueId: string): void;
}

/** Keeps the document forms of the `maxIssues` issues used last. */
export function createDocumentCache(maxIssues = 4): DocumentCache {
  /** per issue: articleId → its document form */
  const documented = new LruMap<string, Map<string, Documented>>(maxIssues);
  return {
    documentOf(issue) {
      const front = buildIssueDocument(withoutBodies(issue));
      const before = documented.peek(issue.id) ?? new Map<string, Documented>();
      const now = new Map<string, Documented>();
      const articles: DocumentArticle[] = [];
      let index = 0;
      for (const column of issue.columns) {
        column.articles.forEach((article, i) => {
          const place = { index: index++, column: column.name, firstInColumn: i === 0 };
          const placeKey = JSON.stringify(place);
          let entry = before.get(article.id);
          if (entry && entry.place === placeKey && entry.article !== article) {
            const json = JSON.stringify(article);
            entry = contentJson(entry) === json ? { ...entry, article, json } : undefined;
          } else if (entry && entry.place !== placeKey) entry = undefined;
          entry ??= { article, json: null, place: placeKey, doc: documentArticle(article, place) };
          now.set(article.id, entry);
          articles.push(entry.doc);
        });
      }
      documented.set(issue.id, now);
      return { ...front, articles };
    },
    forget(issueId) {
      documented.delete(issueId);
    },
  };
}

/** Where the layout put each article's title, and how many pages the issue has. */
export interface SettledPages {
  pageMap: PageMap;
  pageCount: number;
}

/** The 本期视点 preview of a document: its entries as they print, with the settled page numbers (none without a layout). */
export function viewpointPreviewOf(doc: IssueDocument, pages: SettledPages | null): ViewpointPreview {
  return {
    columns: doc.viewpoint.map((c) => ({
      column: c.column,
      entries: c.entries.map((e) => ({
        articleId: e.articleId,
        title: e.title,
        source: e.source,
        summary: e.summary,
        page: pages?.pageMap[e.articleId] ?? null,
      })),
    })),
    pageCount: pages?.pageCount ?? null,
    exact: pages !== null,
  };
}
