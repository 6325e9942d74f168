// What an autosave has to send: only the articles whose fields changed (`articles:save`), or the
// whole issue when its shape changed (columns, order, moves, meta). Typing in one article then
// costs one article on the wire, not the issue.
import type { Article, Issue } from '../../../shared/model/issue';

export type SavePlan =
  | { kind: 'none' }
  | { kind: 'articles'; items: Array<{ columnId: string; article: Article }> }
  | { kind: 'issue' };

function same<T>(a: T, b: T): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Columns and articles in the same places, with the same names and ids. */
function sameShape(saved: Issue, next: Issue): boolean {
  if (saved.id !== next.id || saved.columns.length !== next.columns.length) return false;
  return next.columns.every((column, i) => {
    const before = saved.columns[i];
    if (before.id !== column.id || before.name !== column.name || before.articles.length !== column.articles.length) return false;
    return column.articles.every((article, j) => before.articles[j].id === article.id);
  });
}

/** `saved` is what the engine holds; `next` is what the editor sees now. */
export function planSave(saved: Issue | null, next: Issue): SavePlan {
  if (saved === next) return { kind: 'none' };
  if (!saved || !sameShape(saved, next)) return { kind: 'issue' };
  const { columns: savedColumns, ...savedRest } = saved;
  const { columns: nextColumns, ...nextRest } = next;
  if (!same(savedRest, nextRest)) return { kind: 'issue' };
  const items: Array<{ columnId: string; article: Article }> = [];
  nextColumns.forEach((column, i) => {
    column.articles.forEach((article, j) => {
      if (!same(savedColumns[i].articles[j], article)) items.push({ columnId: column.id, article });
    });
  });
  return items.length > 0 ? { kind: 'articles', items } : { kind: 'none' };
}
