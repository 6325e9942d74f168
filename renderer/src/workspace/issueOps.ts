// Pure edits of an Issue held in the workspace: each returns a new Issue, the input is untouched.
import type { Article, Column, Issue } from '../../../shared/model/issue';

export interface ArticleLocation {
  column: Column;
  columnIndex: number;
  article: Article;
  index: number;
}

export function findArticle(issue: Issue, articleId: string): ArticleLocation | null {
  for (const [columnIndex, column] of issue.columns.entries()) {
    const index = column.articles.findIndex((a) => a.id === articleId);
    if (index >= 0) return { column, columnIndex, article: column.articles[index], index };
  }
  return null;
}

/** Move an article to `toIndex` in column `toColumnId` (index counted after it left its old place). */
export function moveArticle(issue: Issue, articleId: string, toColumnId: string, toIndex: number): Issue {
  const from = findArticle(issue, articleId);
  if (!from || !issue.columns.some((c) => c.id === toColumnId)) return issue;
  const columns = issue.columns.map((c) => ({ ...c, articles: c.articles.filter((a) => a.id !== articleId) }));
  const target = columns.find((c) => c.id === toColumnId)!;
  const at = Math.max(0, Math.min(toIndex, target.articles.length));
  target.articles.splice(at, 0, from.article);
  return { ...issue, columns };
}

export function addColumn(issue: Issue, column: { id: string; name: string }): Issue {
  return { ...issue, columns: [...issue.columns, { id: column.id, name: column.name, articles: [] }] };
}

export function renameColumn(issue: Issue, columnId: string, name: string): Issue {
  const trimmed = name.trim();
  if (!trimmed) return issue;
  return { ...issue, columns: issue.columns.map((c) => (c.id === columnId ? { ...c, name: trimmed } : c)) };
}

export function removeColumn(issue: Issue, columnId: string): Issue {
  return { ...issue, columns: issue.columns.filter((c) => c.id !== columnId) };
}

/** Move a column up (-1) or down (+1). */
export function shiftColumn(issue: Issue, columnId: string, delta: -1 | 1): Issue {
  const i = issue.columns.findIndex((c) => c.id === columnId);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= issue.columns.length) return issue;
  const columns = [...issue.columns];
  [columns[i], columns[j]] = [columns[j], columns[i]];
  return { ...issue, columns };
}

export function updateArticle(issue: Issue, articleId: string, patch: Partial<Omit<Article, 'id'>>): Issue {
  return {
    ...issue,
    columns: issue.columns.map((c) =>
      c.articles.some((a) => a.id === articleId) ? { ...c, articles: c.articles.map((a) => (a.id === articleId ? { ...a, ...patch } : a)) } : c,
    ),
  };
}

export function addArticles(issue: Issue, columnId: string, articles: Article[]): Issue {
  return { ...issue, columns: issue.columns.map((c) => (c.id === columnId ? { ...c, articles: [...c.articles, ...articles] } : c)) };
}

export function removeArticle(issue: Issue, articleId: string): Issue {
  return { ...issue, columns: issue.columns.map((c) => ({ ...c, articles: c.articles.filter((a) => a.id !== articleId) })) };
}

/** The article after removing one: the next in reading order, else the previous, else none. */
export function neighbourOf(issue: Issue, articleId: string): string | null {
  const order = issue.columns.flatMap((c) => c.articles.map((a) => a.id));
  const i = order.indexOf(articleId);
  if (i < 0) return order[0] ?? null;
  return order[i + 1] ?? order[i - 1] ?? null;
}

/** Column names to offer: this issue's names are already taken, the archive's others are suggestions. */
export function suggestColumnNames(issue: Issue, archiveNames: string[], defaults: readonly string[]): string[] {
  const taken = new Set(issue.columns.map((c) => c.name));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of [...archiveNames, ...defaults]) {
    if (taken.has(name) || seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

export const COMMON_COLUMNS = [
  '专家观点', '分析解读', '地方动态', '地方精彩', '医院管理', '院长说', '医保快讯', '医保速递', '医药速递',
  '医疗速递', '医药专栏', '中医药动态', '智慧医疗', '行业报告', '国际视野', '他山之石', 'SPD 管理',
] as const;
