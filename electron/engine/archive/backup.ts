// Backups: SQLite's online backup (consistent while the app keeps writing), one rolling backup per
// day kept for N days, and restore from a file only after it passed a check. Nothing here deletes
// the editor's database: a restore moves the current file aside first.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserFacingError } from '../../../shared/errors';
import { checkHeader, checkIntegrity, openReadonly, type ReadableDB } from './db';
import { LATEST_VERSION, schemaVersion } from './migrations';

const DAILY = /^weekly-desk-(\d{4}-\d{2}-\d{2})\.db$/;
export const DEFAULT_KEEP_DAYS = 14;

export function dailyBackupName(day: Date): string {
  return `weekly-desk-${day.toISOString().slice(0, 10)}.db`;
}

export interface BackupFile {
  file: string;
  /** YYYY-MM-DD from the file name */
  day: string;
}

/** Daily backups in `dir`, newest first. */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: DAILY.exec(name) }))
    .filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null)
    .map((e) => ({ file: join(dir, e.name), day: e.m[1] }))
    .sort((a, b) => b.day.localeCompare(a.day));
}

function invalidBackup(file: string, reasonZh: string, reasonEn: string, cause?: unknown): UserFacingError {
  return new UserFacingError('archive-backup-invalid', `备份文件不可用（${basename(file)}）：${reasonZh}`, `Backup ${file} is not usable: ${reasonEn}`, { cause });
}

/** Throws a UserFacingError unless `file` is a healthy Weekly Desk archive this build can open. */
export function checkBackupFile(file: string): { version: number; issues: number } {
  if (!existsSync(file)) throw invalidBackup(file, '文件不存在', 'file not found');
  if (checkHeader(file)) throw invalidBackup(file, '不是数据库文件', 'not an SQLite database');
  let db: ReadableDB | null = null;
  try {
    db = openReadonly(file);
    const problem = checkIntegrity(db, 'full');
    if (problem) throw invalidBackup(file, '文件已损坏', problem.detail);
    const version = schemaVersion(db);
    if (version > LATEST_VERSION) throw invalidBackup(file, '由更新版本的软件创建，请先升级', `schema version ${version} > ${LATEST_VERSION}`);
    const hasIssues = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'issues'").get() !== undefined;
    if (version < 1 || !hasIssues) throw invalidBackup(file, '这不是周刊编辑台的档案库', 'not a Weekly Desk archive');
    const issues = db.prepare('SELECT count(*) FROM issues').pluck().get() as number;
    return { version, issues };
  } catch (e) {
    if (e instanceof UserFacingError) throw e;
    throw invalidBackup(file, '无法读取', e instanceof Error ? e.message : String(e), e);
  } finally {
    db?.close();
  }
}

/** Online backup of the open database to `file`, then checked. */
export async function backupTo(db: ReadableDB, file: string): Promise<string> {
  const tmp = `${file}.partial`;
  rmSync(tmp, { force: true });
  await db.backup(tmp);
  checkBackupFile(tmp);
  renameSync(tmp, file);
  for (const suffix of ['-wal', '-shm']) rmSync(`${tmp}${suffix}`, { force: true });
  return file;
}

/**
 * Today's backup in `dir` (made unless one exists), and backups older than `keepDays` removed.
 * Returns the file and whether it was made now.
 */
export async function backupDaily(db: ReadableDB, dir: string, now: Date, keepDays = DEFAULT_KEEP_DAYS): Promise<{ file: string; created: boolean }> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, dailyBackupName(now));
  let created = false;
  if (!existsSync(file)) {
    await backupTo(db, file);
    created = true;
  }
  const oldest = new Date(now.getTime() - (keepDays - 1) * 86_400_000).toISOString().slice(0, 10);
  for (const b of listBackups(dir)) {
    if (b.day < oldest) for (const suffix of ['', '-wal', '-shm']) rmSync(`${b.file}${suffix}`, { force: true });
  }
  return { file, created };
}

/** Newest daily backup that passes its check, or null. */
export function latestGoodBackup(dir: string): string | null {
  for (const b of listBackups(dir)) {
    try {
      checkBackupFile(b.file);
      return b.file;
    } catch {
      // a damaged backup is skipped; the next older one may be fine
    }
  }
  return null;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Replaces the database file at `dbPath` (which must not be open) with a checked copy of
 * `backupFile`. The previous file, if any, is kept as `<dbPath>.<reason>-<time>`; returns that path.
 */
export function replaceDatabaseFile(dbPath: string, backupFile: string, now: Date, reason: 'before-restore' | 'corrupt'): string | null {
  checkBackupFile(backupFile);
  // Copy first: if that fails (disk full), the current database has not been moved yet.
  const tmp = `${dbPath}.restoring`;
  copyFileSync(backupFile, tmp);
  let keptAs: string | null = null;
  if (existsSync(dbPath)) {
    keptAs = `${dbPath}.${reason}-${stamp(now)}`;
    renameSync(dbPath, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(`${dbPath}${suffix}`)) {
      if (keptAs) renameSync(`${dbPath}${suffix}`, `${keptAs}${suffix}`);
      else rmSync(`${dbPath}${suffix}`);
    }
  }
  renameSync(tmp, dbPath);
  return keptAs;
}
