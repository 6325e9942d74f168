// The page-number worker's framing: a request carries in full only the articles the worker does
// not hold (new objects since the last request); the worker fills the others in from what it holds.
import { describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../../../shared/model/issue';
import { frameIssue, unframeIssue, type IssueFrame } from '../../../../renderer/src/workspace/pagesProtocol';
import { issueMeta2024W47, paragraphsContent, testArticle } from '../../../helpers/model';

function issueOf(...columns: Array<[string, Article[]]>): Issue {
  return { id: 'i1', meta: issueMeta2024W47(), columns: columns.map(([name, articles], k) => ({ id: `c${k}`, name, articles })) } as Issue;
}

const full = (frame: IssueFrame): string[] => frame.columns.flatMap((c) => c.articles.filter((a): a is Article => 'title' in a).map((a) => a.id));
const heldIds = (frame: IssueFrame): string[] => frame.columns.flatMap((c) => c.articles.filter((a) => 'held' in a).map((a) => (a as { held: string }).held));

describe('frameIssue / unframeIssue', () => {
  const a = testArticle('a', '甲', { content: paragraphsContent('第一段。') });
  const b = testArticle('b', '乙');
  const c = testArticle('c', '丙');

  it('sends every article the first time, then only the ones replaced since', () => {
    const sent = new Map<string, Article>();
    const first = frameIssue(issueOf(['专家观点', [a, b]], ['医保快讯', [c]]), sent);
    expect(full(first)).toEqual(['a', 'b', 'c']);
    const a2 = { ...a, content: paragraphsContent('第一段，改过了。') };
    const second = frameIssue(issueOf(['专家观点', [a2, b]], ['医保快讯', [c]]), sent);
    expect(full(second)).toEqual(['a']);
    expect(heldIds(second)).toEqual(['b', 'c']);
    expect(sent.get('a')).toBe(a2);
  });

  it('round-trips: the worker rebuilds the very issue the editor has, through several requests', () => {
    const sent = new Map<string, Article>();
    const held = new Map<string, Article>();
    let issue = issueOf(['专家观点', [a, b]], ['医保快讯', [c]]);
    for (const next of [
      issue,
      issueOf(['专家观点', [b, a]], ['医保快讯', [c]]), // moved within a column: nothing new to send
      issueOf(['专家观点', [b]], ['医保快讯', [c, { ...a, title: '甲（改）' }]]), // moved across and edited
      issueOf(['专家观点', []], ['医保快讯', [c]]), // removed
    ]) {
      issue = next;
      const back = unframeIssue(structuredClone(frameIssue(issue, sent)), held);
      expect(back).toEqual({ issue });
      expect([...held.keys()].sort()).toEqual([...sent.keys()].sort());
    }
    expect([...held.keys()]).toEqual(['c']);
  });

  it('names the article the worker does not hold, and leaves what it holds as it was', () => {
    const sent = new Map<string, Article>([['b', b]]);
    const held = new Map<string, Article>([['a', a]]);
    const out = unframeIssue(frameIssue(issueOf(['专家观点', [a, b]]), sent), held);
    expect(out).toEqual({ missing: 'b' });
    expect([...held.keys()]).toEqual(['a']);
  });
});
