// The main process wired end to end without Electron: Electron's modules are stand-ins that
// record what main does, and the engine "utility process" is the real engine in this process
// behind the same message protocol. Checks the window, the IPC path, the menu and the guards.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { CHANNELS } from '../../../../shared/api/contract';
import { EXPORT_FILE_CHANNELS } from '../../../../electron/preload/exportFiles';

const h = vi.hoisted(() => {
  const state = {
    appPath: '',
    userData: '',
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
    ipc: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
    ipcOn: new Map<string, (event: unknown, input: unknown) => void>(),
    windows: [] as Array<{ options: Record<string, unknown>; loaded: string[]; sent: unknown[][]; progress: number[] }>,
    menus: [] as unknown[],
    forks: [] as Array<{ entry: string; env: Record<string, string> }>,
    errors: [] as string[],
    external: [] as string[],
    opened: [] as string[],
    shown: [] as string[],
    sessionHandlers: {} as Record<string, unknown>,
    childPorts: [] as Array<{ toHost: (m: unknown) => void }>,
    engineHost: null as null | ((post: (m: unknown) => void, onMessage: (l: (m: unknown) => void) => void) => void),
  };
  return state;
});

vi.mock('../../../../electron/main/engineProcess?modulePath', () => ({ default: '/app/out/main/chunks/engineProcess.js' }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    isReady: () => true,
    getAppPath: () => h.appPath,
    getPath: (name: string) => (name === 'userData' ? h.userData : join(h.userData, name)),
    setPath: () => undefined,
    getVersion: () => '0.1.0',
    quit: () => undefined,
    exit: () => undefined,
    addRecentDocument: () => undefined,
  });
  class BrowserWindow extends Emitter {
    record: (typeof h.windows)[number];
    webContents: { send: (...args: unknown[]) => void };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options, loaded: [], sent: [], progress: [] };
      h.windows.push(this.record);
      this.webContents = { send: (...args: unknown[]) => this.record.sent.push(args) };
    }
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    setProgressBar(v: number) {
      this.record.progress.push(v);
    }
    getNormalBounds() {
      return { x: 0, y: 0, width: 1440, height: 900 };
    }
    isMaximized() {
      return false;
    }
    isMinimized() {
      return false;
    }
    maximize() {}
    show() {}
    focus() {}
    restore() {}
  }
  const session = {
    defaultSession: Object.assign(new Emitter(), {
      setPermissionRequestHandler: (f: unknown) => (h.sessionHandlers.permission = f),
      setPermissionCheckHandler: (f: unknown) => (h.sessionHandlers.check = f),
      setDevicePermissionHandler: (f: unknown) => (h.sessionHandlers.device = f),
      webRequest: { onBeforeRequest: (f: unknown) => (h.sessionHandlers.beforeRequest = f) },
    }),
  };
  const utilityProcess = {
    fork: (entry: string, _args: string[], options: { env: Record<string, string> }) => {
      h.forks.push({ entry, env: options.env });
      const child = Object.assign(new Emitter(), {
        postMessage: (m: unknown) => port.toHost(m),
        kill: () => true,
      });
      const listeners: Array<(m: unknown) => void> = [];
      const port = { toHost: (m: unknown) => listeners.forEach((l) => l(m)) };
      h.engineHost!((m) => child.emit('message', m), (l) => listeners.push(l));
      return child;
    },
  };
  return {
    app,
    BrowserWindow,
    session,
    utilityProcess,
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => h.schemes.push(...s),
      handle: (scheme: string, f: (request: { url: string; method: string }) => Promise<Response>) => h.protocolHandlers.set(scheme, f),
    },
    ipcMain: {
      on: (channel: string, f: (event: unknown, input: unknown) => void) => h.ipcOn.set(channel, f),
      handle: (channel: string, f: (event: unknown, input: unknown) => Promise<unknown>) => h.ipc.set(channel, f),
      removeHandler: (channel: string) => h.ipc.delete(channel),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => h.menus.push(m) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    dialog: {
      showErrorBox: (title: string, message: string) => h.errors.push(`${title}: ${message}`),
      showMessageBox: async () => ({ response: 0 }),
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    },
    shell: {
      openExternal: async (url: string) => void h.external.push(url),
      openPath: async (path: string) => (h.opened.push(path), ''),
      showItemInFolder: (path: string) => void h.shown.push(path),
    },
  };
});

const appFrame = { url: 'app://weekly-desk/index.html' };
const fromApp = { senderFrame: appFrame, sender: { mainFrame: appFrame } };

async function call(channel: string, input: unknown) {
  return (await h.ipc.get(channel)!(fromApp, input)) as { ok: boolean; result?: unknown; error?: { code: string } };
}

beforeAll(async () => {
  h.appPath = mkdtempSync(join(tmpdir(), 'weekly-desk-main-'));
  h.userData = join(h.appPath, 'userData');
  mkdirSync(join(h.appPath, 'out', 'preload'), { recursive: true });
  mkdirSync(join(h.appPath, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(h.appPath, 'out', 'preload', 'index.cjs'), '');
  writeFileSync(join(h.appPath, 'out', 'renderer', 'index.html'), '<!doctype html><title>周刊编辑台</title>');
  const { serveEngine } = await import('../../../../electron/main/engine/host');
  const { startEngine } = await import('../../../../electron/main/engine/start');
  h.engineHost = (post, onMessage) => serveEngine({ post: post as never, onMessage }, (init) => startEngine({ ...init, dataDir: null }));
  await import('../../../../electron/main/index');
  await vi.waitFor(() => expect(h.menus.length).toBeGreaterThanOrEqual(2), { timeout: 30_000 });
}, 60_000);

afterAll(() => rmSync(h.appPath, { recursive: true, force: true }));

describe('electron/main/index.ts', () => {
  it('registers app:// as a privileged scheme and serves the renderer with the CSP', async () => {
    expect(h.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    const response = await h.protocolHandlers.get('app')!({ url: 'app://weekly-desk/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('周刊编辑台');
  });

  it('opens one secure window on app://weekly-desk with the built preload', () => {
    expect(h.windows).toHaveLength(1);
    const { options, loaded } = h.windows[0];
    expect(loaded).toEqual(['app://weekly-desk/index.html']);
    expect(options.webPreferences).toMatchObject({
      preload: join(h.appPath, 'out', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('runs the engine as a utility process with the fonts folder', () => {
    expect(h.forks).toHaveLength(1);
    expect(h.forks[0].entry).toBe('/app/out/main/chunks/engineProcess.js');
    expect(h.forks[0].env.WEEKLY_DESK_FONTS_DIR).toBe(join(h.appPath, 'node_modules', '@expo-google-fonts'));
  });

  it('answers every contract channel over IPC, through the engine', async () => {
    expect([...h.ipc.keys()].sort()).toEqual([...CHANNELS, ...EXPORT_FILE_CHANNELS].sort());
    const created = await call('issues:create', { isoWeek: '2024-W47', columns: ['分析解读', '专家观点'] });
    expect(created.ok).toBe(true);
    const list = await call('issues:list', {});
    expect((list.result as Array<{ issueNumber: string }>).map((i) => i.issueNumber)).toEqual(['2024年第47期']);
    expect((await call('issues:create', { isoWeek: 'W47' })).error?.code).toBe('invalid-input');
    const foreign = { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: { url: 'x' } } };
    expect(((await h.ipc.get('issues:list')!(foreign, {})) as { error: { code: string } }).error.code).toBe('untrusted-sender');
  });

  it('lists a new issue under 文件 › 最近的期刊', async () => {
    await vi.waitFor(() => {
      const menu = h.menus.at(-1) as MenuItemConstructorOptions[];
      const file = menu.find((m) => m.label === '文件')!.submenu as MenuItemConstructorOptions[];
      const recent = file.find((i) => i.label === '最近的期刊')!.submenu as MenuItemConstructorOptions[];
      expect(recent.map((r) => r.label)).toEqual(['医周药事 2024年第47期']);
    });
  });

  it('listens for .weekly files dropped on the window', () => {
    expect([...h.ipcOn.keys()]).toEqual(['shell:openFile']);
  });

  it('sends menu commands to the window', () => {
    const menu = h.menus.at(-1) as MenuItemConstructorOptions[];
    const file = menu.find((m) => m.label === '文件')!.submenu as MenuItemConstructorOptions[];
    (file.find((i) => i.label === '导出 PDF')!.click as unknown as () => void)();
    expect(h.windows[0].sent.at(-1)).toEqual(['shell:command', { name: 'export:pdf' }]);
  });

  it('shows export progress on the window and clears it when done', async () => {
    const id = ((await call('issues:list', {})).result as Array<{ id: string }>)[0].id;
    const job = await call('export:docx', { issueId: id });
    expect(job.ok).toBe(true);
    await vi.waitFor(() => expect(h.windows[0].progress.at(-1)).toBe(-1), { timeout: 30_000 });
  });

  it('saves a finished export into the Documents folder itself, then opens only that file', { timeout: 60_000 }, async () => {
    const id = ((await call('issues:list', {})).result as Array<{ id: string }>)[0].id;
    const { jobId } = (await call('export:docx', { issueId: id })).result as { jobId: string };
    await vi.waitFor(async () => expect(((await call('export:status', { jobId })).result as { state: string }).state).toBe('done'), { timeout: 50_000 });
    const documents = join(h.userData, 'documents');
    expect((await call('exports:folder', {})).result).toEqual({ folder: documents });
    // The stand-in's Documents folder does not exist yet: a clear refusal, then a save once it does.
    expect((await call('exports:save', { jobId })).result).toMatchObject({ saved: false, code: 'folder-missing' });
    mkdirSync(documents, { recursive: true });
    const outcome = (await call('exports:save', { jobId })).result as { saved: true; file: { path: string } };
    expect(outcome.saved).toBe(true);
    expect(dirname(outcome.file.path)).toBe(documents);
    expect(outcome.file.path).toMatch(/2024年第47期\.docx$/);
    expect(readFileSync(outcome.file.path).subarray(0, 2).toString()).toBe('PK');
    expect((await call('exports:openFile', { path: outcome.file.path })).ok).toBe(true);
    expect((await call('exports:showInFolder', { path: outcome.file.path })).ok).toBe(true);
    expect((await call('exports:openFile', { path: join(h.userData, 'window-state.json') })).ok).toBe(false);
    expect((await call('exports:save', { jobId: 'not-a-job-of-this-session' })).error?.code).toBe('job-not-found');
    expect(h.opened).toEqual([outcome.file.path]);
    expect(h.shown).toEqual([outcome.file.path]);
  });

  it('denies permission requests and remote loads for the session', () => {
    const cb = vi.fn();
    (h.sessionHandlers.permission as (...a: unknown[]) => void)(null, 'media', cb, { requestingUrl: 'app://weekly-desk/' });
    expect(cb).toHaveBeenCalledWith(false);
    const req = vi.fn();
    (h.sessionHandlers.beforeRequest as (...a: unknown[]) => void)({ url: 'https://example.com/a.js' }, req);
    expect(req).toHaveBeenCalledWith({ cancel: true });
    expect(h.errors).toEqual([]);
  });
});
