// The preload entry itself, with Electron's contextBridge and ipcRenderer replaced: it must
// expose exactly two names, and nothing from Node or Electron.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../../shared/api/contract';

const exposed = new Map<string, unknown>();
const invoked: string[] = [];
const sent: unknown[][] = [];
const windowListeners = new Map<string, (e: unknown) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer: {
    invoke: async (channel: string) => {
      invoked.push(channel);
      return { ok: true, result: [] };
    },
    send: (...args: unknown[]) => sent.push(args),
    on: () => undefined,
    removeListener: () => undefined,
  },
  webUtils: { getPathForFile: (f: { name: string }) => `/home/ed/${f.name}` },
}));

beforeAll(() => {
  vi.stubGlobal('window', { addEventListener: (type: string, l: (e: unknown) => void) => windowListeners.set(type, l) });
});

describe('electron/preload/index.ts', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('../../../../electron/preload/index');
  });

  it('exposes window.weeklyDesk and window.weeklyDeskShell only', () => {
    expect([...exposed.keys()].sort()).toEqual(['weeklyDesk', 'weeklyDeskShell']);
    const api = exposed.get('weeklyDesk') as Record<string, Record<string, unknown>>;
    expect(Object.entries(api).flatMap(([d, m]) => Object.keys(m).map((k) => `${d}:${k}`)).sort()).toEqual([...CHANNELS].sort());
    const shell = exposed.get('weeklyDeskShell') as { exports: object };
    expect(Object.keys(shell).sort()).toEqual(['exports', 'onCommand']);
    expect(Object.keys(shell.exports).sort()).toEqual(['chooseFolder', 'folder', 'openFile', 'save', 'saveAs', 'showInFolder']);
  });

  it('hands .weekly files dropped on the window to main by path', () => {
    windowListeners.get('drop')!({
      dataTransfer: { types: ['Files'], files: [{ name: '2024年第47期.weekly' }] },
      preventDefault: () => {},
      stopPropagation: () => {},
    });
    expect(sent.at(-1)).toEqual(['shell:openFile', '/home/ed/2024年第47期.weekly']);
  });

  it('calls go through ipcRenderer.invoke on the contract channel', async () => {
    const api = exposed.get('weeklyDesk') as { issues: { list: (i: object) => Promise<unknown> } };
    await expect(api.issues.list({})).resolves.toEqual([]);
    expect(invoked.at(-1)).toBe('issues:list');
  });
});
