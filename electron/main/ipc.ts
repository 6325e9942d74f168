// IPC wiring: one handler per contract channel. Each call is checked for its sender (the app's
// own top frame) and validated with the contract's zod schema before it reaches the engine;
// anything else is refused with a Chinese message. No business logic lives here.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, isChannel, specOf, type Channel } from '../../shared/api/contract';
import type { DispatchResult } from '../engine/service/dispatch';
import { OPEN_FILE_CHANNEL } from '../preload/channels';
import { isTrustedIpcSender } from '../security/navigation';
import { isWeeklyPath } from './weeklyFile';

export interface SenderInfo {
  url: string | null;
  isMainFrame: boolean;
}

export interface ContractHandlerDeps {
  call(channel: Channel, input: unknown): Promise<DispatchResult>;
  afterCall?(channel: Channel, reply: DispatchResult): void;
  log?(message: string): void;
}

export type ContractHandler = (channel: string, sender: SenderInfo, input: unknown) => Promise<DispatchResult>;

const refuse = (code: string, messageZh: string): DispatchResult => ({ ok: false, error: { code, messageZh } });

export function createContractHandler(deps: ContractHandlerDeps): ContractHandler {
  const log = deps.log ?? (() => {});
  return async (channel, sender, input) => {
    if (!isTrustedIpcSender(sender.url, sender.isMainFrame)) {
      log(`${channel}: refused call from ${sender.url ?? 'unknown frame'}`);
      return refuse('untrusted-sender', '拒绝来自非本应用页面的请求。');
    }
    if (!isChannel(channel)) return refuse('unknown-channel', `不支持的操作：${channel.slice(0, 60)}`);
    const parsed = specOf(channel).input.safeParse(input ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      log(`${channel}: invalid input: ${parsed.error.message}`);
      const where = first?.path.length ? `（${first.path.join('.')}）` : '';
      return refuse('invalid-input', `请求内容有误${where}：${first?.message ?? '格式不对'}`);
    }
    const reply = await deps.call(channel, parsed.data);
    deps.afterCall?.(channel, reply);
    return reply;
  };
}

export function senderOf(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): SenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url ?? null, isMainFrame: frame !== null && frame !== undefined && frame === event.sender.mainFrame };
}

/** Register the contract on ipcMain; returns a function that removes every handler. */
export function registerContract(ipcMain: IpcMain, handle: ContractHandler): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => handle(channel, senderOf(event), input));
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** `.weekly` files dropped on the window: only paths of that kind, only from the app's page. */
export function registerFileDrops(ipcMain: IpcMain, open: (path: string) => void, log: (message: string) => void = () => {}): void {
  ipcMain.on(OPEN_FILE_CHANNEL, (event, path: unknown) => {
    const sender = senderOf(event);
    if (!isTrustedIpcSender(sender.url, sender.isMainFrame)) {
      log(`${OPEN_FILE_CHANNEL}: refused from ${sender.url ?? 'unknown frame'}`);
      return;
    }
    if (typeof path !== 'string' || path.length > 4096 || !isWeeklyPath(path)) {
      log(`${OPEN_FILE_CHANNEL}: ignored ${String(path).slice(0, 200)}`);
      return;
    }
    open(path);
  });
}
