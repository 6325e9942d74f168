import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWritable } from '../../../../electron/engine/archive/db';
import { openArchive, type Archive } from '../../../../electron/engine/archive/index';
import { article, content, FIXED_NOW, issue, SANMING_TEXT, sampleIssues, tempDir, type TempDir } from './helpers';

let tmp: TempDir;
let archive: Archive;

beforeEach(() => {
  tmp = tempDir();
  archive = openArchive(tmp.path('weekly-desk.db'), { now: FIXED_NOW });
});

afterEach(() => {
  archive.close();
  tmp.remove();
});

describe('issues', () => {
  it('gives back exactly the issue it saved', () => {
    const [old, recent] = sampleIssues();
    archive.saveIssue(old);
    archive.saveIssue(recent);
    expect(archive.getIssue('2021-W08')).toEqual(old);
    expect(archive.getIssue('2024-W47')).toEqual(recent);
    expect(archive.getIssue('1999-W01')).toBeNull();
  });

  it('lists issues newest week first with counts and draft status', () => {
    for (const i of sampleIssues()) archive.saveIssue(i);
    const list = archive.listIssues();
    expect(list.map((i) => [i.id, i.issueNumber, i.columnCount, i.articleCount, i.status])).toEqual([
      ['2024-W47', '2024年第47期', 1, 2, 'draft'],
      ['2021-W08', '2021年第8期', 2, 2, 'draft'],
    ]);
    expect(list[0].updatedAt).toBe('2024-11-20T08:00:00.000Z');
  });

  it('keeps the new order of columns and articles, and drops removed ones', () => {
    const [old] = sampleIssues();
    archive.saveIssue(old);
    const moved = structuredClone(old);
    // Swap the columns, move the 三明 article into the first column, and rename a column.
    const [c1, c2] = moved.columns;
    c1.articles.unshift(c2.articles.pop()!);
    c1.name = '医院管理与改革';
    moved.columns = [c2, c1];
    archive.saveIssue(moved);
    expect(archive.getIssue(old.id)).toEqual(moved);

    moved.columns = [c1];
    c1.articles = [c1.articles[1]];
    archive.saveIssue(moved);
    expect(archive.getIssue(old.id)).toEqual(moved);
    expect(archive.search('三明')).toEqual([]);
  });

  it('changes and reads the publishing status', () => {
    archive.saveIssue(sampleIssues()[0]);
    archive.setIssueStatus('2021-W08', 'published');
    expect(archive.getIssueStatus('2021-W08')).toBe('published');
    expect(() => archive.setIssueStatus('nope', 'draft')).toThrow(/No issue nope/);
  });

  it('deletes an issue with everything in it', () => {
    for (const i of sampleIssues()) archive.saveIssue(i);
    expect(archive.search('三明')).toHaveLength(1);
    expect(archive.deleteIssue('2021-W08')).toBe(true);
    expect(archive.deleteIssue('2021-W08')).toBe(false);
    expect(archive.getIssue('2021-W08')).toBeNull();
    expect(archive.search('三明')).toEqual([]);
    expect(archive.findAlreadyRan({ title: '三明', content: content(SANMING_TEXT) })).toEqual([]);
  });

  it('refuses an issue with two articles or two columns sharing an id, storing nothing', () => {
    const [old] = sampleIssues();
    const twice = structuredClone(old);
    twice.columns[1].articles[0].id = 'a1';
    expect(() => archive.saveIssue(twice)).toThrow(expect.objectContaining({ code: 'archive-duplicate-id' }));
    const cols = structuredClone(old);
    cols.columns[1].id = 'c1';
    expect(() => archive.saveIssue(cols)).toThrow(expect.objectContaining({ code: 'archive-duplicate-id' }));
    expect(archive.listIssues()).toEqual([]);
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    archive.close();
    const db = openWritable(tmp.path('weekly-desk.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
    archive = openArchive(tmp.path('weekly-desk.db'));
  });

  it('rejects an issue that does not fit the model', () => {
    const bad = { ...sampleIssues()[0], id: '' };
    expect(() => archive.saveIssue(bad)).toThrow();
  });

  it('reports column names used before, most used first', () => {
    for (const i of sampleIssues()) archive.saveIssue(i);
    archive.saveIssue(issue('2024-W48', [{ id: 'x', name: '分析解读', articles: [] }]));
    expect(archive.columnNames()).toEqual(['分析解读', '医院管理', '地方精彩']);
    expect(archive.sources()).toContain('看医界');
  });
});

describe('saveArticle (autosave)', () => {
  beforeEach(() => {
    for (const i of sampleIssues()) archive.saveIssue(i);
  });

  it('updates an article in place and re-indexes it', () => {
    const a = archive.getIssue('2024-W47')!.columns[0].articles[1];
    const edited = { ...a, content: content('国谈药品落地“双通道”管理，医保目录动态调整。'), summary: '国谈药品落地', summaryEdited: true };
    archive.saveArticle('2024-W47', 'c1', edited);
    const stored = archive.getIssue('2024-W47')!.columns[0].articles;
    expect(stored.map((x) => x.id)).toEqual(['a1', 'a2']);
    expect(stored[1]).toEqual(edited);
    expect(archive.search('双通道').map((h) => h.articleId)).toEqual(['a2']);
    expect(archive.search('常态化')).toEqual([]);
  });

  it('appends a new article at the end of its column', () => {
    const added = article('a3', '医保基金监管再上台阶', 'Latitude Health', '医保基金监管从“人海战术”走向智能监控。');
    archive.saveArticle('2024-W47', 'c1', added);
    expect(archive.getIssue('2024-W47')!.columns[0].articles.map((x) => x.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('moves an article to the end of another column', () => {
    const a1 = archive.getIssue('2021-W08')!.columns[0].articles[0];
    archive.saveArticle('2021-W08', 'c2', a1);
    const cols = archive.getIssue('2021-W08')!.columns;
    expect(cols[0].articles).toEqual([]);
    expect(cols[1].articles.map((x) => x.id)).toEqual(['a2', 'a1']);
  });

  it('refuses an unknown issue or column with a Chinese message', () => {
    const a = article('z', 't', 's', '正文');
    expect(() => archive.saveArticle('2030-W01', 'c1', a)).toThrow(expect.objectContaining({ messageZh: expect.stringContaining('找不到这一期') }));
    expect(() => archive.saveArticle('2024-W47', 'c9', a)).toThrow(expect.objectContaining({ messageZh: expect.stringContaining('找不到这个栏目') }));
  });
});

describe('optimize', () => {
  it('merges the search index and keeps results the same', () => {
    for (const i of sampleIssues()) archive.saveIssue(i);
    const before = archive.search('医保');
    archive.optimize();
    expect(archive.search('医保')).toEqual(before);
  });
});

describe('settings', () => {
  it('starts from defaults and keeps what was set', () => {
    expect(archive.getSettings().pageSize).toBe('A4');
    const s = archive.setSettings({ publisher: '药城', phone: '010-12345678' });
    expect(s.publisher).toBe('药城');
    archive.close();
    archive = openArchive(tmp.path('weekly-desk.db'));
    expect(archive.getSettings()).toMatchObject({ publisher: '药城', phone: '010-12345678', pageSize: 'A4' });
  });

  it('rejects invalid values', () => {
    expect(() => archive.setSettings({ summaryMinChars: 1 })).toThrow();
    expect(archive.getSettings().summaryMinChars).toBe(100);
  });
});

describe('media', () => {
  it('stores bytes once by content hash and reads them back', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const ref = archive.putMedia(png, 'image/png');
    expect(ref).toMatch(/^media:[0-9a-f]{64}$/);
    expect(archive.putMedia(png, 'image/png')).toBe(ref);
    const m = archive.getMedia(ref);
    expect(m.mime).toBe('image/png');
    expect(Uint8Array.from(m.bytes)).toEqual(png);
    expect(() => archive.getMedia('media:' + '0'.repeat(64))).toThrow(/No media/);
    expect(() => archive.getMedia('https://example.com/a.png')).toThrow(/No media/);
  });
});
