// Opening the archive database: pragmas, health check, and the readable/writable distinction.
// Query functions take a ReadableDB when they only read and a WritableDB when they change
// anything, so the type checker shows which code may write.
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

export type ReadableDB = Database.Database & { readonly [readableBrand]: true };
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

const SQLITE_HEADER = 'SQLite format 3\0';
/** How long a writer waits for another connection's lock before failing (ms). */
export const BUSY_TIMEOUT_MS = 5000;

export interface HealthProblem {
  detail: string;
  cause?: unknown;
}

/** A non-empty file that does not start with SQLite's header is not a database we can open. */
export function checkHeader(path: string): HealthProblem | null {
  if (path === ':memory:' || !existsSync(path)) return null;
  if (statSync(path).size === 0) return null;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_HEADER.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    if (n < buf.length || buf.toString('latin1') !== SQLITE_HEADER) return { detail: 'not an SQLite database (bad header)' };
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The tables holding the editor's work; the search index can be rebuilt from them. */
export const CORE_TABLES = ['issues', 'columns', 'articles', 'media', 'settings'] as const;

function runCheck(db: ReadableDB, pragma: string): HealthProblem | null {
  const rows = db.pragma(pragma, { simple: false }) as Array<Record<string, string>>;
  const messages = rows.map((r) => Object.values(r)[0]);
  if (messages.length === 1 && messages[0] === 'ok') return null;
  return { detail: messages.slice(0, 3).join('; ') };
}

/**
 * SQLite's own consistency check. 'core' runs quick_check on the core tables only (a fraction of a
 * second on a ten-year archive, where the whole file takes over a second), 'quick' on the whole
 * file, 'full' is integrity_check (also cross-checks index contents).
 */
export function checkIntegrity(db: ReadableDB, level: 'core' | 'quick' | 'full' = 'quick'): HealthProblem | null {
  try {
    if (level === 'full') return runCheck(db, 'integrity_check');
    if (level === 'quick') return runCheck(db, 'quick_check');
    const present = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    for (const table of CORE_TABLES) {
      if (!present.has(table)) continue;
      const problem = runCheck(db, `quick_check(${table})`);
      if (problem) return problem;
    }
    return null;
  } catch (e) {
    return { detail: e instanceof Error ? e.message : String(e), cause: e };
  }
}

export function isCorruptionError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_VTAB' || code === 'SQLITE_CORRUPT_INDEX';
}

/**
 * `npm start` builds better-sqlite3 for Electron's ABI in a folder of its own and names the
 * binding here, so the app loads that build while tests and the CLI keep Node's.
 */
function nativeOptions(): { nativeBinding?: string } {
  const binding = process.env.WEEKLY_DESK_SQLITE_BINDING;
  return binding ? { nativeBinding: binding } : {};
}

/** Opens (or creates) the database for writing with WAL, foreign keys, a busy timeout and full syncs. */
export function openWritable(path: string): WritableDB {
  const db = new Database(path, nativeOptions());
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    // FULL: a commit the editor was told about survives a power cut, not only a crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // 64 MB of page cache (default 2 MB): search reads many index and article pages.
    db.pragma('cache_size = -65536');
    return db as WritableDB;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Opens an existing database read-only (backups being checked, exports). */
export function openReadonly(path: string): ReadableDB {
  const db = new Database(path, { readonly: true, fileMustExist: true, ...nativeOptions() });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db as ReadableDB;
}
