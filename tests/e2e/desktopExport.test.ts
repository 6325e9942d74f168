// The desktop app's export dialog, in Debian's Chromium against `npm run web -- --sample`, with
// a stand-in for the Electron preload's `window.weeklyDeskShell.exports` injected before the
// page loads. The stand-in plays main: it records each call and, on save, fetches the finished
// job's file from the real engine (as main does) to report its real page count. The dialog must
// name the export folder, change it, offer 重新保存 / 另存为… when saving fails, never download or
// fetch the file itself, and hand the saved path to 打开文件 / 打开所在文件夹.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './helpers/screens';
import { openAppSession, type AppSession, type WebApp } from './helpers/webApp';

let app: WebApp;
let session: AppSession;
let page: Page;
let pageErrors: string[];
/** contract channels the page itself called, in order (the stand-in's own calls are marked) */
const apiCalls: string[] = [];
/** job ids the engine handed out for PDF exports */
const pdfJobs: string[] = [];
const downloads: string[] = [];

const DOCUMENTS = '/home/编辑/文档';
const USB = '/media/编辑/U盘/周刊';
const DESKTOP_FILE = '/home/编辑/桌面/第47期终稿.pdf';

type Call = [string, ...unknown[]];

/** Runs in the page before its scripts: the stand-in for the preload's exports bridge. */
function installFakeShell(folders: { documents: string; usb: string; desktopFile: string }): void {
  const w = window as unknown as { weeklyDeskShell: unknown; shellCalls: Call[]; saveFailures: Array<{ code: string; messageZh: string; thrown?: boolean }> };
  let folder = folders.documents;
  w.shellCalls = [];
  w.saveFailures = [];
  const pageCountOf = async (jobId: string): Promise<number | null> => {
    const response = await fetch('./api/export:result', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-weekly-desk-token': sessionStorage.getItem('weekly-desk-token') ?? '', 'x-fake-main': '1' },
      body: JSON.stringify({ jobId }),
    });
    const body = (await response.json()) as { ok: boolean; result?: { pageCount: number | null; fileName: string } };
    if (!body.ok || !body.result) throw new Error(`export:result refused job ${jobId}`);
    return body.result.pageCount;
  };
  const savedTo = async (jobId: string, path: string) => ({
    saved: true,
    file: { path, fileName: path.slice(path.lastIndexOf('/') + 1), folder: path.slice(0, path.lastIndexOf('/')), pageCount: await pageCountOf(jobId) },
  });
  w.weeklyDeskShell = {
    onCommand: () => () => {},
    exports: {
      folder: async () => (w.shellCalls.push(['folder']), { folder }),
      chooseFolder: async () => {
        w.shellCalls.push(['chooseFolder']);
        folder = folders.usb;
        return { folder };
      },
      save: async ({ jobId }: { jobId: string }) => {
        w.shellCalls.push(['save', jobId, folder]);
        const failure = w.saveFailures.shift();
        // main refusing the call (ApiCallError): through contextBridge an Error with the Chinese message
        if (failure?.thrown) throw new Error(failure.messageZh);
        return failure ? { saved: false, ...failure } : savedTo(jobId, `${folder}/医周药事2024年第47期.pdf`);
      },
      saveAs: async ({ jobId }: { jobId: string }) => (w.shellCalls.push(['saveAs', jobId]), savedTo(jobId, folders.desktopFile)),
      openFile: async ({ path }: { path: string }) => void w.shellCalls.push(['openFile', path]),
      showInFolder: async ({ path }: { path: string }) => void w.shellCalls.push(['showInFolder', path]),
    },
  };
}

const shellCalls = () => page.evaluate(() => (window as unknown as { shellCalls: Call[] }).shellCalls);
const failNextSave = (failure: { code: string; messageZh: string; thrown?: boolean }) =>
  page.evaluate((f) => (window as unknown as { saveFailures: unknown[] }).saveFailures.push(f), failure);

/** Open 导出 PDF and export; resolves when the dialog shows an outcome. */
async function exportPdf() {
  await page.getByRole('button', { name: '导出 PDF' }).click();
  const dialog = page.getByRole('dialog', { name: '导出 PDF' });
  await expect.poll(() => dialog.locator('.export-folder-path').textContent()).not.toBe('…');
  return dialog;
}

async function waitForOutcome(dialog: ReturnType<Page['getByRole']>) {
  await expect
    .poll(async () => (await dialog.locator('.export-done, .field-error').allTextContents()).join(' '), { timeout: 170_000 })
    .toMatch(/已保存|不存在|无法覆盖|失败/);
}

beforeAll(async () => {
  session = await openAppSession(['--sample']);
  ({ app, page, pageErrors } = session);
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  page.on('request', (r) => {
    const m = /\/api\/([a-z]+:[a-zA-Z]+)$/.exec(r.url());
    if (m && !r.headers()['x-fake-main']) apiCalls.push(m[1]);
  });
  page.on('response', async (r) => {
    if (r.url().endsWith('/api/export:pdf')) pdfJobs.push(((await r.json()) as { result: { jobId: string } }).result.jobId);
  });
  await page.addInitScript(installFakeShell, { documents: DOCUMENTS, usb: USB, desktopFile: DESKTOP_FILE });
  await page.goto(app.url);
  await page.getByRole('button', { name: '导出 PDF' }).waitFor({ timeout: 60_000 });
});

afterAll(() => session?.close());

describe('exporting in the desktop app', () => {
  it('names the export folder and changes it with the folder picker', async () => {
    const dialog = await exportPdf();
    expect(await dialog.locator('.export-folder-path').textContent()).toBe(DOCUMENTS);
    expect(await dialog.getByText('浏览器的下载文件夹').count()).toBe(0);
    await dialog.getByRole('button', { name: '更改…' }).click();
    await expect.poll(() => dialog.locator('.export-folder-path').textContent()).toBe(USB);
    expect(await shellCalls()).toEqual([['folder'], ['chooseFolder']]);
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('has main save the PDF into the folder, shows where and how many pages, and opens it', { timeout: 240_000 }, async () => {
    const dialog = await exportPdf();
    expect(await dialog.locator('.export-folder-path').textContent()).toBe(USB);
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await waitForOutcome(dialog);
    const path = `${USB}/医周药事2024年第47期.pdf`;
    expect(await dialog.locator('.export-path').textContent()).toBe(path);
    const done = (await dialog.locator('.export-done').textContent()) ?? '';
    expect(done).toMatch(/^已保存 医周药事2024年第47期\.pdf，共 \d+ 页。$/);
    expect(Number(/共 (\d+) 页/.exec(done)?.[1])).toBeGreaterThan(10);
    await page.waitForTimeout(300); // the progress bar's last step is animated
    await screenshot(page, '04c-export-saved-desktop');

    await dialog.getByRole('button', { name: '打开文件' }).click();
    await dialog.getByRole('button', { name: '打开所在文件夹' }).click();
    await expect.poll(async () => (await shellCalls()).slice(-3)).toEqual([['save', pdfJobs.at(-1), USB], ['openFile', path], ['showInFolder', path]]);
    // The file never came through the page: no download, no export:result from the page itself.
    expect(apiCalls).not.toContain('export:result');
    expect(downloads).toEqual([]);
    await dialog.getByRole('button', { name: '完成' }).click();
  });

  it('says why it could not save, and saves again or elsewhere (另存为…)', { timeout: 240_000 }, async () => {
    const missing = `导出文件夹“${USB}”不存在了（可能已被移动、删除，或移动硬盘已拔出），文件没有保存。`;
    await failNextSave({ code: 'folder-missing', messageZh: missing });
    await failNextSave({ code: 'locked', messageZh: '无法覆盖“医周药事2024年第47期.pdf”：这个文件可能正被其他程序（如 PDF 阅读器或 Word）打开。' });
    const dialog = await exportPdf();
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await waitForOutcome(dialog);
    expect(await dialog.getByRole('alert').textContent()).toBe(missing);
    expect(await dialog.locator('.export-done').count()).toBe(0);
    await page.waitForTimeout(300);
    await screenshot(page, '04d-export-folder-missing');

    // 重新保存 tries the same job again (no second export), and says what went wrong this time.
    await dialog.getByRole('button', { name: '重新保存' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('可能正被其他程序');
    await dialog.getByRole('button', { name: '另存为…' }).click();
    await expect.poll(() => dialog.locator('.export-path').textContent()).toBe(DESKTOP_FILE);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    expect(await dialog.locator('.export-done').textContent()).toMatch(/^已保存 第47期终稿\.pdf，共 \d+ 页。$/);
    await dialog.getByRole('button', { name: '打开文件' }).click();

    const job = pdfJobs.at(-1);
    expect(pdfJobs).toHaveLength(2);
    await expect.poll(async () => (await shellCalls()).slice(-4)).toEqual([['save', job, USB], ['save', job, USB], ['saveAs', job], ['openFile', DESKTOP_FILE]]);
    expect(apiCalls.filter((c) => c === 'export:pdf')).toHaveLength(2);
    expect(apiCalls).not.toContain('export:result');
    expect(downloads).toEqual([]);
    expect(pageErrors).toEqual([]);
    await dialog.getByRole('button', { name: '完成' }).click();
  });

  it('offers to export again when main refuses the save outright', { timeout: 240_000 }, async () => {
    await failNextSave({ code: 'job-not-found', messageZh: '找不到这次导出任务，请重新导出。', thrown: true });
    const dialog = await exportPdf();
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent(), { timeout: 170_000 }).toBe('找不到这次导出任务，请重新导出。');
    expect(await dialog.getByRole('button', { name: '另存为…' }).count()).toBe(0);
    await dialog.getByRole('button', { name: '开始导出' }).click();
    await waitForOutcome(dialog);
    expect(await dialog.locator('.export-path').textContent()).toBe(`${USB}/医周药事2024年第47期.pdf`);
    expect(pdfJobs).toHaveLength(4);
    expect(downloads).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
