import { describe, expect, it } from 'vitest';
import { emptyEditorState } from '../../../shared/content/lexicalJson';
import type { Article, Issue } from '../../../shared/model/issue';
import {
  addArticles,
  addColumn,
  COMMON_COLUMNS,
  findArticle,
  moveArticle,
  neighbourOf,
  removeArticle,
  removeColumn,
  renameColumn,
  shiftColumn,
  suggestColumnNames,
  updateArticle,
} from '../../../renderer/src/workspace/issueOps';
import { issueMeta2024W47 } from '../../helpers/model';

function article(id: string, title = id): Article {
  return { id, title, source: '健康报', author: null, url: null, clippedAt: null, content: emptyEditorState(), summary: '', summaryEdited: false };
}

const issue: Issue = {
  id: '2024-W47',
  meta: issueMeta2024W47(),
  columns: [
    { id: 'c1', name: '分析解读', articles: [article('a1'), article('a2')] },
    { id: 'c2', name: '专家观点', articles: [article('a3')] },
    { id: 'c3', name: '国际视野', articles: [] },
  ],
};

const layout = (i: Issue) => i.columns.map((c) => `${c.name}:${c.articles.map((a) => a.id).join(',')}`);

describe('moveArticle', () => {
  it('moves an article into another column at a position', () => {
    expect(layout(moveArticle(issue, 'a1', 'c2', 0))).toEqual(['分析解读:a2', '专家观点:a1,a3', '国际视野:']);
    expect(layout(moveArticle(issue, 'a1', 'c2', 1))).toEqual(['分析解读:a2', '专家观点:a3,a1', '国际视野:']);
  });

  it('reorders inside a column and clamps the index', () => {
    expect(layout(moveArticle(issue, 'a1', 'c1', 99))).toEqual(['分析解读:a2,a1', '专家观点:a3', '国际视野:']);
    expect(layout(moveArticle(issue, 'a2', 'c1', -3))).toEqual(['分析解读:a2,a1', '专家观点:a3', '国际视野:']);
  });

  it('moves into an empty column and leaves the input untouched', () => {
    const moved = moveArticle(issue, 'a3', 'c3', 0);
    expect(layout(moved)).toEqual(['分析解读:a1,a2', '专家观点:', '国际视野:a3']);
    expect(layout(issue)).toEqual(['分析解读:a1,a2', '专家观点:a3', '国际视野:']);
  });

  it('ignores unknown articles and columns', () => {
    expect(moveArticle(issue, 'zz', 'c1', 0)).toBe(issue);
    expect(moveArticle(issue, 'a1', 'zz', 0)).toBe(issue);
  });
});

describe('columns', () => {
  it('adds, renames (trimmed, never empty), shifts and removes', () => {
    let i = addColumn(issue, { id: 'c4', name: '医保速递' });
    expect(i.columns.map((c) => c.name)).toEqual(['分析解读', '专家观点', '国际视野', '医保速递']);
    i = renameColumn(i, 'c4', '  医保快讯 ');
    expect(i.columns[3].name).toBe('医保快讯');
    expect(renameColumn(i, 'c4', '   ')).toBe(i);
    i = shiftColumn(i, 'c4', -1);
    expect(i.columns.map((c) => c.id)).toEqual(['c1', 'c2', 'c4', 'c3']);
    expect(shiftColumn(i, 'c1', -1)).toBe(i);
    expect(shiftColumn(i, 'c3', 1)).toBe(i);
    expect(removeColumn(i, 'c1').columns.map((c) => c.id)).toEqual(['c2', 'c4', 'c3']);
  });

  it('suggests earlier and common names not used in this issue', () => {
    const names = suggestColumnNames(issue, ['医保速递', '专家观点', '医保速递'], COMMON_COLUMNS);
    expect(names[0]).toBe('医保速递');
    expect(names).not.toContain('专家观点');
    expect(names).not.toContain('分析解读');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('articles', () => {
  it('updates, finds, adds and removes', () => {
    let i = updateArticle(issue, 'a2', { summary: '提要', summaryEdited: true });
    expect(findArticle(i, 'a2')).toMatchObject({ columnIndex: 0, index: 1, article: { summary: '提要', summaryEdited: true } });
    expect(findArticle(issue, 'a2')?.article.summary).toBe('');
    i = addArticles(i, 'c3', [article('a4'), article('a5')]);
    expect(layout(i)[2]).toBe('国际视野:a4,a5');
    i = removeArticle(i, 'a4');
    expect(layout(i)[2]).toBe('国际视野:a5');
    expect(findArticle(i, 'a4')).toBeNull();
  });

  it('picks the next article in reading order after a removal', () => {
    expect(neighbourOf(issue, 'a2')).toBe('a3');
    expect(neighbourOf(issue, 'a3')).toBe('a2');
    const single = { ...issue, columns: [{ id: 'c', name: 'x', articles: [article('only')] }] };
    expect(neighbourOf(single, 'only')).toBeNull();
  });
});
