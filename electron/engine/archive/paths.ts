// Where the archive lives when nobody says: $WEEKLY_DESK_HOME, else ~/.config/weekly-desk.
// (The Electron app passes its own userData folder instead.)
import { homedir } from 'node:os';
import { join } from 'node:path';

export const DB_FILE_NAME = 'weekly-desk.db';

export function defaultArchiveHome(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.WEEKLY_DESK_HOME;
  if (home && home.trim() !== '') return home;
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.trim() !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(config, 'weekly-desk');
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultArchiveHome(env), DB_FILE_NAME);
}
