import { describe, expect, it } from 'vitest';
import { planSave } from '../../../renderer/src/workspace/savePlan';
import { issueSchema, type Article, type Issue } from '../../../shared/model/issue';

function article(id: string, title: string): Article {
  return {
    id,
    title,
    source: '健康报',
    author: null,
    url: null,
    clippedAt: null,
    content: { root: { type: 'root', version: 1, children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: `${title}正文`, format: 0 }] }] } },
    summary: '',
    summaryEdited: false,
  };
}

const saved: Issue = issueSchema.parse({
  id: '2024-W47',
  meta: { isoWeek: '2024-W47', issueNumber: '2024年第47期', dateRange: '2024.11.18—2024.11.24', tags: ['医保'] },
  columns: [
    { id: 'c-1', name: '政策聚焦', articles: [article('a-1', '医保目录'), article('a-2', '集采')] },
    { id: 'c-2', name: '专家观点', articles: [article('a-3', '创新药')] },
  ],
});

function withArticle(issue: Issue, columnIndex: number, articleIndex: number, edit: (a: Article) => Article): Issue {
  return {
    ...issue,
    columns: issue.columns.map((c, i) =>
      i === columnIndex ? { ...c, articles: c.articles.map((a, j) => (j === articleIndex ? edit(a) : a)) } : c,
    ),
  };
}

describe('planSave', () => {
  it('sends nothing when nothing changed, even for an equal copy (a restored draft)', () => {
    expect(planSave(saved, saved)).toEqual({ kind: 'none' });
    expect(planSave(saved, structuredClone(saved))).toEqual({ kind: 'none' });
  });

  it('sends only the edited article with its column', () => {
    const next = withArticle(saved, 1, 0, (a) => ({ ...a, summary: '新的提要' }));
    expect(planSave(saved, next)).toEqual({ kind: 'articles', items: [{ columnId: 'c-2', article: next.columns[1].articles[0] }] });
  });

  it('sends each edited article when several changed', () => {
    const next = withArticle(withArticle(saved, 0, 1, (a) => ({ ...a, title: '集采新规' })), 1, 0, (a) => ({ ...a, source: '人民日报' }));
    const plan = planSave(saved, next);
    expect(plan.kind).toBe('articles');
    expect(plan.kind === 'articles' && plan.items.map((i) => [i.columnId, i.article.id])).toEqual([
      ['c-1', 'a-2'],
      ['c-2', 'a-3'],
    ]);
  });

  it('sends the issue when an article moved between columns or changed order', () => {
    const moved: Issue = {
      ...saved,
      columns: [
        { ...saved.columns[0], articles: [saved.columns[0].articles[0]] },
        { ...saved.columns[1], articles: [saved.columns[0].articles[1], ...saved.columns[1].articles] },
      ],
    };
    expect(planSave(saved, moved)).toEqual({ kind: 'issue' });
    const reordered: Issue = { ...saved, columns: [{ ...saved.columns[0], articles: [...saved.columns[0].articles].reverse() }, saved.columns[1]] };
    expect(planSave(saved, reordered)).toEqual({ kind: 'issue' });
  });

  it('sends the issue when a column is renamed, added or removed, or the meta changed', () => {
    expect(planSave(saved, { ...saved, columns: [{ ...saved.columns[0], name: '政策' }, saved.columns[1]] })).toEqual({ kind: 'issue' });
    expect(planSave(saved, { ...saved, columns: saved.columns.slice(1) })).toEqual({ kind: 'issue' });
    expect(planSave(saved, { ...saved, meta: { ...saved.meta, readingNote: '本期导读' } })).toEqual({ kind: 'issue' });
  });

  it('sends the issue when nothing is known to be saved yet', () => {
    expect(planSave(null, saved)).toEqual({ kind: 'issue' });
  });
});
