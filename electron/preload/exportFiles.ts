// Desktop only: an export saved straight into the editor's export folder by main, then opened
// or shown in the file manager. A small bridge of its own next to the contract: main fetches
// the file from the engine and writes it, so the file's bytes never pass through the page.
// Main validates every call (zod) and opens only files it wrote itself in this session.
import { ApiCallError, unwrapReply, type IpcRendererLike } from './bridge';

export const EXPORT_FILE_CHANNELS = [
  'exports:folder',
  'exports:chooseFolder',
  'exports:save',
  'exports:saveAs',
  'exports:openFile',
  'exports:showInFolder',
] as const;
export type ExportFileChannel = (typeof EXPORT_FILE_CHANNELS)[number];

export interface SavedExport {
  /** absolute path of the file main wrote */
  path: string;
  fileName: string;
  folder: string;
  /** PDF only */
  pageCount: number | null;
}

export type SaveFailureCode = 'folder-missing' | 'locked' | 'unwritable' | 'canceled';

/** A failed save is an answer, not an error: the dialog offers 另存为… on it. */
export type SaveOutcome = { saved: true; file: SavedExport } | { saved: false; code: SaveFailureCode; messageZh: string };

/** `window.weeklyDeskShell.exports` */
export interface DeskExports {
  /** the folder exports go to now (the Documents folder unless the editor chose another) */
  folder(): Promise<{ folder: string }>;
  /** the native folder picker; the chosen folder is remembered in the settings. null: cancelled */
  chooseFolder(): Promise<{ folder: string | null }>;
  /** write a finished export job's file into the export folder */
  save(input: { jobId: string }): Promise<SaveOutcome>;
  /** the native save dialog, then write the job's file where the editor said */
  saveAs(input: { jobId: string }): Promise<SaveOutcome>;
  /** open a file main saved in this session with its default app */
  openFile(input: { path: string }): Promise<void>;
  /** show a file main saved in this session in Explorer / Finder / the file manager */
  showInFolder(input: { path: string }): Promise<void>;
}

export function isExportFileChannel(channel: unknown): channel is ExportFileChannel {
  return typeof channel === 'string' && (EXPORT_FILE_CHANNELS as readonly string[]).includes(channel);
}

const asText = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) throw new ApiCallError('invalid-input', `请求内容有误（${name}）。`);
  return value;
};

export function createDeskExports(ipc: IpcRendererLike): DeskExports {
  const invoke = async (channel: ExportFileChannel, input: object): Promise<unknown> => unwrapReply(await ipc.invoke(channel, input));
  // Only the named fields travel, whatever else the page put in the object.
  return {
    folder: async () => (await invoke('exports:folder', {})) as { folder: string },
    chooseFolder: async () => (await invoke('exports:chooseFolder', {})) as { folder: string | null },
    save: async (input) => (await invoke('exports:save', { jobId: asText(input?.jobId, 'jobId') })) as SaveOutcome,
    saveAs: async (input) => (await invoke('exports:saveAs', { jobId: asText(input?.jobId, 'jobId') })) as SaveOutcome,
    openFile: async (input) => void (await invoke('exports:openFile', { path: asText(input?.path, 'path') })),
    showInFolder: async (input) => void (await invoke('exports:showInFolder', { path: asText(input?.path, 'path') })),
  };
}
