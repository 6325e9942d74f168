// What the preload hands to contextBridge, built from an injected ipcRenderer so tests run it
// in plain Node. Calls go out only on allow-listed `domain:method` channels; answers come back
// as the dispatch envelope and become a value or an Error carrying the Chinese message.
import type { Channel, WeeklyDeskApi } from '../../shared/api/contract';
import { INVOKE_CHANNELS, isInvokeChannel, isShellCommand, SHELL_EVENT_CHANNEL, type ShellCommand } from './channels';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type Envelope = { ok: true; result: unknown } | { ok: false; error: { code: string; messageZh: string } };

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { ok?: unknown; error?: { code?: unknown; messageZh?: unknown } };
  if (v.ok === true) return 'result' in v;
  return v.ok === false && typeof v.error?.code === 'string' && typeof v.error.messageZh === 'string';
}

/** contextBridge copies only an Error's message, so the Chinese message is the message. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    messageZh: string,
  ) {
    super(messageZh);
    this.name = 'ApiCallError';
  }
}

export function createInvoke(ipc: IpcRendererLike): (channel: Channel, input: unknown) => Promise<unknown> {
  return async (channel, input) => {
    if (!isInvokeChannel(channel)) throw new ApiCallError('unknown-channel', `不支持的操作：${String(channel).slice(0, 60)}`);
    return unwrapReply(await ipc.invoke(channel, input ?? {}));
  };
}

/** main's answer (the dispatch envelope) → its result, or an ApiCallError with the Chinese message */
export function unwrapReply(reply: unknown): unknown {
  if (!isEnvelope(reply)) throw new ApiCallError('bad-response', '程序内部错误：主进程返回的数据格式不对。');
  if (reply.ok) return reply.result;
  throw new ApiCallError(reply.error.code, reply.error.messageZh);
}

/** `window.weeklyDesk`: one function per contract method, nothing else. */
export function createDeskApi(ipc: IpcRendererLike): WeeklyDeskApi {
  const invoke = createInvoke(ipc);
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const channel of INVOKE_CHANNELS) {
    const [domain, method] = channel.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][method] = (input?: unknown) => invoke(channel, input);
  }
  return api as unknown as WeeklyDeskApi;
}

export interface DeskShell {
  /** Listen to menu commands and files opened from the OS; returns the unsubscribe function. */
  onCommand(listener: (command: ShellCommand) => void): () => void;
}

/** `window.weeklyDeskShell`: the one main → renderer event, filtered to known commands. */
export function createDeskShell(ipc: IpcRendererLike): DeskShell {
  return {
    onCommand(listener) {
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      // The IPC event object (with its sender) never reaches the page.
      const wrapped = (_event: unknown, command: unknown): void => {
        if (isShellCommand(command)) listener(command);
      };
      ipc.on(SHELL_EVENT_CHANNEL, wrapped);
      return () => {
        ipc.removeListener(SHELL_EVENT_CHANNEL, wrapped);
      };
    },
  };
}
