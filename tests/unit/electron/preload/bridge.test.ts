import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../../shared/api/contract';
import { ApiCallError, createDeskApi, createDeskShell, createInvoke, type IpcRendererLike } from '../../../../electron/preload/bridge';
import { INVOKE_CHANNELS, isInvokeChannel, isShellCommand, SHELL_EVENT_CHANNEL } from '../../../../electron/preload/channels';

function fakeIpc(reply: (channel: string, input: unknown) => unknown) {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const calls: Array<[string, unknown]> = [];
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      calls.push([channel, args[0]]);
      return reply(channel, args[0]);
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: 'secret' }, ...args));
  return { ipc, calls, emit, listeners };
}

describe('the preload allow-list', () => {
  it('is exactly the contract, every channel named domain:method', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual([...CHANNELS].sort());
    for (const c of INVOKE_CHANNELS) expect(c).toMatch(/^[a-z]+:[A-Za-z]+$/);
  });

  it('refuses anything else', () => {
    expect(isInvokeChannel('issues:list')).toBe(true);
    for (const c of ['issues:drop', 'ISSUES:list', 'vscode:openWindow', 'issues', 'issues:list ', 'shell:command', 'ELECTRON_BROWSER_REQUIRE', 42, null]) {
      expect(isInvokeChannel(c)).toBe(false);
    }
  });
});

describe('window.weeklyDesk', () => {
  it('has one function per contract method and nothing else', () => {
    const { ipc } = fakeIpc(() => ({ ok: true, result: null }));
    const api = createDeskApi(ipc) as unknown as Record<string, Record<string, unknown>>;
    const exposed = Object.entries(api).flatMap(([d, methods]) => Object.keys(methods).map((m) => `${d}:${m}`));
    expect(exposed.sort()).toEqual([...CHANNELS].sort());
    for (const methods of Object.values(api)) for (const f of Object.values(methods)) expect(typeof f).toBe('function');
  });

  it('sends the call on its channel and unwraps the answer', async () => {
    const { ipc, calls } = fakeIpc((channel) => ({ ok: true, result: { channel } }));
    const api = createDeskApi(ipc);
    await expect(api.search.query({ query: '医保' })).resolves.toEqual({ channel: 'search:query' });
    await api.issues.list({});
    expect(calls).toEqual([
      ['search:query', { query: '医保' }],
      ['issues:list', {}],
    ]);
  });

  it('turns a refusal into an Error whose message is the Chinese message', async () => {
    const { ipc } = fakeIpc(() => ({ ok: false, error: { code: 'issue-not-found', messageZh: '找不到这一期，它可能已被删除。' } }));
    const api = createDeskApi(ipc);
    const error = await api.issues.get({ id: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).message).toBe('找不到这一期，它可能已被删除。');
    expect((error as ApiCallError).code).toBe('issue-not-found');
  });

  it('rejects a malformed answer and never sends an unknown channel', async () => {
    const { ipc, calls } = fakeIpc(() => 'garbage');
    const invoke = createInvoke(ipc);
    await expect(invoke('issues:list', {})).rejects.toThrow('主进程返回的数据格式不对');
    await expect(invoke('issues:drop' as never, {})).rejects.toThrow('不支持的操作');
    expect(calls.map((c) => c[0])).toEqual(['issues:list']);
  });
});

describe('window.weeklyDeskShell', () => {
  it('passes known commands on, without the IPC event, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc(() => null);
    const shell = createDeskShell(ipc);
    const seen = vi.fn();
    const off = shell.onCommand(seen);
    emit(SHELL_EVENT_CHANNEL, { name: 'export:pdf' });
    emit(SHELL_EVENT_CHANNEL, { name: 'issue:open', issueId: '2024-W47' });
    emit(SHELL_EVENT_CHANNEL, { name: 'rm -rf' });
    emit(SHELL_EVENT_CHANNEL, { name: 'issue:open' });
    emit('other', { name: 'export:pdf' });
    expect(seen.mock.calls).toEqual([[{ name: 'export:pdf' }], [{ name: 'issue:open', issueId: '2024-W47' }]]);
    off();
    expect(listeners.get(SHELL_EVENT_CHANNEL)?.size).toBe(0);
  });

  it('checks commands strictly', () => {
    expect(isShellCommand({ name: 'search:open' })).toBe(true);
    expect(isShellCommand({ name: 'issue:open', issueId: '' })).toBe(false);
    expect(isShellCommand({ name: 'issue:open', issueId: 'x'.repeat(201) })).toBe(false);
    expect(isShellCommand('export:pdf')).toBe(false);
    expect(isShellCommand(null)).toBe(false);
  });
});
