// Desktop exports: when an export job is done, main fetches its file from the engine and writes
// it into the editor's export folder (temporary file + rename, so a half-written PDF never
// carries the real name), then opens it or shows it in the file manager on request. The page
// only names jobs and paths; main accepts only jobs started in this session and opens only
// files it wrote itself in this session.
import type { IpcMain, OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { exportFileSchema, type Channel, type ExportFile, type Settings } from '../../shared/api/contract';
import type { DispatchResult } from '../engine/service/dispatch';
import { EXPORT_FILE_CHANNELS, type ExportFileChannel, type SaveFailureCode, type SaveOutcome } from '../preload/exportFiles';
import { isTrustedIpcSender } from '../security/navigation';
import { senderOf, type SenderInfo } from './ipc';

export interface DialogLike {
  showOpenDialog(options: OpenDialogOptions): Promise<Pick<OpenDialogReturnValue, 'canceled' | 'filePaths'>>;
  showSaveDialog(options: SaveDialogOptions): Promise<Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>>;
}

export interface ShellLike {
  /** resolves with '' on success, an error description otherwise (Electron's shell.openPath) */
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

/** The few file operations the atomic write needs (node:fs/promises; tests pass failing ones). */
export interface ExportFs {
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  writeFile(path: string, data: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: true }): Promise<void>;
}

export interface ExportFilesDeps {
  /** the engine (contract channels) */
  call(channel: Channel, input: unknown): Promise<DispatchResult>;
  /** app.getPath('documents'): where exports go until the editor chooses a folder */
  documentsDir(): string;
  dialog: DialogLike;
  shell: ShellLike;
  fs?: ExportFs;
  log?(message: string): void;
}

export interface ExportFiles {
  /** a job the engine started for this session's page (export:pdf / export:docx replies) */
  noteJob(jobId: string): void;
  handle(channel: string, sender: SenderInfo, input: unknown): Promise<DispatchResult>;
  /** paths written in this session (for tests and logs) */
  written(): readonly string[];
}

const empty = z.object({}).strict();
const jobInput = z.object({ jobId: z.string().min(1).max(200) }).strict();
const pathInput = z.object({ path: z.string().min(1).max(4096) }).strict();

const INPUTS: Record<ExportFileChannel, z.ZodType> = {
  'exports:folder': empty,
  'exports:chooseFolder': empty,
  'exports:save': jobInput,
  'exports:saveAs': jobInput,
  'exports:openFile': pathInput,
  'exports:showInFolder': pathInput,
};

const ok = (result: unknown): DispatchResult => ({ ok: true, result });
const refuse = (code: string, messageZh: string): DispatchResult => ({ ok: false, error: { code, messageZh } });
const isExportChannel = (channel: string): channel is ExportFileChannel => (EXPORT_FILE_CHANNELS as readonly string[]).includes(channel);
const errorCode = (e: unknown): string => (typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : 'unknown');

/** A name Windows, macOS and Linux all accept: the engine builds it from the publisher's name. */
export function safeFileName(name: string, fallback = 'export'): string {
  // Separators become '-' too, so the name can never leave the folder.
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-')
    .replace(/[. ]+$/, '')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned.slice(0, 200) : fallback;
}

class WriteStepError extends Error {
  constructor(
    readonly step: 'write' | 'rename',
    readonly reason: unknown,
  ) {
    super(`${step} failed: ${String(reason)}`);
  }
}

/** Write next to the target, then rename over it: the target is either the old file or the whole new one. */
export async function writeFileAtomically(fs: ExportFs, target: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw new WriteStepError('write', e);
  }
  try {
    await fs.rename(temp, target);
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw new WriteStepError('rename', e);
  }
}

const ALSO = '可以点“另存为…”另选位置，或点“更改…”换一个导出文件夹。';

function failure(code: SaveFailureCode, messageZh: string): SaveOutcome {
  return { saved: false, code, messageZh };
}

function folderMissing(folder: string): SaveOutcome {
  return failure('folder-missing', `导出文件夹“${folder}”不存在了（可能已被移动、删除，或移动硬盘已拔出），文件没有保存。${ALSO}`);
}

function describeWriteFailure(e: WriteStepError, folder: string, name: string): SaveOutcome {
  const code = errorCode(e.reason);
  if (code === 'ENOENT' || code === 'ENOTDIR') return folderMissing(folder);
  if (code === 'ENOSPC') return failure('unwritable', `“${folder}”所在的磁盘空间不足，文件没有保存。${ALSO}`);
  if (e.step === 'rename') {
    if (code === 'EISDIR') return failure('unwritable', `“${folder}”中已有名为“${name}”的文件夹，文件没有保存。${ALSO}`);
    return failure('locked', `无法覆盖“${name}”：这个文件可能正被其他程序（如 PDF 阅读器或 Word）打开。请关闭它后点“重新保存”，或点“另存为…”换个位置或名字保存。`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return failure('unwritable', `没有权限在“${folder}”中保存文件。${ALSO}`);
  return failure('unwritable', `文件没有保存到“${folder}”（${code}）。${ALSO}`);
}

export function createExportFiles(deps: ExportFilesDeps): ExportFiles {
  const fs: ExportFs = deps.fs ?? {
    stat: (p) => fsp.stat(p),
    writeFile: (p, data, options) => fsp.writeFile(p, data, options),
    rename: (from, to) => fsp.rename(from, to),
    rm: (p, options) => fsp.rm(p, options),
  };
  const log = deps.log ?? (() => {});
  const jobs = new Set<string>();
  const written = new Set<string>();

  async function readSettings(): Promise<Settings | null> {
    const reply = await deps.call('settings:get', {});
    return reply.ok ? (reply.result as Settings) : null;
  }

  async function currentFolder(): Promise<string> {
    const configured = (await readSettings())?.exportFolder ?? '';
    if (configured && isAbsolute(configured)) return configured;
    if (configured) log(`export folder setting is not an absolute path, using Documents instead: ${configured.slice(0, 200)}`);
    return deps.documentsDir();
  }

  async function fetchFile(jobId: string): Promise<{ file: ExportFile } | { refused: DispatchResult }> {
    const reply = await deps.call('export:result', { jobId });
    if (!reply.ok) return { refused: reply };
    const parsed = exportFileSchema.safeParse(reply.result);
    if (!parsed.success) {
      log(`export:result for ${jobId}: unexpected shape: ${parsed.error.message}`);
      return { refused: refuse('bad-response', '程序内部错误：导出结果的格式不对。') };
    }
    return { file: parsed.data };
  }

  async function writeExport(folder: string, name: string, file: ExportFile): Promise<SaveOutcome> {
    const target = join(folder, name);
    const isFolder = await fs.stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isFolder) {
      log(`export not saved: folder ${folder} does not exist or is not a folder`);
      return folderMissing(folder);
    }
    try {
      await writeFileAtomically(fs, target, Buffer.from(file.data, 'base64'));
    } catch (e) {
      if (!(e instanceof WriteStepError)) throw e;
      log(`export not saved to ${target}: ${e.step} failed (${errorCode(e.reason)}): ${String(e.reason)}`);
      return describeWriteFailure(e, folder, name);
    }
    written.add(target);
    log(`export saved to ${target}`);
    return { saved: true, file: { path: target, fileName: name, folder, pageCount: file.pageCount } };
  }

  /** The job must be one this session started; its file comes from the engine, not the page. */
  async function withJobFile(jobId: string, then: (file: ExportFile) => Promise<DispatchResult>): Promise<DispatchResult> {
    if (!jobs.has(jobId)) {
      log(`export file refused: unknown job ${jobId.slice(0, 80)}`);
      return refuse('job-not-found', '找不到这次导出任务，请重新导出。');
    }
    const fetched = await fetchFile(jobId);
    return 'refused' in fetched ? fetched.refused : then(fetched.file);
  }

  /** Only absolute paths this session wrote: the page cannot make main open anything else. */
  function checkWritten(channel: string, path: string): DispatchResult | null {
    if (!isAbsolute(path)) {
      log(`${channel}: refused relative path ${path.slice(0, 200)}`);
      return refuse('invalid-path', '只能打开本次导出保存的文件。');
    }
    if (!written.has(path)) {
      log(`${channel}: refused a path this session did not write: ${path.slice(0, 200)}`);
      return refuse('not-exported', '只能打开本次导出保存的文件。');
    }
    return null;
  }

  const handlers: Record<ExportFileChannel, (input: never) => Promise<DispatchResult>> = {
    'exports:folder': async () => ok({ folder: await currentFolder() }),
    'exports:chooseFolder': async () => {
      const picked = await deps.dialog.showOpenDialog({
        title: '选择导出文件夹',
        defaultPath: await currentFolder(),
        buttonLabel: '选择',
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = picked.filePaths[0];
      if (picked.canceled || !folder) return ok({ folder: null });
      if (!isAbsolute(folder)) return refuse('invalid-path', '请选择一个文件夹。');
      const settings = await readSettings();
      if (!settings) return refuse('settings-unavailable', '无法读取设置，导出文件夹没有更改。');
      const saved = await deps.call('settings:set', { ...settings, exportFolder: folder });
      if (!saved.ok) return saved;
      log(`export folder set to ${folder}`);
      return ok({ folder });
    },
    'exports:save': async ({ jobId }: { jobId: string }) =>
      withJobFile(jobId, async (file) => ok(await writeExport(await currentFolder(), safeFileName(file.fileName), file))),
    'exports:saveAs': async ({ jobId }: { jobId: string }) =>
      withJobFile(jobId, async (file) => {
        const name = safeFileName(file.fileName);
        const ext = extname(name).slice(1).toLowerCase();
        const chosen = await deps.dialog.showSaveDialog({
          title: '另存为',
          defaultPath: join(await currentFolder(), name),
          filters: [{ name: ext === 'pdf' ? 'PDF 文件' : ext === 'docx' ? 'Word 文档' : '文件', extensions: [ext || '*'] }],
          properties: ['createDirectory', 'showOverwriteConfirmation'],
        });
        if (chosen.canceled || !chosen.filePath) return ok(failure('canceled', '已取消另存为，文件没有保存。'));
        if (!isAbsolute(chosen.filePath)) return refuse('invalid-path', '请选择保存的位置。');
        return ok(await writeExport(dirname(chosen.filePath), basename(chosen.filePath), file));
      }),
    'exports:openFile': async ({ path }: { path: string }) => {
      const refused = checkWritten('exports:openFile', path);
      if (refused) return refused;
      const error = await deps.shell.openPath(path);
      if (error) {
        log(`exports:openFile: could not open ${path}: ${error}`);
        return refuse('open-failed', `无法打开“${basename(path)}”：系统没有能打开它的程序，或文件已被移动或删除。`);
      }
      return ok(null);
    },
    'exports:showInFolder': async ({ path }: { path: string }) => {
      const refused = checkWritten('exports:showInFolder', path);
      if (refused) return refused;
      deps.shell.showItemInFolder(path);
      return ok(null);
    },
  };

  return {
    noteJob: (jobId) => void jobs.add(jobId),
    written: () => [...written],
    handle: async (channel, sender, input) => {
      if (!isTrustedIpcSender(sender.url, sender.isMainFrame)) {
        log(`${channel}: refused call from ${sender.url ?? 'unknown frame'}`);
        return refuse('untrusted-sender', '拒绝来自非本应用页面的请求。');
      }
      if (!isExportChannel(channel)) return refuse('unknown-channel', `不支持的操作：${channel.slice(0, 60)}`);
      const parsed = INPUTS[channel].safeParse(input ?? {});
      if (!parsed.success) {
        log(`${channel}: invalid input: ${parsed.error.message}`);
        return refuse('invalid-input', '请求内容有误。');
      }
      try {
        return await handlers[channel](parsed.data as never);
      } catch (e) {
        log(`${channel} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return refuse('internal', '程序内部错误，请重试。');
      }
    },
  };
}

/** Register the export-file channels on ipcMain; returns a function that removes them. */
export function registerExportFiles(ipcMain: IpcMain, files: Pick<ExportFiles, 'handle'>): () => void {
  for (const channel of EXPORT_FILE_CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => files.handle(channel, senderOf(event), input));
  }
  return () => {
    for (const channel of EXPORT_FILE_CHANNELS) ipcMain.removeHandler(channel);
  };
}
