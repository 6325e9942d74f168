import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { CHANNELS } from '../../../../shared/api/contract';
import { createContractHandler, registerContract, registerFileDrops } from '../../../../electron/main/ipc';

const app = { url: 'app://weekly-desk/index.html', isMainFrame: true };

function handler() {
  const call = vi.fn(async (channel: string, input: unknown) => ({ ok: true as const, result: { channel, input } }));
  const afterCall = vi.fn();
  return { handle: createContractHandler({ call, afterCall }), call, afterCall };
}

describe('createContractHandler', () => {
  it('forwards a valid call with its parsed input (defaults filled)', async () => {
    const { handle, call, afterCall } = handler();
    const reply = await handle('search:query', app, { query: '医保' });
    expect(call).toHaveBeenCalledWith('search:query', { query: '医保', limit: 50 });
    expect(reply).toEqual({ ok: true, result: { channel: 'search:query', input: { query: '医保', limit: 50 } } });
    expect(afterCall).toHaveBeenCalledWith('search:query', reply);
  });

  it('refuses input outside the schema before it reaches the engine', async () => {
    const { handle, call } = handler();
    for (const [channel, input] of [
      ['search:query', { query: '' }],
      ['issues:create', { isoWeek: '2024-47' }],
      ['issues:get', { id: 42 }],
      ['import:url', { url: 'file:///etc/passwd' }],
      ['export:pdf', { issueId: 'x', pageSize: 'Letter' }],
    ] as const) {
      const reply = await handle(channel, app, input);
      expect(reply.ok, channel).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe('invalid-input');
        expect(reply.error.messageZh).toMatch(/^请求内容有误/);
      }
    }
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses channels outside the contract', async () => {
    const { handle, call } = handler();
    const reply = await handle('fs:readFile', app, { path: '/etc/passwd' });
    expect(reply).toEqual({ ok: false, error: { code: 'unknown-channel', messageZh: expect.stringContaining('不支持的操作') } });
    expect(call).not.toHaveBeenCalled();
  });

  it('refuses callers that are not the app top frame', async () => {
    const { handle, call } = handler();
    for (const sender of [
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'app://weekly-desk/index.html', isMainFrame: false },
      { url: null, isMainFrame: true },
    ]) {
      const reply = await handle('issues:list', sender, {});
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('untrusted-sender');
    }
    expect(call).not.toHaveBeenCalled();
  });
});

describe('registerContract', () => {
  it('registers one ipcMain handler per contract channel and removes them all', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
    const ipcMain = {
      handle: (channel: string, h: (event: unknown, input: unknown) => unknown) => handlers.set(channel, h),
      removeHandler: (channel: string) => handlers.delete(channel),
    } as unknown as IpcMain;
    const handle = vi.fn(async () => ({ ok: true as const, result: 1 }));
    const unregister = registerContract(ipcMain, handle);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const mainFrame = { url: 'app://weekly-desk/index.html' };
    await handlers.get('issues:list')!({ senderFrame: mainFrame, sender: { mainFrame } }, {});
    expect(handle).toHaveBeenCalledWith('issues:list', { url: 'app://weekly-desk/index.html', isMainFrame: true }, {});
    const sub = { url: 'app://weekly-desk/index.html' };
    await handlers.get('issues:list')!({ senderFrame: sub, sender: { mainFrame } }, {});
    expect(handle).toHaveBeenLastCalledWith('issues:list', { url: 'app://weekly-desk/index.html', isMainFrame: false }, {});
    unregister();
    expect(handlers.size).toBe(0);
  });
});

describe('registerFileDrops', () => {
  it('opens dropped .weekly paths from the app page only', () => {
    let listener: ((event: unknown, path: unknown) => void) | null = null;
    const ipcMain = { on: (channel: string, l: (event: unknown, path: unknown) => void) => (expect(channel).toBe('shell:openFile'), (listener = l)) } as unknown as IpcMain;
    const open = vi.fn();
    registerFileDrops(ipcMain, open);
    const frame = { url: 'app://weekly-desk/index.html' };
    const fromApp = { senderFrame: frame, sender: { mainFrame: frame } };
    listener!(fromApp, '/home/ed/2024年第47期.weekly');
    listener!(fromApp, '/etc/passwd');
    listener!(fromApp, 42);
    listener!({ senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: frame } }, '/home/ed/x.weekly');
    expect(open.mock.calls).toEqual([['/home/ed/2024年第47期.weekly']]);
  });
});
