// Menu commands and files opened from the OS arrive from the Electron shell as
// `window.weeklyDeskShell` (its preload); in web mode there are none.
export type ShellCommand =
  | { name: 'issue:new' | 'import:clippings' | 'export:pdf' | 'export:docx' | 'search:open' | 'settings:open' }
  | { name: 'issue:open'; issueId: string };

declare global {
  interface Window {
    weeklyDeskShell?: { onCommand(listener: (command: ShellCommand) => void): () => void };
  }
}

export function onShellCommand(listener: (command: ShellCommand) => void): () => void {
  return window.weeklyDeskShell?.onCommand(listener) ?? (() => {});
}

/** A command for a screen to act on once; the nonce tells repeated commands apart. */
export interface ScreenRequest {
  name: ShellCommand['name'];
  nonce: number;
}
