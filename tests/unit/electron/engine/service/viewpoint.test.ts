// The 本期视点 preview's per-issue document: unsaved drafts laid over the saved issue, saves patched
// in without reading the issue back, unchanged articles handed to the layout as the same objects.
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../../electron/engine/service/dispatch';
import { createMemoryStore } from '../../../../../electron/engine/service/memoryStore';
import { createService } from '../../../../../electron/engine/service/service';
import type { Engines } from '../../../../../electron/engine/service/engines';
import { createViewpointCache, overlayDrafts } from '../../../../../electron/engine/service/viewpoint';
import { buildIssueDocument, type IssueDocument } from '../../../../../shared/document/issueDocument';
import { isUserFacingError } from '../../../../../shared/errors';
import { issueSchema, type Article, type Issue } from '../../../../../shared/model/issue';
import { fakeEngines, paragraphs } from './fakes';

function article(id: string, title: string, ...body: string[]): Article {
  return { id, title, source: '健康报', author: null, url: null, clippedAt: null, content: paragraphs(...body), summary: `${title}的提要。`, summaryEdited: false };
}

const issue: Issue = issueSchema.parse({
  id: '2024-W47',
  meta: { isoWeek: '2024-W47', issueNumber: '2024年第47期', dateRange: '2024.11.18-2024.11.24', tags: ['医保'] },
  columns: [
    { id: 'c-policy', name: '政策聚焦', articles: [article('a-1', '新版医保药品目录公布', '国家医保局公布新版目录。'), article('a-2', '集采药品落地', '第十批集采药品开始供应。')] },
    { id: 'c-empty', name: '空栏目', articles: [] },
    { id: 'c-view', name: '专家观点', articles: [article('a-3', '谈按病组付费', '按病组付费改革进入深水区。')] },
  ],
});

/** A layout stand-in: each article takes one page per paragraph; it records the documents it got. */
function recordingEngines() {
  const docs: IssueDocument[] = [];
  const engines: Engines = fakeEngines({
    settlePages: async (doc) => {
      docs.push(doc);
      const pageMap: Record<string, number> = {};
      let page = 3;
      for (const a of doc.articles) {
        pageMap[a.id] = page;
        page += a.blocks.length;
      }
      return { pageCount: page, pageMap };
    },
  });
  return { engines, docs };
}

const look = { pageSize: 'A4', bodyFont: 'serif' } as const;
const log = (): void => {};
const pagesOf = (p: { columns: Array<{ entries: Array<{ articleId: string; page: number | null }> }> }) =>
  Object.fromEntries(p.columns.flatMap((c) => c.entries.map((e) => [e.articleId, e.page])));

function withBody(a: Article, ...body: string[]): Article {
  return { ...a, content: paragraphs(...body) };
}

describe('overlayDrafts', () => {
  it('puts each draft in its article’s place and leaves the other articles as they are', () => {
    const draft = withBody(issue.columns[0].articles[1], '一', '二');
    const out = overlayDrafts(issue, [{ columnId: 'c-policy', article: draft }]);
    expect(out.columns[0].articles[1]).toBe(draft);
    expect(out.columns[0].articles[0]).toBe(issue.columns[0].articles[0]);
    expect(out.columns[2]).toBe(issue.columns[2]);
    expect(overlayDrafts(issue, [])).toBe(issue);
  });

  it('refuses a draft whose article is not in that column of the saved issue, with a Chinese message', () => {
    const e = (() => {
      try {
        overlayDrafts(issue, [{ columnId: 'c-view', article: issue.columns[0].articles[0] }]);
      } catch (err) {
        return err;
      }
    })();
    expect(isUserFacingError(e) && e.code).toBe('viewpoint-draft-stale');
    expect(isUserFacingError(e) && e.messageZh).toContain('页码暂未更新');
  });
});

describe('createViewpointCache', () => {
  it('lays out the saved issue with the drafts over it: the same document buildIssueDocument makes', async () => {
    const { engines, docs } = recordingEngines();
    const cache = createViewpointCache(engines, async () => issue);
    const draft = withBody(issue.columns[0].articles[0], '第一段', '第二段', '第三段');
    const preview = await cache.preview(issue.id, [{ columnId: 'c-policy', article: draft }], look, log);
    expect(docs.at(-1)).toEqual(buildIssueDocument(overlayDrafts(issue, [{ columnId: 'c-policy', article: draft }])));
    expect(pagesOf(preview)).toEqual({ 'a-1': 3, 'a-2': 6, 'a-3': 7 });
    expect(preview.columns.map((c) => c.column)).toEqual(['政策聚焦', '专家观点']);
  });

  it('hands the layout the same article objects for what did not change, and lays out an unchanged request once', async () => {
    const { engines, docs } = recordingEngines();
    let loads = 0;
    const cache = createViewpointCache(engines, async () => {
      loads++;
      return issue;
    });
    await cache.preview(issue.id, [], look, log);
    const draft = withBody(issue.columns[2].articles[0], '改写后的正文', '新增一段');
    await cache.preview(issue.id, [{ columnId: 'c-view', article: draft }], look, log);
    const [first, second] = docs;
    expect(second.articles[0]).toBe(first.articles[0]);
    expect(second.articles[1]).toBe(first.articles[1]);
    expect(second.articles[2]).not.toBe(first.articles[2]);
    // the same draft again (a new object with the same content, as a new request parses it): no new layout
    await cache.preview(issue.id, [{ columnId: 'c-view', article: structuredClone(draft) }], look, log);
    expect(docs).toHaveLength(2);
    expect(loads).toBe(1);
  });

  it('follows saves without reading the issue back, and never keeps a read that raced a save', async () => {
    const { engines, docs } = recordingEngines();
    let release: (i: Issue) => void = () => {};
    let loads = 0;
    const cache = createViewpointCache(engines, () => {
      loads++;
      return new Promise<Issue>((r) => (release = r));
    });
    const racing = cache.preview(issue.id, [], look, log);
    const saved = withBody(issue.columns[0].articles[1], '保存后的第一段', '第二段');
    cache.articleSaved(issue.id, 'c-policy', saved); // lands while the read is out
    release(issue);
    await racing;
    const after = cache.preview(issue.id, [], look, log);
    release(overlayDrafts(issue, [{ columnId: 'c-policy', article: saved }]));
    expect(pagesOf(await after)).toEqual({ 'a-1': 3, 'a-2': 4, 'a-3': 6 });
    expect(loads).toBe(2);

    // from now on saves patch the kept issue: no more reads
    cache.articleSaved(issue.id, 'c-view', withBody(issue.columns[2].articles[0], '一', '二', '三'));
    cache.metaSaved(issue.id, { ...issue.meta, title: '医周药事（改）' });
    const patched = await cache.preview(issue.id, [], look, log);
    expect(pagesOf(patched)).toEqual({ 'a-1': 3, 'a-2': 4, 'a-3': 6 });
    expect(docs.at(-1)?.articles[2].blocks).toHaveLength(3);
    expect(docs.at(-1)?.meta.title).toBe('医周药事（改）');
    expect(loads).toBe(2);
  });

  it('reads the issue again after a save it cannot patch (an article saved into another column) or a removal', async () => {
    const { engines } = recordingEngines();
    let loads = 0;
    const cache = createViewpointCache(engines, async () => {
      loads++;
      return issue;
    });
    await cache.preview(issue.id, [], look, log);
    cache.articleSaved(issue.id, 'c-view', issue.columns[0].articles[0]);
    await cache.preview(issue.id, [], look, log);
    expect(loads).toBe(2);
    cache.forget(issue.id);
    await cache.preview(issue.id, [], look, log);
    expect(loads).toBe(3);
  });
});

describe('issues:viewpointDraft', () => {
  it('gives page numbers for the unsaved draft, saves nothing, and agrees with issues:viewpoint once the draft is saved', async () => {
    const { engines } = recordingEngines();
    const store = createMemoryStore();
    const handlers = createService({ store, engines });
    await handlers.issues.save(issue);
    const draft = withBody(issue.columns[0].articles[0], '一', '二', '三', '四');
    const live = await handlers.issues.viewpointDraft({ id: issue.id, drafts: [{ columnId: 'c-policy', article: draft }] });
    expect(pagesOf(live)).toEqual({ 'a-1': 3, 'a-2': 7, 'a-3': 8 });
    expect((await store.getIssue(issue.id))?.columns[0].articles[0].content).toEqual(issue.columns[0].articles[0].content);
    expect(pagesOf(await handlers.issues.viewpoint({ id: issue.id }))).toEqual({ 'a-1': 3, 'a-2': 4, 'a-3': 5 });

    await handlers.articles.save({ issueId: issue.id, columnId: 'c-policy', article: draft });
    expect(await handlers.issues.viewpoint({ id: issue.id })).toEqual(live);
  });

  it('checks drafts against the contract and answers a stale one in Chinese', async () => {
    const handlers = createService({ store: createMemoryStore(), engines: recordingEngines().engines });
    const dispatch = createDispatch(handlers);
    await handlers.issues.save(issue);
    const bad = await dispatch('issues:viewpointDraft', { id: issue.id, drafts: [{ columnId: 'c-policy', article: { id: 'a-1', title: 3 } }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(!bad.ok && bad.error.messageZh).toMatch(/^请求内容有误/);
    const stale = await dispatch('issues:viewpointDraft', { id: issue.id, drafts: [{ columnId: 'c-view', article: issue.columns[0].articles[0] }] });
    expect(stale).toEqual({ ok: false, error: { code: 'viewpoint-draft-stale', messageZh: '页码暂未更新：文章的位置还没有保存，保存后会自动更新。' } });
    const missing = await dispatch('issues:viewpointDraft', { id: 'nope', drafts: [] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'issue-not-found' } });
  });
});
