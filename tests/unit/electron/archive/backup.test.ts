import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ArchiveCorruptError, checkBackupFile, listBackups, openArchive, restoreArchive, type Archive } from '../../../../electron/engine/archive/index';
import { openWritable } from '../../../../electron/engine/archive/db';
import { article, content, SANMING_TEXT, sampleIssues, tempDir, type TempDir } from './helpers';

let tmp: TempDir;
let archive: Archive;
let today = new Date('2024-11-20T08:00:00Z');

beforeEach(() => {
  tmp = tempDir();
  today = new Date('2024-11-20T08:00:00Z');
  archive = openArchive(tmp.path('weekly-desk.db'), { now: () => today });
  for (const i of sampleIssues()) archive.saveIssue(i);
});

afterEach(() => {
  archive.close();
  tmp.remove();
});

describe('backup and restore', () => {
  it('writes a checked online backup that holds every issue', async () => {
    const file = await archive.backup(tmp.path('copy.db'));
    expect(checkBackupFile(file)).toEqual({ version: expect.any(Number), issues: 2 });
    const copy = openArchive(file, { backupDir: tmp.path('none') });
    expect(copy.getIssue('2024-W47')).toEqual(archive.getIssue('2024-W47'));
    copy.close();
  });

  it('keeps one rolling backup per day for N days', async () => {
    const made: boolean[] = [];
    for (let day = 0; day < 5; day++) {
      today = new Date(Date.UTC(2024, 10, 20 + day, 8));
      made.push((await archive.backupDaily(3)).created);
      made.push((await archive.backupDaily(3)).created);
    }
    expect(made).toEqual([true, false, true, false, true, false, true, false, true, false]);
    expect(listBackups(archive.backupDir).map((b) => b.day)).toEqual(['2024-11-24', '2024-11-23', '2024-11-22']);
  });

  it('restores a backup and keeps the replaced database beside it', async () => {
    const file = await archive.backup(tmp.path('before-edit.db'));
    archive.deleteIssue('2021-W08');
    archive.saveArticle('2024-W47', 'c1', article('a9', '新增文章', '健康报', '这篇文章在备份之后才加入。'));
    const kept = await archive.restore(file);
    expect(archive.listIssues().map((i) => i.id)).toEqual(['2024-W47', '2021-W08']);
    expect(archive.getIssue('2024-W47')!.columns[0].articles.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(archive.search('三明')).toHaveLength(1);
    expect(kept && existsSync(kept)).toBe(true);
    const before = openArchive(kept!, { backupDir: tmp.path('none') });
    expect(before.listIssues().map((i) => i.id)).toEqual(['2024-W47']);
    before.close();
  });

  it('refuses to restore from a file that is not a healthy archive, changing nothing', async () => {
    writeFileSync(tmp.path('notes.db'), '这不是数据库');
    await expect(archive.restore(tmp.path('notes.db'))).rejects.toMatchObject({ code: 'archive-backup-invalid', messageZh: expect.stringContaining('不是数据库文件') });
    await expect(archive.restore(tmp.path('missing.db'))).rejects.toMatchObject({ messageZh: expect.stringContaining('文件不存在') });
    expect(archive.listIssues()).toHaveLength(2);
  });
});

/** Overwrites bytes in the middle of the file: pages SQLite will read during its check. */
function damage(file: string): void {
  const bytes = readFileSync(file);
  for (let i = 4096; i < bytes.length; i += 97) bytes[i] = (bytes[i] + 0x5a) & 0xff;
  writeFileSync(file, bytes);
}

describe('a damaged database', () => {
  it('is detected at open, reported in Chinese with the latest backup, and never overwritten', async () => {
    await archive.backupDaily();
    archive.close();
    const db = tmp.path('weekly-desk.db');
    damage(db);
    const damaged = readFileSync(db);
    let error: unknown;
    try {
      archive = openArchive(db);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchiveCorruptError);
    const e = error as ArchiveCorruptError;
    expect(e.messageZh).toContain('档案库文件已损坏');
    expect(e.messageZh).toContain('weekly-desk-2024-11-20.db');
    expect(e.latestBackup).toBe(tmp.path('backups/weekly-desk-2024-11-20.db'));
    expect(readFileSync(db).equals(damaged)).toBe(true);

    // The editor accepts the offer: the damaged file is kept aside and the backup opens.
    const kept = restoreArchive(db, e.latestBackup!, today);
    expect(readFileSync(kept!).equals(damaged)).toBe(true);
    archive = openArchive(db);
    expect(archive.listIssues()).toHaveLength(2);
  });

  it('is detected when the file is not a database at all, with no backup to offer', () => {
    archive.close();
    const db = tmp.path('weekly-desk.db');
    for (const suffix of ['-wal', '-shm']) if (existsSync(db + suffix)) writeFileSync(db + suffix, '');
    writeFileSync(db, '<html>not a database</html>');
    expect(() => (archive = openArchive(db))).toThrow(expect.objectContaining({ code: 'archive-corrupt', latestBackup: null, messageZh: expect.stringContaining('没有找到可用的备份') }));
    expect(readFileSync(db, 'utf8')).toBe('<html>not a database</html>');
    archive = openArchive(tmp.path('other.db'));
  });

  it('skips damaged backups when offering one', async () => {
    await archive.backupDaily();
    today = new Date('2024-11-21T08:00:00Z');
    await archive.backupDaily();
    damage(tmp.path('backups/weekly-desk-2024-11-21.db'));
    archive.close();
    damage(tmp.path('weekly-desk.db'));
    expect(() => (archive = openArchive(tmp.path('weekly-desk.db')))).toThrow(
      expect.objectContaining({ latestBackup: tmp.path('backups/weekly-desk-2024-11-20.db') }),
    );
    archive = openArchive(tmp.path('other.db'));
    expect(readdirSync(tmp.path('backups')).filter((f) => f.endsWith('.db'))).toHaveLength(2);
  });
});

describe('a damaged search index', () => {
  it('is rebuilt from the articles on the next search, with the same results', () => {
    const before = archive.search('医保');
    // A near copy (not exact), so only the MinHash bands can find it.
    const nearCopy = { title: 'x', content: content(SANMING_TEXT.replace('考核评价机制', '考核机制')) };
    const dupBefore = archive.findAlreadyRan(nearCopy);
    expect(dupBefore).toHaveLength(1);
    expect(before.length).toBeGreaterThan(0);
    archive.close();
    const db = openWritable(tmp.path('weekly-desk.db'));
    db.unsafeMode(true); // lets the test write into FTS5's shadow tables, as damage would
    // Scramble the FTS index's blocks (past the header bytes) and the LSH bands.
    db.prepare('UPDATE article_search_data SET block = randomblob(length(block)) WHERE id > 10').run();
    db.prepare('UPDATE article_lsh SET key = key + 1').run();
    expect(() => db.prepare("SELECT rowid FROM article_search WHERE article_search MATCH '医保'").all()).toThrow(/malformed|corrupt/);
    db.close();
    archive = openArchive(tmp.path('weekly-desk.db'), { now: () => today });
    expect(archive.search('医保')).toEqual(before);
    expect(archive.findAlreadyRan(nearCopy)).toEqual(dupBefore);
  });

  it('can be rebuilt on demand', () => {
    expect(archive.rebuildSearchIndex()).toBe(4);
    expect(archive.search('三明')).toHaveLength(1);
  });
});
