import { describe, expect, it } from 'vitest';
import { planCopy } from '../../../renderer/src/search/copyArticle';
import { issueSchema, type Article, type Issue } from '../../../shared/model/issue';
import { paragraphsContent, testArticle } from '../../helpers/model';

function article(id: string, title: string, source = '健康报'): Article {
  return testArticle(id, title, { source, content: paragraphsContent(`${title}正文`), summary: `${title}的提要`, summaryEdited: true });
}

function issue(id: string, columns: Array<[string, string, Article[]]>): Issue {
  return issueSchema.parse({
    id,
    meta: { isoWeek: id, issueNumber: id, dateRange: '', tags: [] },
    columns: columns.map(([cid, name, articles]) => ({ id: cid, name, articles })),
  });
}

const old = issue('2024-W47', [
  ['c-1', '政策聚焦', [article('a-1', '医保目录调整')]],
  ['c-2', '专家观点', [article('a-2', '雷海潮：以基层为重点')]],
]);

describe('planCopy', () => {
  it('puts the copy in the column of the same name, with a new id and everything else kept', () => {
    const target = issue('2024-W48', [
      ['n-1', '政策聚焦', []],
      ['n-2', '专家观点', [article('b-1', '另一篇')]],
    ]);
    const plan = planCopy(old, 'a-2', target, 'a-new');
    expect(plan).toMatchObject({ ok: true, columnId: 'n-2', columnName: '专家观点' });
    if (!plan.ok) return;
    expect(plan.article).toEqual({ ...old.columns[1].articles[0], id: 'a-new' });
    expect(plan.article.content).not.toBe(old.columns[1].articles[0].content);
  });

  it('falls back to the first column when the issue has none of that name', () => {
    const target = issue('2024-W48', [['n-9', '医疗速递', []]]);
    expect(planCopy(old, 'a-1', target, 'x')).toMatchObject({ ok: true, columnId: 'n-9', columnName: '医疗速递' });
  });

  it('explains in Chinese when it cannot copy', () => {
    expect(planCopy(old, 'a-1', issue('2024-W48', []), 'x')).toEqual({ ok: false, messageZh: '当前期刊还没有栏目，请先新建栏目。' });
    expect(planCopy(old, 'gone', issue('2024-W48', [['n-1', '政策聚焦', []]]), 'x')).toMatchObject({ ok: false, messageZh: expect.stringContaining('已不在') });
    const hasIt = issue('2024-W48', [['n-1', '政策聚焦', [article('z', '医保目录调整')]]]);
    expect(planCopy(old, 'a-1', hasIt, 'x')).toEqual({ ok: false, messageZh: '当前期刊已有“医保目录调整”。' });
  });
});
