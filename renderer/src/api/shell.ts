// Menu commands and files opened from the OS arrive from the Electron shell as
// `window.weeklyDeskShell` (its preload), with saving and opening exported files; in web mode
// there is none.
export type ShellCommand =
  | { name: 'issue:new' | 'issue:meta' | 'import:clippings' | 'export:pdf' | 'export:docx' | 'search:open' | 'settings:open' }
  | { name: 'issue:open'; issueId: string };

/** An export main saved (electron/preload/exportFiles.ts; the renderer cannot import it). */
export interface SavedExport {
  path: string;
  fileName: string;
  folder: string;
  pageCount: number | null;
}

export type SaveOutcome = { saved: true; file: SavedExport } | { saved: false; code: 'folder-missing' | 'locked' | 'unwritable' | 'canceled'; messageZh: string };

/** Desktop only: main saves a finished export job into the export folder and opens what it saved. */
export interface DesktopExports {
  folder(): Promise<{ folder: string }>;
  chooseFolder(): Promise<{ folder: string | null }>;
  save(input: { jobId: string }): Promise<SaveOutcome>;
  saveAs(input: { jobId: string }): Promise<SaveOutcome>;
  openFile(input: { path: string }): Promise<void>;
  showInFolder(input: { path: string }): Promise<void>;
}

declare global {
  interface Window {
    weeklyDeskShell?: { onCommand(listener: (command: ShellCommand) => void): () => void; exports?: DesktopExports };
  }
}

/** The desktop app's export saving, or null in web mode (exports are browser downloads there). */
export function desktopExports(): DesktopExports | null {
  return window.weeklyDeskShell?.exports ?? null;
}

export function onShellCommand(listener: (command: ShellCommand) => void): () => void {
  return window.weeklyDeskShell?.onCommand(listener) ?? (() => {});
}

/** A command for a screen to act on once; the nonce tells repeated commands apart. */
export interface ScreenRequest {
  name: ShellCommand['name'];
  nonce: number;
}
