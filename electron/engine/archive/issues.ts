// Issues, columns and articles: the rows behind an Issue and the Issue built back from them.
import { isoWeekRange, parseIsoWeek } from '../../../shared/dates/isoWeek';
import { UserFacingError } from '../../../shared/errors';
import { articleSchema, issueMetaSchema, type Article, type Issue, type IssueMeta } from '../../../shared/model/issue';
import { articlePlainText, contentHash, duplicateText } from './articleText';
import type { ReadableDB, WritableDB } from './db';
import { notFound } from './errors';
import { indexArticle } from './searchIndex';

export type IssueStatus = 'draft' | 'published';

export interface IssueSummary {
  id: string;
  isoWeek: string;
  issueNumber: string;
  dateRange: string;
  title: string;
  status: IssueStatus;
  columnCount: number;
  articleCount: number;
  createdAt: string;
  updatedAt: string;
}

interface IssueRow {
  id: string;
  iso_week: string;
  issue_number: string;
  date_range: string;
  meta_json: string;
  status: IssueStatus;
  created_at: string;
  updated_at: string;
}

interface ArticleRow {
  seq: number;
  column_id: string;
  id: string;
  position: number;
  title: string;
  source: string;
  author: string | null;
  url: string | null;
  clipped_at: string | null;
  content_json: string;
  summary: string;
  summary_edited: number;
  plain_text: string;
}

const ymd = (d: Date): string => d.toISOString().slice(0, 10);

function weekBounds(isoWeek: string): { start: string; end: string } {
  const { monday, sunday } = isoWeekRange(parseIsoWeek(isoWeek));
  return { start: ymd(monday), end: ymd(sunday) };
}

export function listIssues(db: ReadableDB): IssueSummary[] {
  const rows = db
    .prepare(
      `SELECT i.id, i.iso_week, i.issue_number, i.date_range, i.meta_json, i.status, i.created_at, i.updated_at,
              (SELECT count(*) FROM columns c WHERE c.issue_id = i.id) AS column_count,
              (SELECT count(*) FROM articles a WHERE a.issue_id = i.id) AS article_count
         FROM issues i ORDER BY i.week_start DESC, i.updated_at DESC`,
    )
    .all() as Array<IssueRow & { column_count: number; article_count: number }>;
  return rows.map((r) => ({
    id: r.id,
    isoWeek: r.iso_week,
    issueNumber: r.issue_number,
    dateRange: r.date_range,
    title: (JSON.parse(r.meta_json) as IssueMeta).title,
    status: r.status,
    columnCount: r.column_count,
    articleCount: r.article_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export function issueExists(db: ReadableDB, id: string): boolean {
  return db.prepare('SELECT 1 FROM issues WHERE id = ?').get(id) !== undefined;
}

function articleFromRow(r: ArticleRow): Article {
  return articleSchema.parse({
    id: r.id,
    title: r.title,
    source: r.source,
    author: r.author,
    url: r.url,
    clippedAt: r.clipped_at,
    content: JSON.parse(r.content_json),
    summary: r.summary,
    summaryEdited: r.summary_edited === 1,
  });
}

export function getIssue(db: ReadableDB, id: string): Issue | null {
  const row = db.prepare('SELECT * FROM issues WHERE id = ?').get(id) as IssueRow | undefined;
  if (!row) return null;
  const columns = db.prepare('SELECT id, name FROM columns WHERE issue_id = ? ORDER BY position').all(id) as Array<{ id: string; name: string }>;
  const articles = db
    .prepare('SELECT * FROM articles WHERE issue_id = ? ORDER BY column_id, position')
    .all(id) as ArticleRow[];
  return {
    id: row.id,
    meta: issueMetaSchema.parse(JSON.parse(row.meta_json)),
    columns: columns.map((c) => ({
      id: c.id,
      name: c.name,
      articles: articles.filter((a) => a.column_id === c.id).map(articleFromRow),
    })),
  };
}

export function getIssueStatus(db: ReadableDB, id: string): IssueStatus | null {
  const row = db.prepare('SELECT status FROM issues WHERE id = ?').get(id) as { status: IssueStatus } | undefined;
  return row?.status ?? null;
}

export function setIssueStatus(db: WritableDB, id: string, status: IssueStatus, now: Date): void {
  const info = db.prepare('UPDATE issues SET status = ?, updated_at = ? WHERE id = ?').run(status, now.toISOString(), id);
  if (info.changes === 0) throw notFound('issue', id);
}

function upsertIssueRow(db: WritableDB, issue: Issue, now: string): void {
  const { start, end } = weekBounds(issue.meta.isoWeek);
  db.prepare(
    `INSERT INTO issues (id, iso_week, issue_number, date_range, week_start, week_end, meta_json, created_at, updated_at)
     VALUES (@id, @isoWeek, @issueNumber, @dateRange, @start, @end, @meta, @now, @now)
     ON CONFLICT (id) DO UPDATE SET iso_week = excluded.iso_week, issue_number = excluded.issue_number,
       date_range = excluded.date_range, week_start = excluded.week_start, week_end = excluded.week_end,
       meta_json = excluded.meta_json, updated_at = excluded.updated_at`,
  ).run({
    id: issue.id,
    isoWeek: issue.meta.isoWeek,
    issueNumber: issue.meta.issueNumber,
    dateRange: issue.meta.dateRange,
    start,
    end,
    meta: JSON.stringify(issue.meta),
    now,
  });
}

/**
 * Writes one article row (insert or update in place, keeping its seq) and re-indexes it when its
 * searchable text changed. Call inside a transaction.
 */
function upsertArticle(db: WritableDB, issueId: string, columnId: string, position: number, article: Article, now: string): void {
  const plain = articlePlainText(article);
  const existing = db
    .prepare('SELECT seq, title, source, summary, plain_text FROM articles WHERE issue_id = ? AND id = ?')
    .get(issueId, article.id) as Pick<ArticleRow, 'seq' | 'title' | 'source' | 'summary' | 'plain_text'> | undefined;
  const values = {
    issueId,
    columnId,
    id: article.id,
    position,
    title: article.title,
    source: article.source,
    author: article.author,
    url: article.url,
    clippedAt: article.clippedAt,
    content: JSON.stringify(article.content),
    summary: article.summary,
    summaryEdited: article.summaryEdited ? 1 : 0,
    plain,
    hash: contentHash(duplicateText(article.title, plain)),
    now,
  };
  let seq: number;
  if (existing) {
    db.prepare(
      `UPDATE articles SET column_id = @columnId, position = @position, title = @title, source = @source, author = @author,
         url = @url, clipped_at = @clippedAt, content_json = @content, summary = @summary, summary_edited = @summaryEdited,
         plain_text = @plain, content_hash = @hash, updated_at = @now
       WHERE seq = @seq`,
    ).run({ ...values, seq: existing.seq });
    seq = existing.seq;
    const unchanged =
      existing.title === article.title && existing.source === article.source && existing.summary === article.summary && existing.plain_text === plain;
    if (unchanged) return;
  } else {
    const info = db
      .prepare(
        `INSERT INTO articles (issue_id, column_id, id, position, title, source, author, url, clipped_at, content_json,
           summary, summary_edited, plain_text, content_hash, updated_at)
         VALUES (@issueId, @columnId, @id, @position, @title, @source, @author, @url, @clippedAt, @content,
           @summary, @summaryEdited, @plain, @hash, @now)`,
      )
      .run(values);
    seq = Number(info.lastInsertRowid);
  }
  indexArticle(db, { seq, title: article.title, source: article.source, summary: article.summary, plain_text: plain });
}

/** Two columns or two articles of one issue sharing an id would overwrite each other when stored. */
function assertUniqueIds(issue: Issue): void {
  const seen = new Set<string>();
  for (const id of issue.columns.map((c) => `column ${c.id}`).concat(issue.columns.flatMap((c) => c.articles.map((a) => `article ${a.id}`)))) {
    if (seen.has(id)) {
      throw new UserFacingError('archive-duplicate-id', `本期中有重复的编号（${id}），未能保存。`, `Issue ${issue.id} has a duplicate ${id}`);
    }
    seen.add(id);
  }
}

/** Saves a whole issue in one transaction: metadata, column order, article order and content. */
export function saveIssue(db: WritableDB, issue: Issue, now: Date): void {
  assertUniqueIds(issue);
  const stamp = now.toISOString();
  db.transaction(() => {
    upsertIssueRow(db, issue, stamp);
    const upsertColumn = db.prepare(
      `INSERT INTO columns (issue_id, id, name, position) VALUES (?, ?, ?, ?)
       ON CONFLICT (issue_id, id) DO UPDATE SET name = excluded.name, position = excluded.position`,
    );
    issue.columns.forEach((c, i) => upsertColumn.run(issue.id, c.id, c.name, i));
    const keep = new Set<string>();
    for (const column of issue.columns) {
      column.articles.forEach((article, i) => {
        upsertArticle(db, issue.id, column.id, i, article, stamp);
        keep.add(article.id);
      });
    }
    const storedArticles = db.prepare('SELECT id FROM articles WHERE issue_id = ?').pluck().all(issue.id) as string[];
    const dropArticle = db.prepare('DELETE FROM articles WHERE issue_id = ? AND id = ?');
    for (const id of storedArticles) if (!keep.has(id)) dropArticle.run(issue.id, id);
    const columnIds = new Set(issue.columns.map((c) => c.id));
    const storedColumns = db.prepare('SELECT id FROM columns WHERE issue_id = ?').pluck().all(issue.id) as string[];
    const dropColumn = db.prepare('DELETE FROM columns WHERE issue_id = ? AND id = ?');
    for (const id of storedColumns) if (!columnIds.has(id)) dropColumn.run(issue.id, id);
  }).immediate();
}

/**
 * Saves one article (the autosave path). An article new to the issue, or moved to another column,
 * goes to the end of `columnId`; otherwise it keeps its place.
 */
export function saveArticle(db: WritableDB, issueId: string, columnId: string, article: Article, now: Date): void {
  const stamp = now.toISOString();
  db.transaction(() => {
    if (!db.prepare('SELECT 1 FROM columns WHERE issue_id = ? AND id = ?').get(issueId, columnId)) {
      throw issueExists(db, issueId) ? notFound('column', columnId) : notFound('issue', issueId);
    }
    const current = db.prepare('SELECT column_id, position FROM articles WHERE issue_id = ? AND id = ?').get(issueId, article.id) as
      | { column_id: string; position: number }
      | undefined;
    let position: number;
    if (current && current.column_id === columnId) position = current.position;
    else {
      const max = db.prepare('SELECT max(position) FROM articles WHERE issue_id = ? AND column_id = ?').pluck().get(issueId, columnId) as number | null;
      position = max === null ? 0 : max + 1;
    }
    upsertArticle(db, issueId, columnId, position, article, stamp);
    db.prepare('UPDATE issues SET updated_at = ? WHERE id = ?').run(stamp, issueId);
  }).immediate();
}

export function deleteIssue(db: WritableDB, id: string): boolean {
  return db.prepare('DELETE FROM issues WHERE id = ?').run(id).changes > 0;
}

/** Column names used in earlier issues, most used first (to offer when a new issue is made). */
export function columnNames(db: ReadableDB): string[] {
  return db.prepare('SELECT name FROM columns GROUP BY name ORDER BY count(*) DESC, name').pluck().all() as string[];
}

/** Distinct 来源 in the archive, most frequent first (for the search filter). */
export function sources(db: ReadableDB): string[] {
  return db.prepare("SELECT source FROM articles WHERE source <> '' GROUP BY source ORDER BY count(*) DESC, source").pluck().all() as string[];
}
