// Numbered schema migrations, one SQL file each (migrations/NNN-name.sql), run in order in one
// transaction that also sets PRAGMA user_version. A database from a newer app is refused.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ReadableDB, WritableDB } from './db';
import { ArchiveTooNewError } from './errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Where the SQL files are: $WEEKLY_DESK_MIGRATIONS, next to this module (tsx, tests), the packaged
 * app's resources/migrations, or the source tree above a bundle (electron-vite's out/main in dev).
 */
export function findMigrationsDir(env: NodeJS.ProcessEnv = process.env): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [env.WEEKLY_DESK_MIGRATIONS, join(here, 'migrations'), resources && join(resources, 'migrations')];
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) candidates.push(join(dir, 'electron/engine/archive/migrations'));
  const found = candidates.find((d): d is string => typeof d === 'string' && existsSync(join(d, '001-initial.sql')));
  if (!found) throw new Error(`Archive migrations not found (looked in: ${candidates.filter(Boolean).join(', ')})`);
  return found;
}

function loadMigrations(dir: string): Migration[] {
  const list = readdirSync(dir)
    .map((file) => /^(\d{3})-([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: m[2], sql: readFileSync(`${dir}/${m[0]}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migrations must be numbered 001, 002, … without gaps; found ${m.version} at position ${i + 1}`);
  });
  return list;
}

export const MIGRATIONS: readonly Migration[] = loadMigrations(findMigrationsDir());
export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: ReadableDB): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the schema to `target` (default: latest). Returns the versions applied. Throws
 * ArchiveTooNewError, before touching anything, when the database is newer than this build.
 */
export function migrate(db: WritableDB, options: { target?: number; dbPath?: string } = {}): number[] {
  const target = options.target ?? LATEST_VERSION;
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new ArchiveTooNewError(options.dbPath ?? db.name, current, LATEST_VERSION);
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) db.exec(m.sql);
    db.pragma(`user_version = ${pending[pending.length - 1].version}`);
  }).immediate();
  return pending.map((m) => m.version);
}
