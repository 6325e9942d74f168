// Desktop only: an export saved straight into the editor's export folder by main, then opened
// or shown in the file manager. A small bridge of its own next to the contract: main fetches
// the file from the engine and writes it, so the file's bytes never pass through the page.
// Main validates every call (zod) and opens only files it wrote itself in this session.
import type { DesktopExports, SaveOutcome } from '../../shared/api/desktopExports';
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

export type { DesktopExports, SavedExport, SaveFailureCode, SaveOutcome } from '../../shared/api/desktopExports';

export function isExportFileChannel(channel: unknown): channel is ExportFileChannel {
  return typeof channel === 'string' && (EXPORT_FILE_CHANNELS as readonly string[]).includes(channel);
}

const asText = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) throw new ApiCallError('invalid-input', `请求内容有误（${name}）。`);
  return value;
};

export function createDeskExports(ipc: IpcRendererLike): DesktopExports {
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
