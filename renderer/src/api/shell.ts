// Menu commands and files opened from the OS arrive from the Electron shell as
// `window.weeklyDeskShell` (its preload), with saving and opening exported files; in web mode
// there is none.
import type { DesktopExports } from '../../../shared/api/desktopExports';
export type ShellCommand =
  | { name: 'issue:new' | 'issue:meta' | 'import:clippings' | 'export:pdf' | 'export:docx' | 'search:open' | 'settings:open' }
  | { name: 'issue:open'; issueId: string };

export type { DesktopExports, SavedExport, SaveOutcome } from '../../../shared/api/desktopExports';

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
