// Issue #6 end to end, against `npm run web` in Debian's Chromium: create 2024-W47 from its week,
// import its clippings through the file chooser, check titles and 来源, move an article, type,
// edit and regenerate a 提要, export the PDF and check its 本期视点 page numbers in the file.
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_2024_W47 as W47 } from './fixtures';
import { pdfPageCount, pdfPages, squash, viewpointEntries } from './helpers/pdfText';
import { screenshot } from './helpers/screens';
import { openAppSession, REPO_ROOT, type AppSession, type WebApp } from './helpers/webApp';

let app: WebApp;
let session: AppSession;
let page: Page;
let pageErrors: string[];
/** contract channels the page called, in order */
const apiCalls: string[] = [];
const downloads = mkdtempSync(join(tmpdir(), 'weekly-e2e-downloads-'));

/** stages the PDF engine reports, as the progress bar names them (electron/engine/service/exportStages.ts) */
const ENGINE_STAGES = ['载入字体', '排版正文', '核定页码', '组版', '绘制 PDF 页面'];

/** a 64×64 checkerboard PNG standing in for a QR code */
const QR_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAAAAACPAi4CAAAAQklEQVR4nO3UsQkAQAgDQPdf2m9cQBBe4dJZeKRKZCUq3bv9AFgJ7GkC+Akcrg6wB4Bh4HB1gD0ADAOHqwPsAWAWeNue+GoINbwfAAAAAElFTkSuQmCC';

const columnList = () => page.getByRole('list', { name: '栏目', exact: true });
const articlesOf = (column: string) => page.getByRole('list', { name: `${column} 的文章` });
const articleButton = (title: string) => columnList().getByRole('button', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });

async function columnTitles(column: string): Promise<string[]> {
  return articlesOf(column).locator('.article-title').allTextContents();
}

async function waitSaved(): Promise<void> {
  await expect.poll(() => page.getByRole('status', { name: '保存状态' }).textContent(), { timeout: 15_000 }).toMatch(/^已保存/);
}

beforeAll(async () => {
  session = await openAppSession();
  ({ app, page, pageErrors } = session);
  page.on('request', (r) => {
    const m = /\/api\/([a-z]+:[a-zA-Z]+)$/.exec(r.url());
    if (m) apiCalls.push(m[1]);
  });
  // (Leaving with unsaved edits asks first, beforeunload; the session answers "leave".)
  await page.goto(app.url);
});

afterAll(() => session?.close());

describe('the weekly workflow in the browser', () => {
  it('creates the 2024-W47 issue from its week', async () => {
    await expect.poll(() => page.getByRole('heading', { name: '期刊' }).count()).toBe(1);
    await page.getByRole('button', { name: '新建期刊' }).click();
    const dialog = page.getByRole('dialog', { name: '新建期刊' });
    await dialog.getByLabel('周次').fill(W47.isoWeek);
    await expect.poll(() => dialog.getByLabel('期号').textContent()).toBe(W47.issueNumber);
    expect(await dialog.getByLabel('日期').textContent()).toBe(`(${W47.dateRange})`);
    await screenshot(page, '01-new-issue');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => page.locator('.issue-title h1').textContent()).toBe(`医周药事 · ${W47.issueNumber}`);
    expect(page.url()).not.toContain('token=');

    for (const name of W47.columns) {
      await page.getByRole('button', { name: '新建栏目' }).click();
      await page.getByLabel('新栏目名称').fill(name);
      await page.getByLabel('新栏目名称').press('Enter');
    }
    await expect.poll(() => columnList().locator('.column-name').allTextContents()).toEqual([...W47.columns]);
  });

  it('imports the clippings through the file chooser and shows each title and 来源', async () => {
    await page.getByRole('button', { name: '导入剪报' }).first().click();
    const dialog = page.getByRole('dialog', { name: '导入剪报' });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles(W47.articles.map((a) => join(REPO_ROOT, W47.clipsDir, a.file)));
    const rows = dialog.getByRole('list', { name: '待导入的剪报' }).getByRole('listitem');
    await expect.poll(() => rows.count(), { timeout: 90_000 }).toBe(W47.articles.length);

    for (const a of W47.articles) {
      const row = rows.filter({ hasText: a.file });
      expect(await row.locator('.clipping-title').textContent()).toBe(a.title);
      expect(await row.locator('.clipping-source').textContent()).toBe(`来源：${a.source}`);
      await row.getByRole('combobox').selectOption({ label: a.column });
    }
    await screenshot(page, '02-import');
    await dialog.getByRole('button', { name: '加入本期' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    for (const column of W47.columns) {
      expect(await columnTitles(column)).toEqual(W47.articles.filter((a) => a.column === column).map((a) => a.title));
    }
    await waitSaved();
  });

  it('moves an article to another column by drag and drop', async () => {
    const moving = W47.articles[6]; // CGP 特稿, 国际视野
    const before = W47.articles[2]; // 雷海潮, first in 专家观点
    await articleButton(moving.title).dragTo(articleButton(before.title));
    await expect.poll(() => columnTitles('专家观点')).toEqual([moving.title, before.title, W47.articles[3].title]);
    expect(await columnTitles('国际视野')).toEqual([W47.articles[7].title]);
    await waitSaved();
  });

  it('keeps what is typed in the editor, even across an immediate reload', async () => {
    const target = W47.articles[5];
    const typed = '编者按：本文有删节，标题为编辑所加。';
    await articleButton(target.title).click();
    const body = page.getByRole('textbox', { name: '正文' });
    // The page's saves of this edit never reach the server before the reload (on a slow machine the
    // reload may come after the editor went idle): only the draft the page keeps can bring it back.
    await page.route('**/api/articles:save', (route) => void route.abort());
    // Caret to the very end of the article (End only reaches the end of the visual line). On a
    // busy machine the article may still be loading when first clicked, so retry until it sits there.
    await expect
      .poll(async () => {
        await body.locator('p').last().click();
        await page.keyboard.press('Control+End');
        return body.evaluate((el) => {
          const selection = window.getSelection();
          const last = [...el.querySelectorAll('p')].at(-1);
          if (!selection?.anchorNode || !last?.contains(selection.anchorNode)) return false;
          const rest = document.createRange();
          rest.selectNodeContents(last);
          rest.setStart(selection.anchorNode, selection.anchorOffset);
          return rest.toString() === '';
        });
      })
      .toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type(typed);
    await expect.poll(() => body.locator('p').last().textContent()).toBe(typed);

    // Reload before autosave had a chance: the page keeps a draft and restores it.
    apiCalls.length = 0;
    await page.reload();
    await page.unroute('**/api/articles:save');
    await articleButton(target.title).click();
    await expect.poll(() => page.getByRole('textbox', { name: '正文' }).textContent(), { timeout: 15_000 }).toContain(typed);
    await waitSaved();
    // The restored edit goes back as that one article, not as the whole issue.
    expect(apiCalls).toContain('articles:save');
    expect(apiCalls).not.toContain('issues:save');
    // And it reached the archive: without the local draft, the server has it.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await articleButton(target.title).click();
    await expect.poll(() => page.getByRole('textbox', { name: '正文' }).textContent(), { timeout: 15_000 }).toContain(typed);
    await screenshot(page, '03-workspace');
  });

  it('inserts a table and adds and removes its rows and columns from the toolbar', async () => {
    const body = page.getByRole('textbox', { name: '正文' });
    const tool = (name: string) => page.getByRole('toolbar', { name: '编辑工具' }).getByRole('button', { name, exact: true });
    await body.locator('p').last().click();
    await tool('插入表格').click();
    const table = body.locator('table');
    await expect.poll(() => table.count()).toBe(1);
    const rows = table.locator('tr');
    const firstRowCells = rows.first().locator('td, th');
    expect(await rows.count()).toBe(3);
    expect(await firstRowCells.count()).toBe(3);
    await table.locator('td, th').first().click();
    await page.keyboard.type('药品数');
    await tool('下方插入行').click();
    await expect.poll(() => rows.count()).toBe(4);
    await tool('右侧插入列').click();
    await expect.poll(() => firstRowCells.count()).toBe(4);
    await tool('删除列').click();
    await expect.poll(() => firstRowCells.count()).toBe(3);
    await table.locator('tr').last().locator('td, th').first().click();
    await tool('删除行').click();
    await expect.poll(() => rows.count()).toBe(3);
    await screenshot(page, '03b-table');
    await waitSaved();
    // The table is stored with the article: it comes back from the archive.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await articleButton(W47.articles[5].title).click();
    const stored = page.getByRole('textbox', { name: '正文' }).locator('table');
    await expect.poll(() => stored.locator('tr').count(), { timeout: 15_000 }).toBe(3);
    expect(await stored.locator('tr').first().locator('td, th').count()).toBe(3);
    expect(await stored.locator('td, th').first().textContent()).toBe('药品数');
  });

  it('marks an edited 提要 and asks before regenerating over it', async () => {
    const summary = page.getByRole('textbox', { name: '提要' });
    const proposed = await summary.inputValue();
    expect(proposed.length).toBeGreaterThan(40);
    await summary.fill('推进优质医疗资源下沉，要在人才、技术、管理和服务四方面下功夫。');
    await expect.poll(() => page.getByText('已手动修改').count()).toBe(1);

    await page.getByRole('button', { name: '重新生成' }).click();
    const confirm = page.getByRole('dialog', { name: '覆盖已修改的提要？' });
    await confirm.getByRole('button', { name: '取消' }).click();
    expect(await summary.inputValue()).toBe('推进优质医疗资源下沉，要在人才、技术、管理和服务四方面下功夫。');

    await page.getByRole('button', { name: '重新生成' }).click();
    await confirm.getByRole('button', { name: '替换' }).click();
    await expect.poll(() => summary.inputValue()).toBe(proposed);
    expect(await page.getByText('已手动修改').count()).toBe(0);
    await waitSaved();
  });

  it('exports the PDF, whose 本期视点 page numbers point at the articles’ title pages', { timeout: 240_000 }, async () => {
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 PDF' });
    const download = page.waitForEvent('download', { timeout: 170_000 });
    // The engine stages the server reported to the dialog's polls while the job ran.
    const stagesReported = new Set<string>();
    const onStatus = (r: import('playwright-core').Response) => {
      if (!r.url().endsWith('/api/export:status')) return;
      void r.json().then(
        (body: { result?: { state: string; stage: string } }) => {
          if (body.result?.state === 'running' && ENGINE_STAGES.includes(body.result.stage)) stagesReported.add(body.result.stage);
        },
        () => {},
      );
    };
    page.on('response', onStatus);
    await dialog.getByRole('button', { name: '开始导出' }).click();
    // Shows the engine's stages while it runs (the server answers during the render), then the
    // page count (or the reason it failed).
    const stagesSeen = new Set<string>();
    await expect
      .poll(
        async () => {
          const stage = (await dialog.locator('.export-stage').allTextContents())[0];
          if (stage && ENGINE_STAGES.includes(stage) && !stagesSeen.has(stage)) {
            if (stagesSeen.size === 0) await screenshot(page, '04a-export-progress');
            stagesSeen.add(stage);
          }
          return (await dialog.locator('.export-done, .field-error, .export-stage').allTextContents()).join(' ');
        },
        { timeout: 170_000, interval: 100 },
      )
      .toMatch(/共 \d+ 页/);
    page.off('response', onStatus);
    // A warm engine may finish before the first poll; whenever a poll caught it running, the
    // progress line showed that stage's Chinese name.
    if (stagesReported.size > 0) expect(stagesSeen.size, `stages reported: ${[...stagesReported].join(', ')}; seen: ${[...stagesSeen].join(', ')}`).toBeGreaterThan(0);
    const file = join(downloads, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect((await download).suggestedFilename()).toBe('医周药事2024年第47期.pdf');
    const shown = Number(/共 (\d+) 页/.exec((await dialog.locator('.export-done').textContent()) ?? '')?.[1]);
    await screenshot(page, '04-export');
    await dialog.getByRole('button', { name: '完成' }).click();

    const pages = pdfPages(file);
    expect(pdfPageCount(file)).toBe(shown);
    expect(pages.length).toBe(shown);
    const order = W47.columns.flatMap((c) => (c === '专家观点' ? [W47.articles[6], W47.articles[2], W47.articles[3]] : W47.articles.filter((a) => a.column === c && a !== W47.articles[6])));
    const entries = viewpointEntries(
      pages,
      order.map((a) => a.title),
    );
    const tocPage = pages.findIndex((p) => squash(p).startsWith('目录')) + 1;
    expect(tocPage).toBeGreaterThan(1);
    let previous = tocPage;
    for (const { title, page: n } of entries) {
      expect(n).toBeGreaterThan(previous);
      previous = n;
      // Page n is where the article starts: the first page after the front matter that prints its title.
      const firstPrinted = pages.findIndex((p, i) => i + 1 > tocPage && squash(p).includes(squash(title))) + 1;
      expect(firstPrinted, `“${title}” is listed at page ${n}`).toBe(n);
    }

    // The in-app 本期视点 preview shows the same numbers as the file.
    await page.getByRole('tab', { name: '本期视点预览' }).click();
    const region = page.getByRole('region', { name: '本期视点' });
    await expect.poll(() => region.getAttribute('aria-busy'), { timeout: 170_000 }).toBe('false');
    for (const { title, page: n } of entries) {
      const entry = region.locator('.vp-entry').filter({ hasText: title });
      expect(await entry.locator('.vp-page').textContent()).toBe(`——第 ${n} 页`);
    }
    await screenshot(page, '05-viewpoint');
  });

  it('exports the Word file with PAGEREF fields to the articles’ bookmarks', { timeout: 240_000 }, async () => {
    await page.getByRole('button', { name: '导出 Word' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 Word' });
    const download = page.waitForEvent('download', { timeout: 170_000 });
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await expect
      .poll(async () => (await dialog.locator('.export-done, .field-error, .export-stage').allTextContents()).join(' '), { timeout: 170_000 })
      .toMatch(/已导出 医周药事2024年第47期\.docx/);
    const file = join(downloads, (await download).suggestedFilename());
    await (await download).saveAs(file);
    await dialog.getByRole('button', { name: '完成' }).click();
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
    expect(xml.match(/PAGEREF art_\d{3}/g)?.length ?? 0).toBeGreaterThanOrEqual(W47.articles.length);
    expect(xml).toContain('——本期视点——');
  });

  it('follows menu commands from the Electron shell (the preload’s weeklyDeskShell)', async () => {
    await page.addInitScript(() => {
      const w = window as unknown as { weeklyDeskShell: unknown; fireShell: (c: unknown) => void };
      w.weeklyDeskShell = {
        onCommand(listener: (c: unknown) => void) {
          w.fireShell = listener;
          return () => {};
        },
      };
    });
    await page.reload();
    const fire = (command: object) => page.evaluate((c) => (window as unknown as { fireShell: (c: unknown) => void }).fireShell(c), command);
    await expect.poll(() => page.getByRole('button', { name: '导出 Word' }).count()).toBe(1);
    await fire({ name: 'import:clippings' });
    await expect.poll(() => page.getByRole('dialog', { name: '导入剪报' }).count()).toBe(1);
    await page.getByRole('dialog', { name: '导入剪报' }).getByRole('button', { name: '取消' }).click();
    await fire({ name: 'issue:meta' });
    await expect.poll(() => page.getByRole('dialog', { name: '期刊信息' }).count()).toBe(1);
    await page.getByRole('dialog', { name: '期刊信息' }).getByRole('button', { name: '取消' }).click();
    await fire({ name: 'settings:open' });
    await expect.poll(() => page.getByRole('heading', { name: '设置' }).count()).toBe(1);
    await fire({ name: 'export:docx' });
    await expect.poll(() => page.getByRole('dialog', { name: '导出 Word' }).count()).toBe(1);
    await page.getByRole('dialog', { name: '导出 Word' }).getByRole('button', { name: '取消' }).click();
    // Handled once: coming back to the issue does not reopen the dialog.
    await page.getByRole('link', { name: '期刊' }).click();
    await page.getByRole('link', { name: '编辑' }).click();
    await expect.poll(() => page.getByRole('button', { name: '导出 Word' }).count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('searches the archive and shows the other screens', async () => {
    await page.getByRole('link', { name: '搜索' }).click();
    await page.getByLabel('搜索内容').fill('医保 商保');
    await page.getByRole('button', { name: '搜索' }).click();
    const hits = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    expect(await hits.first().locator('mark').count()).toBeGreaterThan(0);
    await screenshot(page, '06-search');

    await page.getByRole('link', { name: '设置' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '设置' }).count()).toBe(1);
    // A back-cover QR image goes into the archive with its caption, and is still there after a reload.
    const qrPng = join(downloads, '药城公众号.png');
    writeFileSync(qrPng, Buffer.from(QR_PNG_BASE64, 'base64'));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '添加二维码' }).click();
    await (await chooser).setFiles(qrPng);
    await expect.poll(() => page.getByRole('img', { name: '二维码 1' }).count()).toBe(1);
    await page.getByLabel('二维码 1 的说明').fill('扫一扫\n关注药城公众号');
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '设置已保存' }).count()).toBe(1);
    await screenshot(page, '07-settings');
    await page.reload();
    await expect.poll(() => page.getByRole('img', { name: '二维码 1' }).count()).toBe(1);
    expect(await page.getByLabel('二维码 1 的说明').inputValue()).toBe('扫一扫\n关注药城公众号');

    await page.getByRole('link', { name: '期刊' }).click();
    const table = page.getByRole('table', { name: '最近的期刊' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).textContent()).toContain(W47.issueNumber);
    expect(pageErrors).toEqual([]);
  });

  it('copies an article found in search into the issue being edited', async () => {
    await page.getByRole('link', { name: '期刊' }).click();
    await page.getByRole('button', { name: '新建期刊' }).click();
    const dialog = page.getByRole('dialog', { name: '新建期刊' });
    await dialog.getByLabel('周次').fill('2024-W48');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect.poll(() => page.locator('.issue-title h1').textContent()).toBe('医周药事 · 2024年第48期');
    // The new issue took its columns from W47, without articles.
    await expect.poll(() => columnList().locator('.column-name').allTextContents()).toEqual([...W47.columns]);

    const wanted = W47.articles[2];
    await page.getByRole('link', { name: '搜索' }).click();
    await page.getByLabel('搜索内容').fill('雷海潮');
    await page.getByRole('button', { name: '搜索' }).click();
    const hit = page.getByRole('list', { name: '搜索结果' }).getByRole('listitem').filter({ hasText: wanted.title });
    await expect.poll(() => hit.count()).toBe(1);
    await hit.getByRole('button', { name: '复制到当前期刊' }).click();
    await expect.poll(() => hit.getByRole('button', { name: '已复制到当前期刊' }).isDisabled()).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: '已复制到 2024年第48期 的“专家观点”栏目' }).count()).toBe(1);

    await page.getByRole('link', { name: '编辑' }).click();
    await expect.poll(() => columnTitles('专家观点')).toEqual([wanted.title]);
    await articleButton(wanted.title).click();
    expect(await page.getByLabel('来源').inputValue()).toBe(wanted.source);
    // W47 keeps its own copy.
    await page.getByRole('link', { name: '期刊' }).click();
    const table = page.getByRole('table', { name: '最近的期刊' });
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    expect(pageErrors).toEqual([]);
  });

  it('downloads an issue as a .weekly file and opens it again, and names a damaged one in Chinese', async () => {
    await page.getByRole('link', { name: '期刊' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `导出期刊文件 ${W47.issueNumber}` }).click();
    expect((await download).suggestedFilename()).toBe('医周药事2024年第47期.weekly');
    const file = join(downloads, 'W47.weekly');
    await (await download).saveAs(file);

    const chooseWeekly = async (path: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '打开期刊文件' }).click();
      await (await chooser).setFiles(path);
    };
    // A damaged file (cut short in transfer) and a file from elsewhere get clear Chinese messages.
    const broken = join(downloads, '第47期.weekly');
    writeFileSync(broken, readFileSync(file).subarray(0, 200));
    await chooseWeekly(broken);
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('文件 第47期.weekly 已损坏或不完整'));
    const foreign = join(downloads, '报告.weekly');
    writeFileSync(foreign, '%PDF-1.7');
    await chooseWeekly(foreign);
    await expect.poll(() => page.getByRole('alert').allTextContents()).toContainEqual(expect.stringContaining('不是周刊编辑台导出的 .weekly 期刊文件'));

    // The archive already holds W47: the file comes in as a copy, with its articles.
    await chooseWeekly(file);
    const confirm = page.getByRole('dialog', { name: '期刊已存在' });
    await confirm.getByRole('button', { name: '作为副本导入' }).click();
    await expect.poll(() => page.locator('.issue-title h1').textContent()).toBe(`医周药事 · ${W47.issueNumber}`);
    await expect.poll(() => columnTitles('国际视野')).toEqual([W47.articles[7].title]);
    await page.getByRole('link', { name: '期刊' }).click();
    await expect.poll(() => page.getByRole('table', { name: '最近的期刊' }).getByRole('row').count()).toBe(4);
    await screenshot(page, '00-home');
  });
});
