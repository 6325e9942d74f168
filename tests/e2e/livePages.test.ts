// Live page numbers (issue #10): the column tree shows where each article's title will print, the
// 本期视点 preview shows the same numbers, and both move when an edit pushes later articles down.
// The page lays them out itself (its page-number worker, over the engine's font metrics); where it
// cannot, it asks the engine.
import type { Page, Route } from 'playwright-core';
import type { ViewpointPreview } from '../../shared/api/contract';
import type { Issue } from '../../shared/model/issue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYOUT_MARK, WARM_MARK } from '../../renderer/src/workspace/localPages';
import { openAppSession, type AppSession } from './helpers/webApp';

let session: AppSession;
let page: Page;

/** title → page number, in tree order, as the column tree shows them */
async function treePages(): Promise<Array<[string, number]>> {
  return page.locator('.article-item').evaluateAll((items) =>
    items.map((item) => {
      const title = item.querySelector('.article-title')?.textContent ?? '';
      const badge = item.querySelector('.article-page')?.textContent ?? '';
      return [title, Number(/第 (\d+) 页/.exec(badge)?.[1] ?? NaN)] as [string, number];
    }),
  );
}

/** One API call straight to the server, not through the page. */
async function call<T>(channel: string, input: unknown): Promise<T> {
  const url = new URL(session.app.url);
  const token = url.searchParams.get('token') ?? '';
  const res = await fetch(new URL(`/api/${channel}`, url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-weekly-desk-token': token }, body: JSON.stringify(input) });
  return ((await res.json()) as { result: T }).result;
}

/** The issue as the server has stored it. */
async function storedIssue(): Promise<Issue> {
  const { openIssueId } = await call<{ openIssueId: string }>('app:startup', {});
  return call<Issue>('issues:get', { id: openIssueId });
}

/** The engine's page numbers for the stored issue, in issue order. */
async function enginePages(): Promise<number[]> {
  const { openIssueId } = await call<{ openIssueId: string }>('app:startup', {});
  const view = await call<ViewpointPreview>('issues:viewpoint', { id: openIssueId });
  return view.columns.flatMap((c) => c.entries.map((e) => e.page ?? NaN));
}

/** Requests the page makes to the engine's 本期视点 channels (the fallback path), counted from now. */
function countEngineRequests(): { count: () => number; stop: () => void } {
  let n = 0;
  const listener = (request: { url(): string }) => {
    if (request.url().includes('/api/issues:viewpoint')) n++;
  };
  page.on('request', listener);
  return { count: () => n, stop: () => page.off('request', listener) };
}

/** Inserts `text` at the top of the body of the article at `k` in the tree. */
async function lengthenArticle(k: number, text: string): Promise<void> {
  await page.locator('.article-item').nth(k).getByRole('button').click();
  const body = page.getByRole('textbox', { name: '正文' });
  await body.locator('p').first().click();
  await page.keyboard.press('Home');
  await body.evaluate((_, t) => document.execCommand('insertText', false, t), text);
}

async function settled(): Promise<void> {
  await page.locator('.article-page').first().waitFor({ timeout: 60_000 });
  await expect.poll(() => page.locator('.article-page.pending').count(), { timeout: 30_000 }).toBe(0);
  await expect.poll(async () => (await treePages()).every(([, n]) => Number.isInteger(n)), { timeout: 30_000 }).toBe(true);
}

beforeAll(async () => {
  session = await openAppSession(['--sample']);
  page = session.page;
  await page.goto(session.app.url);
});

afterAll(() => session?.close());

describe('live page numbers', () => {
  it('shows each article’s page in the column tree, rising in issue order, equal to the 本期视点 preview', async () => {
    await settled();
    const pages = await treePages();
    expect(pages.length).toBeGreaterThan(5);
    for (let i = 1; i < pages.length; i++) expect(pages[i][1]).toBeGreaterThan(pages[i - 1][1]);

    await page.getByRole('tab', { name: '本期视点预览' }).click();
    const preview = page.getByRole('region', { name: '本期视点' });
    await expect.poll(() => preview.locator('.vp-page').count()).toBe(pages.length);
    const previewPages = (await preview.locator('.vp-page').allTextContents()).map((t) => Number(/第 (\d+) 页/.exec(t)?.[1]));
    expect(previewPages).toEqual(pages.map(([, n]) => n));
  });

  it('moves the later articles’ numbers when an edit makes an article longer, and only those', async () => {
    const before = await treePages();
    const k = 2;
    const [title] = before[k];
    await page.locator('.article-item').nth(k).getByRole('button').click();
    const body = page.getByRole('textbox', { name: '正文' });
    await body.locator('p').first().click();
    await page.keyboard.press('Home');
    // About four pages of text at the top of the article.
    const passage = '医保支付方式改革持续推进，按病组和病种分值付费已覆盖全部统筹地区，医疗机构的精细化管理能力仍需提升。';
    await body.evaluate((_, text) => document.execCommand('insertText', false, text), passage.repeat(90));
    await expect.poll(() => body.textContent()).toContain(passage);

    await expect.poll(async () => (await treePages())[k + 1][1], { timeout: 30_000 }).toBeGreaterThan(before[k + 1][1] + 2);
    await settled();
    const after = await treePages();
    expect(after[k]).toEqual([title, before[k][1]]);
    for (let i = 0; i < k; i++) expect(after[i]).toEqual(before[i]);
    const shift = after[k + 1][1] - before[k + 1][1];
    for (let i = k + 1; i < after.length; i++) expect(after[i][1] - before[i][1]).toBeGreaterThanOrEqual(shift - 1);
    expect(session.pageErrors).toEqual([]);
  });

  it('follows the unsaved draft while its save is held up, and the save still lands afterwards', async () => {
    // Hold every article save at the network: the numbers must follow what the editor has, unsaved.
    const held: Route[] = [];
    let holding = true;
    await page.route('**/api/articles:save', (route) => void (holding ? held.push(route) : route.continue()));
    try {
      await page.getByRole('tab', { name: '正文' }).click();
      await settled();
      const before = await treePages();
      const k = 0;
      await page.locator('.article-item').nth(k).getByRole('button').click();
      const body = page.getByRole('textbox', { name: '正文' });
      await body.locator('p').first().click();
      await page.keyboard.press('Home');
      const passage = '国家医保局持续推进药品集中带量采购常态化制度化开展，第十批集采药品平均降价超过百分之五十。';
      await body.evaluate((_, text) => document.execCommand('insertText', false, text), passage.repeat(90));

      await expect.poll(async () => (await treePages())[k + 1][1], { timeout: 30_000 }).toBeGreaterThan(before[k + 1][1] + 2);
      await settled();
      // numbers moved, the save is still waiting at the network, and the server has the old text
      await expect.poll(() => held.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const titleOf = (issue: Issue) => issue.columns.flatMap((c) => c.articles)[k];
      expect(JSON.stringify(titleOf(await storedIssue()).content)).not.toContain(passage);
      expect(await page.getByLabel('保存状态').textContent()).toBe('正在保存…');

      holding = false;
      for (const route of held.splice(0)) await route.continue();
      await expect.poll(async () => JSON.stringify(titleOf(await storedIssue()).content), { timeout: 30_000 }).toContain(passage.repeat(90));
      // the numbers the page shows are those of what is now saved
      const after = await treePages();
      await page.reload();
      await settled();
      expect(await treePages()).toEqual(after);
      expect(session.pageErrors).toEqual([]);
    } finally {
      holding = false;
      for (const route of held) await route.continue().catch(() => {});
      await page.unroute('**/api/articles:save');
    }
  });

  it('lays the numbers out in the page, on the UI thread once it has the issue laid out, asking the engine nothing; they are the engine’s once saved', async () => {
    await page.getByRole('tab', { name: '正文' }).click();
    await settled();
    // the UI thread lays the issue out in idle time after the first numbers
    const mark = (name: string) => page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)}, 'mark').at(-1)?.detail ?? (performance.getEntriesByName(${JSON.stringify(name)}, 'mark').length ? 'set' : null)`);
    await expect.poll(() => mark(WARM_MARK), { timeout: 30_000 }).not.toBeNull();
    const before = await treePages();
    const engine = countEngineRequests();
    try {
      const passage = '公立医院高质量发展评价指标体系持续完善，绩效考核结果与医保支付、财政补助挂钩。';
      await lengthenArticle(3, passage.repeat(80));
      await expect.poll(async () => (await treePages())[4][1], { timeout: 30_000 }).toBeGreaterThan(before[4][1] + 1);
      await settled();
      expect(engine.count()).toBe(0);
      expect(await mark(LAYOUT_MARK)).toMatchObject({ thread: 'main' });
      const shown = (await treePages()).map(([, n]) => n);
      await expect.poll(async () => JSON.stringify(await storedIssue()), { timeout: 30_000 }).toContain(passage.repeat(80));
      expect(await enginePages()).toEqual(shown);
    } finally {
      engine.stop();
    }
    expect(session.pageErrors).toEqual([]);
  });

  it('asks the engine when the page cannot lay the numbers out itself (no font metrics)', async () => {
    await page.route('**/api/layout:metrics', (route) => route.abort());
    const engine = countEngineRequests();
    try {
      await page.reload();
      await settled();
      expect(engine.count()).toBeGreaterThan(0);
      const before = await treePages();
      expect(before.map(([, n]) => n)).toEqual(await enginePages());
      await lengthenArticle(1, '药品追溯码全场景采集应用加快推进，医保基金监管更加精准，定点医药机构的违规行为得到及时纠正。'.repeat(120));
      await expect.poll(async () => (await treePages())[2][1], { timeout: 30_000 }).toBeGreaterThan(before[2][1] + 1);
      expect(session.pageErrors).toEqual([]);
    } finally {
      engine.stop();
      await page.unroute('**/api/layout:metrics');
    }
  });
});
