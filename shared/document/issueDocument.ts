// The issue as every exporter sees it: cover, 本期视点, TOC, articles, back cover.
// Built from the Issue model (pure); page numbers come separately as a PageMap,
// settled by the PDF layout (fixed point) or written as PAGEREF fields by DOCX.
import type { Block } from '../content/blocks';
import { toBlocks } from '../content/walker';
import { DEFAULT_READING_NOTE, type Article, type Issue, type IssueMeta } from '../model/issue';

export interface ViewpointEntry {
  articleId: string;
  /** destination / bookmark name of the article's title */
  anchor: string;
  title: string;
  source: string;
  summary: string;
}

export interface ViewpointColumn {
  column: string;
  entries: ViewpointEntry[];
}

export interface DocumentArticle {
  id: string;
  anchor: string;
  column: string;
  /** true for the first article of a column: the column header is printed above its title */
  firstInColumn: boolean;
  title: string;
  source: string;
  author: string | null;
  blocks: Block[];
}

export interface IssueDocument {
  meta: IssueMeta;
  readingNote: string;
  viewpoint: ViewpointColumn[];
  articles: DocumentArticle[];
}

/** articleId → 1-based page on which the article's title is printed */
export type PageMap = Record<string, number>;

/** Named destinations / bookmarks: ASCII, ≤ 40 chars, start with a letter (Word's bookmark rules). */
export const ANCHORS = {
  viewpoint: 'viewpoint',
  toc: 'toc',
  article: (index: number): string => `art_${String(index + 1).padStart(3, '0')}`,
} as const;

export const LABELS = {
  viewpointHeading: '——本期视点——',
  tocHeading: '目　录',
  articlesHeading: '本期内容',
  summaryMark: '【提要】',
  backToContents: '返回目录',
  columnHeader: (name: string): string => `· ${name} ·`,
  sourceLine: (source: string): string => `来源：${source}`,
  authorLine: (author: string): string => `作者 | ${author}`,
  viewpointSource: (source: string): string => (source ? `（来源：${source}）` : ''),
  pageRef: (page: number | string): string => `——第 ${page} 页`,
} as const;

/** Where an article stands in the issue: its number across columns (its anchor), its column, whether it opens it. */
export interface ArticlePlace {
  index: number;
  column: string;
  firstInColumn: boolean;
}

/** One article as the document holds it. The layout memoises articles by this object: same fields, same order. */
export function documentArticle(article: Article, place: ArticlePlace): DocumentArticle {
  return {
    id: article.id,
    anchor: ANCHORS.article(place.index),
    column: place.column,
    firstInColumn: place.firstInColumn,
    title: article.title,
    source: article.source,
    author: article.author,
    blocks: toBlocks(article.content),
  };
}

/** An article's entry in 本期视点. */
export function viewpointEntry(article: Article, documented: DocumentArticle): ViewpointEntry {
  return { articleId: article.id, anchor: documented.anchor, title: article.title, source: article.source, summary: article.summary };
}

export function buildIssueDocument(issue: Issue): IssueDocument {
  const viewpoint: ViewpointColumn[] = [];
  const articles: DocumentArticle[] = [];
  let index = 0;
  for (const column of issue.columns) {
    if (column.articles.length === 0) continue;
    const entries: ViewpointEntry[] = [];
    column.articles.forEach((article, i) => {
      const documented = documentArticle(article, { index: index++, column: column.name, firstInColumn: i === 0 });
      entries.push(viewpointEntry(article, documented));
      articles.push(documented);
    });
    viewpoint.push({ column: column.name, entries });
  }
  return {
    meta: issue.meta,
    readingNote: `（${(issue.meta.readingNote || DEFAULT_READING_NOTE).replace(/^（|）$/g, '')}）`,
    viewpoint,
    articles,
  };
}
