// 复制到当前期刊: where a found article goes in the issue being edited — the column of the same
// name, else the first — and the copy itself (a new id; the same title, 来源, body and 提要).
import type { Article, Issue } from '../../../shared/model/issue';
import { findArticle } from '../workspace/issueOps';

export type CopyPlan =
  | { ok: true; columnId: string; columnName: string; article: Article }
  | { ok: false; messageZh: string };

export function planCopy(source: Issue, articleId: string, target: Issue, newId: string): CopyPlan {
  const found = findArticle(source, articleId);
  if (!found) return { ok: false, messageZh: '这篇文章已不在原来的期刊中，可能已被删除。' };
  const column = target.columns.find((c) => c.name === found.column.name) ?? target.columns[0];
  if (!column) return { ok: false, messageZh: '当前期刊还没有栏目，请先新建栏目。' };
  const already = target.columns.some((c) => c.articles.some((a) => a.title === found.article.title && a.source === found.article.source));
  if (already) return { ok: false, messageZh: `当前期刊已有“${found.article.title}”。` };
  return { ok: true, columnId: column.id, columnName: column.name, article: { ...structuredClone(found.article), id: newId } };
}
