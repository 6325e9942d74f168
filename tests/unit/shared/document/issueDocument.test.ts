import { describe, expect, it } from 'vitest';
import { ANCHORS, buildIssueDocument } from '../../../../shared/document/issueDocument';
import { issueSchema, type Article } from '../../../../shared/model/issue';
import { testArticle } from '../../../helpers/model';

const article = (id: string, title: string, source = '国家医疗保障局'): Article => testArticle(id, title, { source, summary: `${title}的提要。` });

const issue = issueSchema.parse({
  id: '2024-W47',
  meta: { isoWeek: '2024-W47', issueNumber: '2024年第47期', dateRange: '2024.11.18-2024.11.24', readingNote: '阅读提醒：请按页码阅读。' },
  columns: [
    { id: 'c1', name: '分析解读', articles: [article('x1', '推动一站式结算'), article('x2', '医保信息化')] },
    { id: 'c2', name: '空栏目', articles: [] },
    { id: 'c3', name: '专家观点', articles: [article('x3', '分级诊疗', '')] },
  ],
});

describe('buildIssueDocument', () => {
  const doc = buildIssueDocument(issue);

  it('lists viewpoint entries per non-empty column, in order', () => {
    expect(doc.viewpoint.map((c) => c.column)).toEqual(['分析解读', '专家观点']);
    expect(doc.viewpoint[0].entries.map((e) => e.title)).toEqual(['推动一站式结算', '医保信息化']);
  });

  it('gives every article a unique Word-safe anchor shared by viewpoint and article', () => {
    const anchors = doc.articles.map((a) => a.anchor);
    expect(new Set(anchors).size).toBe(3);
    for (const a of anchors) expect(a).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    expect(doc.viewpoint.flatMap((c) => c.entries.map((e) => e.anchor))).toEqual(anchors);
    expect(anchors[0]).toBe(ANCHORS.article(0));
  });

  it('marks the first article of each column', () => {
    expect(doc.articles.map((a) => a.firstInColumn)).toEqual([true, false, true]);
  });

  it('wraps the reading note in full-width brackets exactly once', () => {
    expect(doc.readingNote).toBe('（阅读提醒：请按页码阅读。）');
  });
});
