// The sandboxed preload: exposes the API contract as `window.weeklyDesk` and the shell's
// command events as `window.weeklyDeskShell`, through contextBridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createDeskApi, createDeskShell } from './bridge';

contextBridge.exposeInMainWorld('weeklyDesk', createDeskApi(ipcRenderer));
contextBridge.exposeInMainWorld('weeklyDeskShell', createDeskShell(ipcRenderer));
