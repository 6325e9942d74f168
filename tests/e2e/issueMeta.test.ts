// 期刊信息 and 正文字体 end to end, against `npm run web -- --sample` in Debian's Chromium: edit the
// issue's metadata (the week moves 期号 and the dates, tags as chips, checks in Chinese, Esc asks
// before dropping edits), see it in the header, the issue list and 本期视点 after a reload; then
// choose 黑体 in 设置 and find Noto Sans SC as the body face of the exported PDF.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPages, squash, viewpointEntries } from './helpers/pdfText';
import { screenshot } from './helpers/screens';
import { openAppSession, type AppSession, type WebApp } from './helpers/webApp';

let app: WebApp;
let session: AppSession;
let page: Page;
let pageErrors: string[];
const downloads = mkdtempSync(join(tmpdir(), 'weekly-e2e-meta-'));

const NEW_TITLE = '医周药事·年终特刊';
/** a 64×64 checkerboard PNG standing in for a QR code */
const QR_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAAAAACPAi4CAAAAQklEQVR4nO3UsQkAQAgDQPdf2m9cQBBe4dJZeKRKZCUq3bv9AFgJ7GkC+Akcrg6wB4Bh4HB1gD0ADAOHqwPsAWAWeNue+GoINbwfAAAAAElFTkSuQmCC';
const metaDialog = () => page.getByRole('dialog', { name: '期刊信息' });
const header = () => page.locator('.workspace-head .issue-title');

async function waitSaved(): Promise<void> {
  await expect.poll(() => page.getByRole('status', { name: '保存状态' }).textContent(), { timeout: 15_000 }).toMatch(/^已保存/);
}

async function openIssue(): Promise<void> {
  await page.getByRole('link', { name: '期刊' }).click();
  const table = page.getByRole('table', { name: '最近的期刊' });
  await expect.poll(() => table.getByRole('row').count()).toBe(2);
  await table.getByRole('button', { name: '打开' }).click();
  await expect.poll(() => page.getByRole('button', { name: '期刊信息' }).count()).toBe(1);
}

beforeAll(async () => {
  session = await openAppSession(['--sample']);
  ({ app, page, pageErrors } = session);
  await page.goto(app.url);
  await page.getByRole('button', { name: '期刊信息' }).waitFor({ timeout: 60_000 });
});

afterAll(() => session?.close());

describe('期刊信息', () => {
  it('moves 期号 and the Monday–Sunday dates with the week, adds tags with Enter, checks 刊名', async () => {
    expect(await header().textContent()).toContain('医周药事 · 2024年第47期');
    await page.getByRole('button', { name: '期刊信息' }).click();
    const dialog = metaDialog();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // opens at 刊名
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('医周药事');
    expect(await dialog.getByLabel('周次', { exact: true }).inputValue()).toBe('2024-W47');
    expect(await dialog.getByLabel('期号', { exact: true }).inputValue()).toBe('2024年第47期');

    await dialog.getByLabel('周次', { exact: true }).fill('2024-W48');
    await expect.poll(() => dialog.getByLabel('期号', { exact: true }).inputValue()).toBe('2024年第48期');
    expect(await dialog.getByLabel('日期范围', { exact: true }).inputValue()).toBe('2024.11.25-2024.12.01');
    // still editable by hand
    await dialog.getByLabel('日期范围', { exact: true }).fill('2024.11.25—2024.12.01');

    // Enter in the tag box adds a chip and does not submit the dialog; a duplicate is refused in Chinese
    const tagBox = dialog.getByLabel('标签', { exact: true });
    await tagBox.fill('集采');
    await tagBox.press('Enter');
    const chips = dialog.getByRole('list', { name: '本期标签' }).getByRole('listitem');
    await expect.poll(() => chips.allTextContents()).toEqual(['医保×', '医疗×', '医药×', '集采×']);
    expect(await dialog.isVisible()).toBe(true);
    await tagBox.fill('医保');
    await tagBox.press('Enter');
    await expect.poll(() => dialog.getByRole('alert').allTextContents()).toContain('标签“医保”已经有了。');
    await tagBox.fill('');
    await dialog.getByRole('button', { name: '删除标签“医疗”' }).click();
    await expect.poll(() => chips.count()).toBe(3);

    // 刊名 is required: saving without it names the field and keeps the dialog open
    await dialog.getByLabel('刊名', { exact: true }).fill('');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').allTextContents()).toContain('请填写刊名。');
    expect(await dialog.getByLabel('刊名', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByLabel('刊名', { exact: true }).fill(NEW_TITLE);
    await dialog.getByLabel('阅读提醒', { exact: true }).fill('阅读提醒：本期为年终特刊，请按页码提示阅读。');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await screenshot(page, '08-issue-meta');
  });

  it('asks before Esc drops the edits, and keeps them when the editor says no', async () => {
    await page.keyboard.press('Escape');
    const confirm = page.getByRole('dialog', { name: '放弃修改' });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await confirm.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await metaDialog().getByLabel('刊名', { exact: true }).inputValue()).toBe(NEW_TITLE);
  });

  it('saves through the autosave: header, issue list and 本期视点 follow, also after a reload', async () => {
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => metaDialog().count()).toBe(0);
    expect(await header().textContent()).toContain(`${NEW_TITLE} · 2024年第48期`);
    expect(await header().textContent()).toContain('(2024.11.25—2024.12.01)');
    await waitSaved();

    await page.reload();
    await expect.poll(() => header().textContent(), { timeout: 30_000 }).toContain(`${NEW_TITLE} · 2024年第48期`);
    await page.getByRole('tab', { name: '本期视点预览' }).click();
    const region = page.getByRole('region', { name: '本期视点' });
    await expect.poll(() => region.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    expect(await region.textContent()).toContain('本期为年终特刊');
    expect(await region.locator('.vp-page').count()).toBeGreaterThan(5);
    expect(await region.locator('.vp-page').first().textContent()).toMatch(/^——第 \d+ 页$/);

    // the reopened dialog shows what was saved; the QR codes still come from 设置
    await page.getByRole('button', { name: '期刊信息' }).click();
    const dialog = metaDialog();
    await expect.poll(() => dialog.getByRole('list', { name: '本期标签' }).getByRole('listitem').allTextContents()).toEqual(['医保×', '医药×', '集采×']);
    expect(await dialog.getByLabel('周次', { exact: true }).inputValue()).toBe('2024-W48');
    // unchanged: Esc closes without asking
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.getByRole('link', { name: '期刊' }).click();
    const row = page.getByRole('table', { name: '最近的期刊' }).getByRole('row').nth(1);
    await expect.poll(() => row.textContent()).toContain(NEW_TITLE);
    expect(await row.textContent()).toContain('2024年第48期');
  });
});

describe('this issue’s own QR codes', () => {
  it('replaces the codes from 设置 with an image uploaded for this issue only', async () => {
    await openIssue();
    await page.getByRole('button', { name: '期刊信息' }).click();
    const dialog = metaDialog();
    const useSettings = dialog.getByLabel('使用设置中的二维码', { exact: true });
    await expect.poll(() => useSettings.isChecked()).toBe(true);
    await useSettings.uncheck();
    const qrPng = join(downloads, '年终特刊二维码.png');
    writeFileSync(qrPng, Buffer.from(QR_PNG_BASE64, 'base64'));
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: '添加二维码' }).click();
    await (await chooser).setFiles(qrPng);
    await expect.poll(() => dialog.getByRole('img', { name: '二维码 1' }).count()).toBe(1);
    await dialog.getByLabel('二维码 1 的说明', { exact: true }).fill('扫一扫\n参加年终问卷');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await waitSaved();
    await page.reload();
    await page.getByRole('button', { name: '期刊信息' }).click();
    await expect.poll(() => metaDialog().getByRole('img', { name: '二维码 1' }).count(), { timeout: 30_000 }).toBe(1);
    expect(await metaDialog().getByLabel('使用设置中的二维码', { exact: true }).isChecked()).toBe(false);
    expect(await metaDialog().getByLabel('二维码 1 的说明', { exact: true }).inputValue()).toBe('扫一扫\n参加年终问卷');
    await page.keyboard.press('Escape');
    await expect.poll(() => metaDialog().count()).toBe(0);
  });
});

describe('正文字体', () => {
  it('sets the exported PDF’s body in Noto Sans SC once 设置 chooses 黑体', { timeout: 240_000 }, async () => {
    await page.getByRole('link', { name: '设置' }).click();
    const serif = page.getByRole('radio', { name: '宋体（思源宋体）' });
    const sans = page.getByRole('radio', { name: '黑体（思源黑体）' });
    await expect.poll(() => serif.isChecked()).toBe(true);
    await sans.check();
    await page.getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '设置已保存' }).count()).toBe(1);
    await sans.scrollIntoViewIfNeeded();
    // the 宋体 sample falls back to the bundled serif where the system has none: wait for it
    await page.evaluate(() => document.fonts.load('14px "Weekly Desk Serif"', '宋体').then(() => document.fonts.ready).then(() => undefined));
    await screenshot(page, '09-settings-body-font');
    await page.reload();
    await expect.poll(() => page.getByRole('radio', { name: '黑体（思源黑体）' }).isChecked()).toBe(true);

    await openIssue();
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const dialog = page.getByRole('dialog', { name: '导出 PDF' });
    const download = page.waitForEvent('download', { timeout: 200_000 });
    await dialog.getByRole('button', { name: '开始导出' }).click();
    const file = join(downloads, (await download).suggestedFilename());
    await (await download).saveAs(file);
    expect((await download).suggestedFilename()).toBe(`${NEW_TITLE}2024年第48期.pdf`);

    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/\+NotoSansSC-Regular\s/);
    expect(fonts).not.toMatch(/NotoSerifSC/);
    await dialog.getByRole('button', { name: '完成' }).click();
    const pages = pdfPages(file);
    expect(squash(pages[0])).toContain(squash(NEW_TITLE));
    expect(squash(pages[0])).toContain('2024年第48期');
    // the back cover draws this issue's own QR image with its caption
    const images = execFileSync('pdfimages', ['-f', String(pages.length), '-l', String(pages.length), '-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images).toHaveLength(1);
    expect(squash(pages.at(-1)!)).toContain('参加年终问卷');

    // the 本期视点 preview (laid out with the same face) shows the numbers the file prints
    await page.getByRole('tab', { name: '本期视点预览' }).click();
    const region = page.getByRole('region', { name: '本期视点' });
    await expect.poll(() => region.getAttribute('aria-busy'), { timeout: 60_000 }).toBe('false');
    const titles = await region.locator('.vp-entry .vp-link').allTextContents();
    expect(titles.length).toBeGreaterThan(5);
    const shown = (await region.locator('.vp-entry .vp-page').allTextContents()).map((t) => Number(/第 (\d+) 页/.exec(t)?.[1]));
    expect(viewpointEntries(pages, titles).map((e) => e.page)).toEqual(shown);
    expect(pageErrors).toEqual([]);
  });
});
