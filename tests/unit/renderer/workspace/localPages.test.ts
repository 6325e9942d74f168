// Live page numbers laid out in the renderer's page-number worker (run here in-process, with the
// messages structured-cloned as postMessage does): the numbers are the engine's own, before and
// after edits, and a request carries only the article that changed.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadIssueFromManifest } from '../../../../electron/engine/build/manifest';
import { metricsPack } from '../../../../electron/engine/fonts/metricsPack';
import { settlePageNumbers } from '../../../../electron/engine/pdf/index';
import { buildIssueDocument } from '../../../../shared/document/issueDocument';
import { viewpointPreviewOf } from '../../../../shared/document/liveDocument';
import type { PageLook } from '../../../../shared/layout/livePreview';
import type { Issue } from '../../../../shared/model/issue';
import { createLocalPages, type IdleScheduler, type PagesWorkerLike } from '../../../../renderer/src/workspace/localPages';
import { createPagesHandler } from '../../../../renderer/src/workspace/pagesHandler';
import type { FromWorker, IssueFrame, ToWorker } from '../../../../renderer/src/workspace/pagesProtocol';
import { paragraphsContent, testArticle, withArticleEdited } from '../../../helpers/model';

const SAMPLE = resolve(__dirname, '../../../../resources/sample/manifest.json');

/** A worker running the real handler in this process; `restart()` loses what it holds, as a new worker would. */
function inProcessWorker() {
  let handle: (m: ToWorker) => void;
  let metrics: ToWorker | null = null;
  const worker = {
    posted: [] as ToWorker[],
    terminated: false,
    onmessage: null as PagesWorkerLike['onmessage'],
    onerror: null as PagesWorkerLike['onerror'],
    postMessage(message: ToWorker) {
      worker.posted.push(message);
      if (message.type === 'metrics') metrics = message;
      const copy = structuredClone(message);
      setTimeout(() => handle(copy), 0);
    },
    terminate() {
      worker.terminated = true;
    },
    restart() {
      handle = createPagesHandler((reply: FromWorker) => setTimeout(() => worker.onmessage?.({ data: structuredClone(reply) }), 0));
      if (metrics) handle(structuredClone(metrics));
    },
  };
  worker.restart();
  return worker;
}

/** The 本期视点 the engine gives for the issue (the export's own page numbers). */
function engineView(issue: Issue, look: PageLook) {
  const doc = buildIssueDocument(issue);
  const pages = settlePageNumbers(doc, { pageSize: look.pageSize, bodyFont: look.bodyFont });
  return viewpointPreviewOf(doc, { pageMap: pages.pageMap, pageCount: pages.pageCount });
}

const fullArticles = (m: ToWorker | undefined): string[] =>
  m?.type === 'layout' ? (m.issue as IssueFrame).columns.flatMap((c) => c.articles.filter((a) => 'title' in a).map((a) => (a as { id: string }).id)) : [];

/** The issue with the article at `k` (issue order) given a few pages more of text at its top. */
function lengthened(issue: Issue, k: number, text: string): Issue {
  return withArticleEdited(issue, k, (a) => {
    const extra = paragraphsContent(...Array.from({ length: 24 }, () => text)).root.children;
    return { ...a, content: { ...a.content, root: { ...a.content.root, children: [...extra, ...a.content.root.children] } } };
  });
}

describe('createLocalPages', () => {
  let issue: Issue;
  beforeAll(async () => {
    issue = await loadIssueFromManifest(SAMPLE);
  }, 60_000);

  it('gives the engine’s 本期视点 and page numbers, in both looks', async () => {
    const local = createLocalPages(inProcessWorker(), metricsPack());
    for (const look of [{ pageSize: 'A4', bodyFont: 'serif' }, { pageSize: '16K', bodyFont: 'sans' }] as PageLook[]) {
      const view = await local.layout(issue, look);
      expect(view.exact).toBe(true);
      expect(view.columns.flatMap((c) => c.entries).every((e) => Number.isInteger(e.page))).toBe(true);
      expect(view).toEqual(engineView(issue, look));
    }
  }, 60_000);

  it('follows edits with the engine’s numbers, sending only the edited article', async () => {
    const worker = inProcessWorker();
    const local = createLocalPages(worker, metricsPack());
    const look: PageLook = { pageSize: 'A4', bodyFont: 'serif' };
    const before = await local.layout(issue, look);
    expect(fullArticles(worker.posted.at(-1)).length).toBe(issue.columns.flatMap((c) => c.articles).length);

    const edited = lengthened(issue, 1, '国家医保局持续推进药品集中带量采购常态化制度化开展，第十批集采药品平均降价超过百分之五十。'.repeat(3));
    const after = await local.layout(edited, look);
    expect(fullArticles(worker.posted.at(-1))).toEqual([edited.columns.flatMap((c) => c.articles)[1].id]);
    expect(after).toEqual(engineView(edited, look));
    const pagesOf = (v: typeof before) => v.columns.flatMap((c) => c.entries.map((e) => e.page ?? NaN));
    expect(pagesOf(after)[2]).toBeGreaterThan(pagesOf(before)[2]);
    expect(pagesOf(after).slice(0, 2)).toEqual(pagesOf(before).slice(0, 2));

    // and back: the unchanged issue object again
    expect(await local.layout(issue, look)).toEqual(before);
  }, 60_000);

  it('sends every article again when the worker lost what it held', async () => {
    const worker = inProcessWorker();
    const local = createLocalPages(worker, metricsPack());
    const look: PageLook = { pageSize: 'A4', bodyFont: 'serif' };
    const first = await local.layout(issue, look);
    worker.restart();
    expect(await local.layout(issue, look)).toEqual(first);
    const layouts = worker.posted.filter((m) => m.type === 'layout');
    expect(layouts.map((m) => fullArticles(m).length)).toEqual([first.columns.flatMap((c) => c.entries).length, 0, first.columns.flatMap((c) => c.entries).length]);
  }, 60_000);

  it('fails every waiting and later request once the worker dies, and says so once', async () => {
    const worker = inProcessWorker();
    const onBroken = vi.fn();
    const local = createLocalPages(worker, metricsPack(), { onBroken });
    const waiting = local.layout(issue, { pageSize: 'A4', bodyFont: 'serif' });
    worker.onerror?.({ message: 'Uncaught RangeError: out of memory' });
    await expect(waiting).rejects.toThrow(/page worker failed: Uncaught RangeError/);
    await expect(local.layout(issue, { pageSize: 'A4', bodyFont: 'serif' })).rejects.toThrow(/page worker failed/);
    expect(onBroken).toHaveBeenCalledTimes(1);
    expect(worker.terminated).toBe(true);
  });

  it('rejects a request the worker could not lay out, and lays out the next', async () => {
    const worker = inProcessWorker();
    const local = createLocalPages(worker, metricsPack());
    const [column] = issue.columns;
    const broken = { ...issue, columns: [{ ...column, articles: [{ ...column.articles[0], content: null as never }] }] };
    await expect(local.layout(broken, { pageSize: 'A4', bodyFont: 'serif' })).rejects.toThrow(/page worker: /);
    expect((await local.layout(issue, { pageSize: 'A4', bodyFont: 'serif' })).exact).toBe(true);
  }, 60_000);

  it('lays edits out on this thread once it has laid the issue out in idle time, with the engine’s numbers', async () => {
    // idle periods run by hand; each has room for one article (time is asked before each)
    const periods: Array<Parameters<IdleScheduler>[0]> = [];
    const idle: IdleScheduler = (work) => periods.push(work);
    const onePerPeriod = () => {
      let left = 2;
      return { didTimeout: false, timeRemaining: () => (left-- > 1 ? 10 : 0) };
    };
    const worker = inProcessWorker();
    const local = createLocalPages(worker, metricsPack(), { idle });
    const look: PageLook = { pageSize: 'A4', bodyFont: 'serif' };
    expect(local.layoutNow(issue, look)).toBeNull();

    local.warmUp(issue, look);
    local.warmUp(issue, look); // asked again before it ran: still one idle callback at a time
    expect(periods.length).toBe(1);
    const count = issue.columns.flatMap((c) => c.articles).length;
    let steps = 0;
    while (periods.length > 0) {
      periods.shift()!(onePerPeriod());
      steps++;
      // the first period decodes the metrics, then one article each
      if (steps <= count) expect(local.layoutNow(issue, look)).toBeNull();
    }
    expect(steps).toBe(count + 2); // and the last lays out the issue itself (本期视点, TOC)

    const posted = worker.posted.length;
    const edited = lengthened(issue, 2, '医疗服务价格改革试点稳步推进，价格动态调整机制逐步建立。'.repeat(4));
    expect(local.layoutNow(edited, look)).toEqual(engineView(edited, look));
    expect(local.layoutNow(issue, look)).toEqual(engineView(issue, look));
    expect(worker.posted.length).toBe(posted);

    // an article this thread has not laid out yet: not here (the worker lays it out), until warmed
    const [first, ...rest] = issue.columns;
    const added = { ...issue, columns: [{ ...first, articles: [...first.articles, testArticle('new-1', '新加入的文章', { content: paragraphsContent('第一段。'.repeat(300)) })] }, ...rest] };
    expect(local.layoutNow(added, look)).toBeNull();
    local.warmUp(added, look);
    periods.shift()!({ didTimeout: true, timeRemaining: () => 0 }); // a forced period: one article
    expect(local.layoutNow(added, look)).toEqual(engineView(added, look));
  }, 60_000);

  it('lays out one article in an idle period the browser forced after its timeout, and goes on in the next', () => {
    const periods: Array<Parameters<IdleScheduler>[0]> = [];
    const local = createLocalPages(inProcessWorker(), metricsPack(), { idle: (work) => periods.push(work) });
    const look: PageLook = { pageSize: 'A4', bodyFont: 'serif' };
    local.warmUp(issue, look);
    const forced = { didTimeout: true, timeRemaining: () => 0 };
    let n = 0;
    while (periods.length > 0) {
      periods.shift()!(forced);
      n++;
    }
    expect(n).toBe(1 + issue.columns.flatMap((c) => c.articles).length + 1);
    expect(local.layoutNow(issue, look)).toEqual(engineView(issue, look));
  }, 60_000);
});
