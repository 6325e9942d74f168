// The archive: every issue kept on local disk in SQLite (weekly-desk.db) with images in media/.
// `openArchive` is the one entry point; the Archive it returns is what the app, the CLI and the web
// mode call. Everything here runs in plain Node (no Electron) and synchronously against SQLite,
// except file-heavy work (backups, .weekly files), which is async.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Article, Issue } from '../../../shared/model/issue';
import { issueSchema } from '../../../shared/model/issue';
import { backupDaily, backupTo, checkBackupFile, DEFAULT_KEEP_DAYS, latestGoodBackup, replaceDatabaseFile } from './backup';
import { checkHeader, checkIntegrity, isCorruptionError, openWritable, type WritableDB } from './db';
import { findAlreadyRan, type AlreadyRan, type AlreadyRanOptions } from './duplicates';
import { ArchiveCorruptError, notFound } from './errors';
import * as issues from './issues';
import { getMedia, putMedia, type MediaItem } from './media';
import { migrate } from './migrations';
import { search, type SearchHit, type SearchOptions } from './search';
import { rebuildSearchIndex, reindexStale } from './searchIndex';
import { getSettings, setSettings, type Settings } from './settings';
import { exportWeeklyFile, importWeeklyFile, type ImportWeeklyOptions } from './weeklyFile';

export type { AlreadyRan, AlreadyRanOptions } from './duplicates';
export { describeAlreadyRan } from './duplicates';
export type { SearchHit, SearchOptions } from './search';
export type { IssueStatus, IssueSummary } from './issues';
export type { Settings } from './settings';
export type { MediaItem } from './media';
export { ArchiveCorruptError, ArchiveTooNewError } from './errors';
export { checkBackupFile, listBackups } from './backup';
export { defaultDbPath } from './paths';

export interface OpenArchiveOptions {
  /** where images go; default `<folder of the database>/media` */
  mediaDir?: string;
  /** where daily backups go; default `<folder of the database>/backups` */
  backupDir?: string;
  /** the clock (tests pass a fixed one) */
  now?: () => Date;
  /**
   * Health check at open: 'core' (default) runs quick_check on the tables holding the editor's
   * work, 'quick' on the whole file (over a second for ten years of issues), 'none' trusts the
   * file (a child process reopening a database its parent just checked). A damaged search index
   * is found when searching and rebuilt by rebuildSearchIndex().
   */
  check?: 'core' | 'quick' | 'none';
}

export class Archive {
  readonly dbPath: string;
  readonly mediaDir: string;
  readonly backupDir: string;
  private db: WritableDB;
  private readonly now: () => Date;

  /** Use openArchive(). */
  constructor(db: WritableDB, dbPath: string, mediaDir: string, backupDir: string, now: () => Date) {
    this.db = db;
    this.dbPath = dbPath;
    this.mediaDir = mediaDir;
    this.backupDir = backupDir;
    this.now = now;
  }

  /** Issues newest week first, with counts and status. */
  listIssues(): issues.IssueSummary[] {
    return issues.listIssues(this.db);
  }

  getIssue(id: string): Issue | null {
    return issues.getIssue(this.db, id);
  }

  getIssueStatus(id: string): issues.IssueStatus | null {
    return issues.getIssueStatus(this.db, id);
  }

  setIssueStatus(id: string, status: issues.IssueStatus): void {
    issues.setIssueStatus(this.db, id, status, this.now());
  }

  /** Saves the whole issue (metadata, columns, articles, order) in one transaction. */
  saveIssue(issue: Issue): void {
    issues.saveIssue(this.db, issueSchema.parse(issue), this.now());
  }

  /** Saves one article into a column of an existing issue: the autosave path. */
  saveArticle(issueId: string, columnId: string, article: Article): void {
    issues.saveArticle(this.db, issueId, columnId, article, this.now());
  }

  /** Removes an issue with its columns and articles; false if there was none. */
  deleteIssue(id: string): boolean {
    return issues.deleteIssue(this.db, id);
  }

  /** Column names used before, most used first. */
  columnNames(): string[] {
    return issues.columnNames(this.db);
  }

  /** 来源 seen in the archive, most frequent first. */
  sources(): string[] {
    return issues.sources(this.db);
  }

  /** Chinese full-text search, best first, with highlighted snippets. */
  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return this.healingIndex(() => search(this.db, query, options));
  }

  /** Archived articles that are the same as (or nearly the same as) this clipping. */
  findAlreadyRan(article: Pick<Article, 'title' | 'content'>, options: AlreadyRanOptions = {}): AlreadyRan[] {
    return this.healingIndex(() => findAlreadyRan(this.db, article, options));
  }

  /** Rebuilds the search index and duplicate fingerprints from the articles; returns how many. */
  rebuildSearchIndex(): number {
    return rebuildSearchIndex(this.db);
  }

  /**
   * Runs a read of the derived tables; if they turn out damaged, rebuilds them from the articles
   * and tries once more. Damage the rebuild cannot fix is reported like a damaged file.
   */
  private healingIndex<T>(read: () => T): T {
    try {
      return read();
    } catch (e) {
      if (!isCorruptionError(e)) throw e;
      try {
        this.rebuildSearchIndex();
        return read();
      } catch (again) {
        throw new ArchiveCorruptError(this.dbPath, latestGoodBackup(this.backupDir), again instanceof Error ? again.message : String(again), again);
      }
    }
  }

  getSettings(): Settings {
    return getSettings(this.db);
  }

  setSettings(patch: Partial<Settings>): Settings {
    return setSettings(this.db, patch);
  }

  /** Stores image bytes once; returns `media:<sha256>` for the figure node's src. */
  putMedia(bytes: Uint8Array, mime: string): string {
    return putMedia(this.db, this.mediaDir, bytes, mime, this.now());
  }

  getMedia(ref: string): MediaItem {
    return getMedia(this.db, this.mediaDir, ref);
  }

  /** Online backup to `file` (safe while the app keeps writing), checked after writing. */
  backup(file: string): Promise<string> {
    return backupTo(this.db, resolve(file));
  }

  /** Today's rolling backup in backupDir unless made already; prunes those older than keepDays. */
  backupDaily(keepDays = DEFAULT_KEEP_DAYS): Promise<{ file: string; created: boolean }> {
    return backupDaily(this.db, this.backupDir, this.now(), keepDays);
  }

  /**
   * Replaces the archive with a backup after checking it. The current database is kept next to
   * it as `<db>.before-restore-<time>`; returns that path.
   */
  async restore(file: string): Promise<string | null> {
    checkBackupFile(file);
    this.db.close();
    try {
      return replaceDatabaseFile(this.dbPath, resolve(file), this.now(), 'before-restore');
    } finally {
      this.db = openAndPrepare(this.dbPath, 'core', this.backupDir);
    }
  }

  /** Writes one issue as a portable `.weekly` file (zip: manifest, Lexical content, media). */
  exportWeekly(issueId: string, file: string): Promise<void> {
    const issue = this.getIssue(issueId);
    if (!issue) throw notFound('issue', issueId);
    return exportWeeklyFile(issue, file, { readMedia: (ref) => this.getMedia(ref), now: this.now() });
  }

  /** Reads a `.weekly` file into the archive and returns the issue as stored. */
  async importWeekly(file: string, options: ImportWeeklyOptions = {}): Promise<Issue> {
    const issue = await importWeeklyFile(file, {
      ...options,
      exists: (id) => issues.issueExists(this.db, id),
      putMedia: (bytes, mime) => this.putMedia(bytes, mime),
    });
    this.saveIssue(issue);
    return this.getIssue(issue.id) ?? issue;
  }

  /**
   * Housekeeping for idle time (e.g. after the daily backup): merges the full-text index into one
   * segment, which keeps search fast after many small saves, and refreshes SQLite's statistics.
   */
  optimize(): void {
    this.db.exec("INSERT INTO article_search (article_search) VALUES ('optimize')");
    this.db.pragma('optimize');
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function openAndPrepare(dbPath: string, check: 'core' | 'quick' | 'none', backupDir: string): WritableDB {
  const existed = dbPath !== ':memory:' && existsSync(dbPath) && statSync(dbPath).size > 0;
  const corrupt = (detail: string, cause?: unknown): ArchiveCorruptError =>
    new ArchiveCorruptError(dbPath, latestGoodBackup(backupDir), detail, cause);
  const header = checkHeader(dbPath);
  if (header) throw corrupt(header.detail);
  let db: WritableDB | null = null;
  try {
    db = openWritable(dbPath);
    if (existed && check !== 'none') {
      const problem = checkIntegrity(db, check);
      if (problem) throw corrupt(problem.detail, problem.cause);
    }
    migrate(db, { dbPath });
    reindexStale(db);
    return db;
  } catch (e) {
    db?.close();
    if (isCorruptionError(e)) throw corrupt(e instanceof Error ? e.message : String(e), e);
    throw e;
  }
}

/**
 * Opens (creating if needed) the archive at `dbPath`, migrating it to this build's schema.
 * Throws ArchiveCorruptError (with the newest good backup, if any) for a damaged file, which is
 * never modified, and ArchiveTooNewError for a database from a newer app.
 */
export function openArchive(dbPath: string, options: OpenArchiveOptions = {}): Archive {
  const path = dbPath === ':memory:' ? dbPath : resolve(dbPath);
  // An in-memory archive (tests, a web session without a folder) keeps its files in the temp folder.
  const home = path === ':memory:' ? join(tmpdir(), `weekly-desk-${process.pid}`) : dirname(path);
  // The folder of an in-memory archive is only made if media or backups are ever written.
  if (path !== ':memory:') mkdirSync(home, { recursive: true });
  const mediaDir = options.mediaDir ?? join(home, 'media');
  const backupDir = options.backupDir ?? join(home, 'backups');
  const db = openAndPrepare(path, options.check ?? 'core', backupDir);
  return new Archive(db, path, mediaDir, backupDir, options.now ?? (() => new Date()));
}

/**
 * Replaces a damaged archive with a backup without opening it: the damaged file is kept as
 * `<db>.corrupt-<time>`. Then open it with openArchive.
 */
export function restoreArchive(dbPath: string, backupFile: string, now: Date = new Date()): string | null {
  return replaceDatabaseFile(resolve(dbPath), resolve(backupFile), now, 'corrupt');
}
