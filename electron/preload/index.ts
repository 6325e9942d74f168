// The sandboxed preload: exposes the API contract as `window.weeklyDesk` and the shell (menu
// command events, saving and opening exported files) as `window.weeklyDeskShell`, through
// contextBridge and nothing else; and hands `.weekly` files dropped on the window to main.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createDeskApi, createDeskShell } from './bridge';
import { OPEN_FILE_CHANNEL } from './channels';
import { createDeskExports } from './exportFiles';
import { watchWeeklyDrops, type DropTarget } from './fileDrop';

contextBridge.exposeInMainWorld('weeklyDesk', createDeskApi(ipcRenderer));
contextBridge.exposeInMainWorld('weeklyDeskShell', { ...createDeskShell(ipcRenderer), exports: createDeskExports(ipcRenderer) });
watchWeeklyDrops<File>(window as unknown as DropTarget, (file) => webUtils.getPathForFile(file), (path) => ipcRenderer.send(OPEN_FILE_CHANNEL, path));
