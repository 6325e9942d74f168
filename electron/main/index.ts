// Electron main: windows, menu, dialogs and IPC wiring. All work on issues happens in the
// engine's utility process; this file only connects the pieces.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Channel } from '../../shared/api/contract';
import { SHELL_EVENT_CHANNEL, type ShellCommand } from '../preload/channels';
import { APP_ENTRY_URL } from '../security/appOrigin';
import { handleAppScheme, registerAppScheme } from './appProtocol';
import { startEngineProcess, type EngineProcess } from './engine/process';
import { createExportFiles, registerExportFiles } from './exportFiles';
import { watchExportJob } from './exportProgress';
import { hardenSession, hardenWebContents } from './guards';
import { APP_ID } from './identity';
import { createContractHandler, registerContract, registerFileDrops } from './ipc';
import { buildMenuTemplate, recentIssues, type RecentIssue } from './menu';
import { openWeeklyFile } from './openWeekly';
import { appPaths, firstExisting, type AppPaths } from './paths';
import { parseWindowState, restoreBounds, type WindowState } from './windowState';
import { wantsSample, weeklyPathsFromArgv } from './weeklyFile';
import { openSecureWindow } from './windows';
import engineEntry from './engineProcess?modulePath';

const developer = !app.isPackaged;
const log = (message: string): void => {
  if (developer || process.env.WEEKLY_DESK_DEBUG) process.stderr.write(`[main] ${message}\n`);
};

let mainWindow: BrowserWindow | null = null;
let engine: EngineProcess | null = null;
let recent: RecentIssue[] = [];
const pendingFiles: string[] = weeklyPathsFromArgv(process.argv);

// Tests (and editors who keep several archives) point the app at another data folder.
if (process.env.WEEKLY_DESK_USER_DATA) app.setPath('userData', process.env.WEEKLY_DESK_USER_DATA);
registerAppScheme(protocol);
// Windows groups the taskbar button, its progress bar and jump list by this id (electron-builder.yml appId).
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
    for (const path of weeklyPathsFromArgv(argv)) void openFile(path);
  });
  // macOS: double-click in Finder or a drop on the Dock icon, possibly before ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (app.isReady() && engine) void openFile(path);
    else pendingFiles.push(path);
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal, log));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && app.isReady()) mainWindow = createMainWindow(paths());
  });
  app.on('will-quit', () => engine?.stop());
  app.whenReady().then(start, (e: unknown) => fail(e));
}

function paths(): AppPaths {
  return appPaths({ appPath: app.getAppPath(), resourcesPath: process.resourcesPath, packaged: app.isPackaged, userData: app.getPath('userData') });
}

function openExternal(url: string): void {
  void shell.openExternal(url).catch((e: unknown) => log(`could not open ${url}: ${String(e)}`));
}

function fail(e: unknown): void {
  dialog.showErrorBox('周刊编辑台无法启动', e instanceof Error ? e.message : String(e));
  app.exit(1);
}

function sendCommand(command: ShellCommand): void {
  mainWindow?.webContents.send(SHELL_EVENT_CHANNEL, command);
}

async function start(): Promise<void> {
  const p = paths();
  const preload = firstExisting(p.preloadCandidates, existsSync);
  if (!preload) throw new Error('The app is not built (no preload script): run npm run build.');
  // A sandboxed preload must be CommonJS; an ES module preload would silently not load.
  if (preload.endsWith('.mjs')) throw new Error(`The preload was built as an ES module (${preload}); electron.vite.config.ts must emit it as CommonJS.`);
  handleAppScheme(protocol, p.rendererDir);
  hardenSession(session.defaultSession, log);
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({ title: '保存导出的文件', defaultPath: join(app.getPath('documents'), item.getFilename()) });
  });

  engine = startEngineProcess(
    engineEntry,
    { type: 'init', dataDir: p.archiveDir, sampleManifest: wantsSample(process.argv) ? p.sampleManifest : null, version: app.getVersion() },
    { WEEKLY_DESK_FONTS_DIR: p.fontsDir },
    log,
  );
  engine.ready.catch((e: unknown) => dialog.showErrorBox('后台引擎无法启动', e instanceof Error ? e.message : String(e)));
  const call = (channel: Channel, input: unknown) => engine!.call(channel, input);
  const exportFiles = createExportFiles({
    call,
    documentsDir: () => app.getPath('documents'),
    dialog: {
      showOpenDialog: (options) => (mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options)),
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
    },
    shell,
    log,
  });

  registerContract(
    ipcMain,
    createContractHandler({
      call,
      log,
      afterCall: (channel, reply) => {
        if (!reply.ok) return;
        if (channel === 'issues:create' || channel === 'issues:save' || channel === 'issues:remove' || channel === 'issues:saveMeta') void refreshMenu();
        if (channel === 'export:pdf' || channel === 'export:docx') {
          const { jobId } = reply.result as { jobId: string };
          exportFiles.noteJob(jobId);
          void watchExportJob(jobId, {
            status: (id) => call('export:status', { jobId: id }),
            progress: (value) => mainWindow?.setProgressBar(value ?? -1),
            wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          });
        }
      },
    }),
  );
  registerExportFiles(ipcMain, exportFiles);
  registerFileDrops(ipcMain, (path) => void openFile(path), log);
  setMenu();
  mainWindow = createMainWindow(p);
  for (const path of pendingFiles.splice(0)) void openFile(path);
  await refreshMenu();
}

function setMenu(): void {
  const template = buildMenuTemplate(
    { platform: process.platform, recent, developer },
    { command: sendCommand, openIssueFile: () => void chooseIssueFile(), about: () => void showAbout() },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Rebuild the menu with the archive's most recently edited issues (文件 › 最近的期刊). */
async function refreshMenu(): Promise<void> {
  if (!engine) return;
  const reply = await engine.call('issues:list', {});
  if (!reply.ok) return;
  recent = recentIssues(reply.result as Parameters<typeof recentIssues>[0]);
  setMenu();
}

async function chooseIssueFile(): Promise<void> {
  const options: Electron.OpenDialogOptions = {
    title: '打开期刊文件',
    filters: [{ name: '周刊期刊文件', extensions: ['weekly'] }],
    properties: ['openFile', 'multiSelections'],
  };
  const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  if (!result.canceled) for (const path of result.filePaths) await openFile(path);
}

async function openFile(path: string): Promise<void> {
  if (!engine) return;
  const e = engine;
  await openWeeklyFile(path, {
    size: async (f) => (await stat(f)).size,
    read: (f) => readFile(f),
    call: (channel, input) => e.call(channel, input),
    command: sendCommand,
    error: (messageZh) => void dialog.showMessageBox({ type: 'error', title: '无法打开期刊文件', message: messageZh }),
    opened: (f) => {
      app.addRecentDocument(f);
      void refreshMenu();
    },
  });
}

async function showAbout(): Promise<void> {
  const options: Electron.MessageBoxOptions = {
    type: 'info',
    title: '关于周刊编辑台',
    message: '周刊编辑台 Weekly Desk',
    detail: `版本 ${app.getVersion()}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
  };
  if (mainWindow) await dialog.showMessageBox(mainWindow, options);
  else await dialog.showMessageBox(options);
}

function readWindowState(file: string): WindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function writeWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(state));
  } catch (e) {
    log(`could not save window state: ${String(e)}`);
  }
}

function createMainWindow(p: AppPaths): BrowserWindow {
  const preload = firstExisting(p.preloadCandidates, existsSync) ?? p.preloadCandidates[0];
  const restored = restoreBounds(readWindowState(p.windowStateFile), screen.getAllDisplays().map((d) => d.workArea));
  const window = openSecureWindow(BrowserWindow, 'main', { preload, devTools: developer, bounds: restored.bounds, platform: process.platform });
  window.once('ready-to-show', () => {
    if (restored.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => writeWindowState(p.windowStateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() }));
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
