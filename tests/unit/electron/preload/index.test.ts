// The preload entry itself, with Electron's contextBridge and ipcRenderer replaced: it must
// expose exactly two names, and nothing from Node or Electron.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../../shared/api/contract';

const exposed = new Map<string, unknown>();
const invoked: string[] = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, value: unknown) => exposed.set(name, value) },
  ipcRenderer: {
    invoke: async (channel: string) => {
      invoked.push(channel);
      return { ok: true, result: [] };
    },
    on: () => undefined,
    removeListener: () => undefined,
  },
}));

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
    expect(Object.keys(exposed.get('weeklyDeskShell') as object)).toEqual(['onCommand']);
  });

  it('calls go through ipcRenderer.invoke on the contract channel', async () => {
    const api = exposed.get('weeklyDesk') as { issues: { list: (i: object) => Promise<unknown> } };
    await expect(api.issues.list({})).resolves.toEqual([]);
    expect(invoked.at(-1)).toBe('issues:list');
  });
});
