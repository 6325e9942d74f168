// Desktop only: the preload's `window.weeklyDeskShell.exports` bridge, typed once for both sides
// (electron/preload implements it, the renderer's export dialog calls it). Main fetches the file
// from the engine and writes it, so the file's bytes never pass through the page.

export interface SavedExport {
  /** absolute path of the file main wrote */
  path: string;
  fileName: string;
  folder: string;
  /** PDF only */
  pageCount: number | null;
}

export type SaveFailureCode = 'folder-missing' | 'locked' | 'unwritable' | 'canceled';

/** A failed save is an answer, not an error: the dialog offers 另存为… on it. */
export type SaveOutcome = { saved: true; file: SavedExport } | { saved: false; code: SaveFailureCode; messageZh: string };

export interface DesktopExports {
  /** the folder exports go to now (the Documents folder unless the editor chose another) */
  folder(): Promise<{ folder: string }>;
  /** the native folder picker; the chosen folder is remembered in the settings. null: cancelled */
  chooseFolder(): Promise<{ folder: string | null }>;
  /** write a finished export job's file into the export folder */
  save(input: { jobId: string }): Promise<SaveOutcome>;
  /** the native save dialog, then write the job's file where the editor said */
  saveAs(input: { jobId: string }): Promise<SaveOutcome>;
  /** open a file main saved in this session with its default app */
  openFile(input: { path: string }): Promise<void>;
  /** show a file main saved in this session in Explorer / Finder / the file manager */
  showInFolder(input: { path: string }): Promise<void>;
}
