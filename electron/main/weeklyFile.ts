// `.weekly` files (one issue, written by the archive's weeklyFile.ts) reach the app by
// double-click, by a drop on the app's icon, from 文件 › 打开期刊文件…, or on the command line.
// This module only finds them among arguments; the engine reads them.
export const WEEKLY_EXTENSION = 'weekly';
export const MAX_WEEKLY_BYTES = 500 * 1024 * 1024;

export function isWeeklyPath(path: string): boolean {
  return path.length > `.${WEEKLY_EXTENSION}`.length && path.toLowerCase().endsWith(`.${WEEKLY_EXTENSION}`) && !path.startsWith('-');
}

/**
 * `.weekly` paths on a command line (this instance's, or one a second instance hands over).
 * argv[0] is the executable; in development argv[1] is the app folder, which never ends in .weekly.
 */
export function weeklyPathsFromArgv(argv: readonly string[]): string[] {
  const paths: string[] = [];
  for (const arg of argv.slice(1)) if (isWeeklyPath(arg) && !paths.includes(arg)) paths.push(arg);
  return paths;
}

/** Whether the command line asks for the bundled sample issue (`npm start` passes `--sample`). */
export function wantsSample(argv: readonly string[]): boolean {
  return argv.includes('--sample');
}
