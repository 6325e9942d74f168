// Saving exports in the desktop app, with stand-ins for Electron's dialog and shell and for the
// engine: main writes the job's file into the export folder atomically, reports a folder that
// is gone or a file it cannot replace in Chinese, and opens only files it wrote itself.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMain } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settingsSchema, type ExportFile, type Settings } from '../../../../shared/api/contract';
import { createExportFiles, registerExportFiles, safeFileName, type ExportFs } from '../../../../electron/main/exportFiles';
import { EXPORT_FILE_CHANNELS, type SaveOutcome } from '../../../../electron/preload/exportFiles';

const app = { url: 'app://weekly-desk/index.html', isMainFrame: true };
/** what a PDF of the sample issue starts with, and a page count the engine reports */
const PDF_BYTES = Buffer.from('%PDF-1.7\n% 医周药事 2024年第47期\n', 'utf8');
const PDF: ExportFile = { fileName: '医周药事2024年第47期.pdf', mimeType: 'application/pdf', data: PDF_BYTES.toString('base64'), pageCount: 24, pageMap: {} };

let root: string;
let documents: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'weekly-desk-exports-'));
  documents = join(root, '文档');
  mkdirSync(documents);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function setup(options: { exportFolder?: string; fs?: ExportFs; files?: Record<string, ExportFile> } = {}) {
  let settings: Settings = settingsSchema.parse({ publisher: '医周药事编辑部', exportFolder: options.exportFolder ?? '' });
  const files = options.files ?? { 'job-pdf': PDF };
  const engineCalls: string[] = [];
  const call = vi.fn(async (channel: string, input: unknown) => {
    engineCalls.push(channel);
    if (channel === 'settings:get') return { ok: true as const, result: settings };
    if (channel === 'settings:set') {
      settings = settingsSchema.parse(input);
      return { ok: true as const, result: settings };
    }
    if (channel === 'export:result') {
      const file = files[(input as { jobId: string }).jobId];
      return file ? { ok: true as const, result: file } : { ok: false as const, error: { code: 'job-not-found', messageZh: '找不到这次导出任务，请重新导出。' } };
    }
    throw new Error(`unexpected engine call ${channel}`);
  });
  const dialog = {
    showOpenDialog: vi.fn(async (_options: object) => ({ canceled: true, filePaths: [] as string[] })),
    showSaveDialog: vi.fn(async (_options: object) => ({ canceled: true, filePath: '' })),
  };
  const shell = { openPath: vi.fn(async (_path: string) => ''), showItemInFolder: vi.fn((_path: string) => {}) };
  const logs: string[] = [];
  const files$ = createExportFiles({ call, documentsDir: () => documents, dialog, shell, fs: options.fs, log: (m) => logs.push(m) });
  for (const jobId of Object.keys(files)) files$.noteJob(jobId);
  const handle = (channel: string, input: unknown, sender = app) => files$.handle(channel, sender, input);
  const save = async (jobId = 'job-pdf') => {
    const reply = await handle('exports:save', { jobId });
    if (!reply.ok) throw new Error(`refused: ${reply.error.code}`);
    return reply.result as SaveOutcome;
  };
  return { handle, save, call, engineCalls, dialog, shell, logs, files: files$, settings: () => settings };
}

const saved = (outcome: SaveOutcome) => {
  if (!outcome.saved) throw new Error(`not saved: ${outcome.messageZh}`);
  return outcome.file;
};

describe('exports:save', () => {
  it('writes the job’s file into the Documents folder when no folder was chosen', async () => {
    const { save, files } = setup();
    const file = saved(await save());
    expect(file).toEqual({ path: join(documents, '医周药事2024年第47期.pdf'), fileName: '医周药事2024年第47期.pdf', folder: documents, pageCount: 24 });
    expect(readFileSync(file.path)).toEqual(PDF_BYTES);
    expect(readdirSync(documents)).toEqual(['医周药事2024年第47期.pdf']);
    expect(files.written()).toEqual([file.path]);
  });

  it('writes into the folder the settings name, and falls back to Documents for a relative one', async () => {
    const chosen = join(root, '周刊导出');
    mkdirSync(chosen);
    expect(saved(await setup({ exportFolder: chosen }).save()).path).toBe(join(chosen, '医周药事2024年第47期.pdf'));
    const relative = setup({ exportFolder: 'exports' });
    expect(saved(await relative.save()).folder).toBe(documents);
    expect(relative.logs.join('\n')).toContain('not an absolute path');
  });

  it('replaces an earlier export of the same issue as a whole', async () => {
    const target = join(documents, '医周药事2024年第47期.pdf');
    writeFileSync(target, 'the export from yesterday');
    saved(await setup().save());
    expect(readFileSync(target)).toEqual(PDF_BYTES);
    expect(readdirSync(documents)).toEqual(['医周药事2024年第47期.pdf']);
  });

  it('keeps a file name every system accepts', async () => {
    const odd = { ...PDF, fileName: '医周/药事:2024*第47期?.pdf' };
    const file = saved(await setup({ files: { 'job-odd': odd } }).save('job-odd'));
    expect(file.fileName).toBe('医周-药事-2024-第47期-.pdf');
    expect(file.path).toBe(join(documents, file.fileName));
    expect(safeFileName('../../etc/passwd')).toBe('..-..-etc-passwd');
    expect(safeFileName('..\\..\\boot.ini')).toBe('..-..-boot.ini');
    expect(safeFileName('..')).toBe('export');
    expect(safeFileName('报告. . ')).toBe('报告');
  });

  it('says in Chinese that the folder is gone, logs in English and writes nothing', async () => {
    const gone = join(root, 'U盘', '周刊');
    const { save, logs, files } = setup({ exportFolder: gone });
    const outcome = await save();
    expect(outcome).toEqual({ saved: false, code: 'folder-missing', messageZh: expect.stringContaining(`导出文件夹“${gone}”不存在了`) });
    expect(!outcome.saved && outcome.messageZh).toContain('另存为…');
    expect(logs.join('\n')).toMatch(/export not saved: folder .* does not exist/);
    expect(existsSync(gone)).toBe(false);
    expect(files.written()).toEqual([]);
  });

  it('says the folder cannot be written to when the system refuses the file', async () => {
    const denied: ExportFs = { ...fsp, writeFile: async () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) };
    const { save, logs } = setup({ fs: denied });
    const outcome = await save();
    expect(outcome).toEqual({ saved: false, code: 'unwritable', messageZh: expect.stringContaining(`没有权限在“${documents}”中保存文件`) });
    expect(logs.join('\n')).toContain('write failed (EACCES)');
    expect(readdirSync(documents)).toEqual([]);
  });

  it.each(['EBUSY', 'EPERM'])('leaves an open (locked) file as it was and removes its temporary file (%s)', async (code) => {
    const target = join(documents, '医周药事2024年第47期.pdf');
    writeFileSync(target, 'open in the PDF reader');
    // Windows refuses to replace a file another program holds open (EBUSY / EPERM).
    const locked: ExportFs = { ...fsp, rename: async () => Promise.reject(Object.assign(new Error(`${code}: operation not permitted, rename`), { code })) };
    const { save, logs } = setup({ fs: locked });
    const outcome = await save();
    expect(outcome).toMatchObject({ saved: false, code: 'locked' });
    expect(!outcome.saved && outcome.messageZh).toContain('可能正被其他程序');
    expect(logs.join('\n')).toContain(`rename failed (${code})`);
    expect(readFileSync(target, 'utf8')).toBe('open in the PDF reader');
    expect(readdirSync(documents)).toEqual(['医周药事2024年第47期.pdf']);
  });

  it('never leaves a half-written file under the real name', async () => {
    const target = join(documents, '医周药事2024年第47期.pdf');
    writeFileSync(target, 'the export from yesterday');
    const diskFull: ExportFs = {
      ...fsp,
      writeFile: async (path, data) => {
        await fsp.writeFile(path, data.subarray(0, 4));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const outcome = await setup({ fs: diskFull }).save();
    expect(outcome).toMatchObject({ saved: false, code: 'unwritable', messageZh: expect.stringContaining('磁盘空间不足') });
    expect(readFileSync(target, 'utf8')).toBe('the export from yesterday');
    expect(readdirSync(documents)).toEqual(['医周药事2024年第47期.pdf']);
  });

  it('reports a folder with the file’s name in the way (a real rename failure)', async () => {
    mkdirSync(join(documents, '医周药事2024年第47期.pdf'));
    writeFileSync(join(documents, '医周药事2024年第47期.pdf', 'keep.txt'), '');
    const outcome = await setup().save();
    expect(outcome.saved).toBe(false);
    expect(readdirSync(documents)).toEqual(['医周药事2024年第47期.pdf']);
  });

  it('accepts only jobs this session started, and asks the engine for nothing else', async () => {
    const { handle, engineCalls } = setup();
    const reply = await handle('exports:save', { jobId: 'job-from-elsewhere' });
    expect(reply).toEqual({ ok: false, error: { code: 'job-not-found', messageZh: '找不到这次导出任务，请重新导出。' } });
    expect(engineCalls).toEqual([]);
  });

  it('validates every call before it does anything', async () => {
    const { handle, engineCalls, shell, dialog } = setup();
    for (const [channel, input] of [
      ['exports:save', { jobId: 42 }],
      ['exports:save', {}],
      ['exports:save', { jobId: 'job-pdf', folder: '/etc' }],
      ['exports:saveAs', 'job-pdf'],
      ['exports:openFile', { path: ['/etc/passwd'] }],
      ['exports:showInFolder', { path: '' }],
      ['exports:chooseFolder', { defaultPath: '/etc' }],
    ] as const) {
      const reply = await handle(channel, input);
      expect(reply, `${channel} ${JSON.stringify(input)}`).toEqual({ ok: false, error: { code: 'invalid-input', messageZh: '请求内容有误。' } });
    }
    expect((await handle('exports:delete', { path: '/tmp/x' })).ok).toBe(false);
    const foreign = await handle('exports:save', { jobId: 'job-pdf' }, { url: 'https://evil.example/', isMainFrame: true });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(engineCalls).toEqual([]);
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('exports:openFile and exports:showInFolder', () => {
  it('open and show the file main saved, by its exact path', async () => {
    const { save, handle, shell } = setup();
    const { path } = saved(await save());
    expect(await handle('exports:openFile', { path })).toEqual({ ok: true, result: null });
    expect(await handle('exports:showInFolder', { path })).toEqual({ ok: true, result: null });
    expect(shell.openPath.mock.calls).toEqual([[path]]);
    expect(shell.showItemInFolder.mock.calls).toEqual([[path]]);
  });

  it('refuse any path main did not write in this session, and relative paths', async () => {
    const { save, handle, shell, logs } = setup();
    const { path } = saved(await save());
    writeFileSync(join(documents, 'other.pdf'), '');
    for (const other of ['/etc/passwd', join(documents, 'other.pdf'), `${documents}/../文档/医周药事2024年第47期.pdf`, '医周药事2024年第47期.pdf', `${path}/`]) {
      for (const channel of ['exports:openFile', 'exports:showInFolder']) {
        const reply = await handle(channel, { path: other });
        expect(reply, `${channel} ${other}`).toMatchObject({ ok: false, error: { messageZh: '只能打开本次导出保存的文件。' } });
      }
    }
    expect(shell.openPath).not.toHaveBeenCalled();
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
    expect(logs.join('\n')).toContain('refused relative path');
    expect(logs.join('\n')).toContain('did not write');
  });

  it('refuse everything before anything was saved', async () => {
    const { handle, shell } = setup();
    expect((await handle('exports:openFile', { path: join(documents, '医周药事2024年第47期.pdf') })).ok).toBe(false);
    expect(shell.openPath).not.toHaveBeenCalled();
  });

  it('turn a file the system cannot open into a Chinese message', async () => {
    const { save, handle, shell, logs } = setup();
    const { path } = saved(await save());
    shell.openPath.mockResolvedValueOnce('Failed to open path');
    expect(await handle('exports:openFile', { path })).toEqual({
      ok: false,
      error: { code: 'open-failed', messageZh: '无法打开“医周药事2024年第47期.pdf”：系统没有能打开它的程序，或文件已被移动或删除。' },
    });
    expect(logs.join('\n')).toContain('Failed to open path');
  });
});

describe('exports:folder and exports:chooseFolder', () => {
  it('name the Documents folder until another is chosen, then remember the choice in the settings', async () => {
    const { handle, dialog, settings } = setup();
    expect(await handle('exports:folder', {})).toEqual({ ok: true, result: { folder: documents } });
    const chosen = join(root, '周刊导出');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [chosen] });
    expect(await handle('exports:chooseFolder', {})).toEqual({ ok: true, result: { folder: chosen } });
    expect(dialog.showOpenDialog.mock.calls[0][0]).toMatchObject({ defaultPath: documents, properties: ['openDirectory', 'createDirectory'] });
    expect(settings()).toMatchObject({ exportFolder: chosen, publisher: '医周药事编辑部' });
    expect(await handle('exports:folder', {})).toEqual({ ok: true, result: { folder: chosen } });
  });

  it('change nothing when the picker is cancelled', async () => {
    const { handle, engineCalls } = setup();
    expect(await handle('exports:chooseFolder', {})).toEqual({ ok: true, result: { folder: null } });
    expect(engineCalls).not.toContain('settings:set');
  });
});

describe('exports:saveAs', () => {
  it('writes where the save dialog says, and that file can be opened', async () => {
    const { handle, dialog, shell } = setup({ exportFolder: join(root, 'gone') });
    const elsewhere = join(root, '桌面');
    mkdirSync(elsewhere);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(elsewhere, '第47期.pdf') });
    const reply = await handle('exports:saveAs', { jobId: 'job-pdf' });
    expect(reply).toEqual({ ok: true, result: { saved: true, file: { path: join(elsewhere, '第47期.pdf'), fileName: '第47期.pdf', folder: elsewhere, pageCount: 24 } } });
    expect(dialog.showSaveDialog.mock.calls[0][0]).toMatchObject({ defaultPath: join(root, 'gone', '医周药事2024年第47期.pdf'), filters: [{ extensions: ['pdf'] }] });
    expect(readFileSync(join(elsewhere, '第47期.pdf'))).toEqual(PDF_BYTES);
    expect((await handle('exports:openFile', { path: join(elsewhere, '第47期.pdf') })).ok).toBe(true);
    expect(shell.openPath).toHaveBeenCalledWith(join(elsewhere, '第47期.pdf'));
  });

  it('says so when the editor cancels, and writes nothing', async () => {
    const { handle, files } = setup();
    expect(await handle('exports:saveAs', { jobId: 'job-pdf' })).toEqual({ ok: true, result: { saved: false, code: 'canceled', messageZh: '已取消另存为，文件没有保存。' } });
    expect(files.written()).toEqual([]);
  });
});

describe('registerExportFiles', () => {
  it('registers exactly the export-file channels with the caller’s frame, and removes them', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, h: (event: unknown, input: unknown) => unknown) => handlers.set(channel, h),
      removeHandler: (channel: string) => handlers.delete(channel),
    } as unknown as IpcMain;
    const handle = vi.fn(async () => ({ ok: true as const, result: null }));
    const unregister = registerExportFiles(ipcMain, { handle });
    expect([...handlers.keys()].sort()).toEqual([...EXPORT_FILE_CHANNELS].sort());
    for (const channel of handlers.keys()) expect(channel).toMatch(/^exports:[A-Za-z]+$/);
    const mainFrame = { url: 'app://weekly-desk/index.html' };
    await handlers.get('exports:save')!({ senderFrame: { url: 'app://weekly-desk/index.html' }, sender: { mainFrame } }, { jobId: 'j' });
    expect(handle).toHaveBeenCalledWith('exports:save', { url: 'app://weekly-desk/index.html', isMainFrame: false }, { jobId: 'j' });
    unregister();
    expect(handlers.size).toBe(0);
  });
});
