import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWritable, type WritableDB } from '../../../../electron/engine/archive/db';
import { ArchiveTooNewError, openArchive } from '../../../../electron/engine/archive/index';
import { findMigrationsDir, LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../../electron/engine/archive/migrations';
import { article, DRG_TEXT, issue, tempDir, type TempDir } from './helpers';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

const OLD_ISSUE = issue('2021-W08', [
  { id: 'c1', name: '医院管理', articles: [article('a1', '早入DRG才是医院应对支付改革的正确之道！', 'DRG变量', DRG_TEXT)] },
  { id: 'c2', name: '他山之石', articles: [] },
]);

/** Data as each schema version stored it, written with that version's SQL (not today's code). */
const SEEDERS: Record<number, (db: WritableDB) => void> = {
  1: (db) => {
    db.prepare(
      `INSERT INTO issues (id, iso_week, issue_number, date_range, week_start, week_end, meta_json, status, created_at, updated_at)
       VALUES ('2021-W08', '2021-W08', '2021年第8期', '2021.02.22-2021.02.28', '2021-02-22', '2021-02-28', ?, 'published', 't0', 't0')`,
    ).run(JSON.stringify(OLD_ISSUE.meta));
    db.prepare("INSERT INTO columns VALUES ('2021-W08', 'c1', '医院管理', 0), ('2021-W08', 'c2', '他山之石', 1)").run();
    const a = OLD_ISSUE.columns[0].articles[0];
    db.prepare(
      `INSERT INTO articles (issue_id, column_id, id, position, title, source, author, url, clipped_at, content_json, summary,
         summary_edited, plain_text, content_hash, updated_at)
       VALUES ('2021-W08', 'c1', 'a1', 0, ?, ?, NULL, NULL, NULL, ?, ?, 0, ?, 'stale-hash', 't0')`,
    ).run(a.title, a.source, JSON.stringify(a.content), a.summary, DRG_TEXT);
    db.prepare("INSERT INTO settings VALUES ('publisher', '\"药城\"')").run();
  },
};

function buildAt(version: number): string {
  const file = tmp.path(`v${version}.db`);
  const db = openWritable(file);
  migrate(db, { target: version });
  expect(schemaVersion(db)).toBe(version);
  for (let v = 1; v <= version; v++) SEEDERS[v]?.(db);
  db.close();
  return file;
}

describe('migrations', () => {
  it('are numbered files 001, 002, … with at least the schema and the search index', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
    expect(MIGRATIONS[1].name).toBe('search-index');
  });

  it('are found through $WEEKLY_DESK_MIGRATIONS first, else next to the module', () => {
    const own = findMigrationsDir({});
    expect(findMigrationsDir({ WEEKLY_DESK_MIGRATIONS: tmp.path('empty') })).toBe(own);
    mkdirSync(tmp.path('sql'));
    copyFileSync(join(own, '001-initial.sql'), tmp.path('sql/001-initial.sql'));
    expect(findMigrationsDir({ WEEKLY_DESK_MIGRATIONS: tmp.path('sql') })).toBe(tmp.path('sql'));
  });

  it('each step sets user_version on an in-memory database', () => {
    const db = openWritable(':memory:');
    for (const m of MIGRATIONS) {
      expect(migrate(db, { target: m.version })).toEqual([m.version]);
      expect(schemaVersion(db)).toBe(m.version);
    }
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  for (let version = 0; version < LATEST_VERSION; version++) {
    it(`brings a version ${version} database with data to the latest without loss`, () => {
      const file = buildAt(version);
      const archive = openArchive(file);
      try {
        if (version >= 1) {
          expect(archive.getIssue('2021-W08')).toEqual(OLD_ISSUE);
          expect(archive.getIssueStatus('2021-W08')).toBe('published');
          expect(archive.getSettings().publisher).toBe('药城');
          // The search index and fingerprints are built for rows that predate them.
          expect(archive.search('DRG').map((h) => h.articleId)).toEqual(['a1']);
          const dup = archive.findAlreadyRan({ title: '另一个标题', content: OLD_ISSUE.columns[0].articles[0].content });
          expect(dup.map((d) => [d.issueNumber, d.column, d.similarity])).toEqual([['2021年第8期', '医院管理', 1]]);
        } else {
          expect(archive.listIssues()).toEqual([]);
        }
      } finally {
        archive.close();
      }
      const db = openWritable(file);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      db.close();
    });
  }

  it('refuses a database from a newer app and leaves it untouched', () => {
    const file = buildAt(LATEST_VERSION);
    const db = openWritable(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const before = readFileSync(file);
    expect(() => openArchive(file)).toThrow(ArchiveTooNewError);
    try {
      openArchive(file);
    } catch (e) {
      expect((e as ArchiveTooNewError).messageZh).toContain('请升级软件');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('runs all pending steps in one transaction: a failing step leaves the old version intact', () => {
    const file = buildAt(1);
    const db = openWritable(file);
    // A leftover table with the same name makes migration 002 fail halfway.
    db.exec('CREATE TABLE article_lsh (x)');
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'article_search'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    db.close();
  });

  it('002 makes exact-copy and band lookups use indexes', () => {
    const db = openWritable(':memory:');
    migrate(db);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan("SELECT seq FROM articles WHERE content_hash = 'x'")).toContain('articles_by_content_hash');
    expect(plan('SELECT article_seq FROM article_lsh WHERE band = 1 AND key = 2')).toMatch(/SEARCH article_lsh USING PRIMARY KEY/);
    expect(plan('SELECT seq FROM articles WHERE indexed_version < 1')).toContain('articles_by_index_version');
    db.close();
  });
});
