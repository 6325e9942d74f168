// Opening `.weekly` files: read the bytes, hand them to the engine (which owns the format and
// the archive), then tell the window to show the issue. Dependencies are injected so this
// runs in tests without Electron.
import { basename } from 'node:path';
import { isChannel, type Channel } from '../../shared/api/contract';
import type { DispatchResult } from '../engine/service/dispatch';
import type { ShellCommand } from '../preload/channels';
import { MAX_WEEKLY_BYTES } from './weeklyFile';

/** The contract channel that imports a `.weekly` file into the archive (asked of shared/api). */
export const IMPORT_WEEKLY_CHANNEL = 'issues:importWeekly';

export interface OpenWeeklyDeps {
  size(path: string): Promise<number>;
  read(path: string): Promise<Uint8Array>;
  call(channel: Channel, input: unknown): Promise<DispatchResult>;
  command(command: ShellCommand): void;
  error(messageZh: string): void;
  opened?(path: string): void;
  /** whether the contract has the import channel (defaults to asking the contract) */
  importAvailable?: boolean;
}

export async function openWeeklyFile(path: string, deps: OpenWeeklyDeps): Promise<string | null> {
  const name = basename(path);
  if (!(deps.importAvailable ?? isChannel(IMPORT_WEEKLY_CHANNEL))) {
    deps.error(`此版本还不能打开期刊文件“${name}”。`);
    return null;
  }
  let bytes: Uint8Array;
  try {
    if ((await deps.size(path)) > MAX_WEEKLY_BYTES) {
      deps.error(`期刊文件“${name}”太大，无法打开。`);
      return null;
    }
    bytes = await deps.read(path);
  } catch {
    deps.error(`无法读取期刊文件“${name}”，请确认文件存在且可以读取。`);
    return null;
  }
  const reply = await deps.call(IMPORT_WEEKLY_CHANNEL as Channel, { name, data: Buffer.from(bytes).toString('base64') });
  if (!reply.ok) {
    deps.error(reply.error.messageZh);
    return null;
  }
  const issueId = (reply.result as { id?: unknown }).id;
  if (typeof issueId !== 'string') {
    deps.error(`打开“${name}”后没有得到期刊。`);
    return null;
  }
  deps.opened?.(path);
  deps.command({ name: 'issue:open', issueId });
  return issueId;
}
