// Numbered schema migrations, one SQL file each (migrations/NNN-name.sql), run in order in one
// transaction that also sets PRAGMA user_version. A database from a newer app is refused.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReadableDB, WritableDB } from './db';
import { ArchiveTooNewError } from './errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

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

export const MIGRATIONS: readonly Migration[] = loadMigrations(MIGRATIONS_DIR);
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
