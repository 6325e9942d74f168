// Full-text search over titles, 来源, 提要 and bodies, ranked by BM25 with titles weighing most.
import { parseQuery, toFtsMatch } from '../../../shared/search/segment';
import { buildSnippet, countMatchedWords, prepareText, type Highlight } from '../../../shared/search/snippet';
import type { ReadableDB } from './db';

export interface SearchOptions {
  /** 栏目 name, exact */
  column?: string;
  /** 来源, exact */
  source?: string;
  /** issues whose week ends on or after this date (YYYY-MM-DD) */
  from?: string;
  /** issues whose week starts on or before this date (YYYY-MM-DD) */
  to?: string;
  /** default 20 */
  limit?: number;
  /** snippet length in characters, default 120 */
  snippetLength?: number;
}

export interface SearchHit {
  issueId: string;
  issueNumber: string;
  isoWeek: string;
  articleId: string;
  title: string;
  column: string;
  source: string;
  /** plain text around the matches, line breaks as spaces, "…" where cut */
  snippet: string;
  /** matched ranges in `snippet` (end exclusive) */
  highlights: Highlight[];
  /** higher is better (negated BM25) */
  score: number;
}

/** BM25 weights for title, source, summary, body. */
const WEIGHTS = [8, 2, 3, 1];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface RankedRow {
  seq: number;
  rank: number;
}

interface HitRow {
  seq: number;
  issue_id: string;
  issue_number: string;
  iso_week: string;
  id: string;
  title: string;
  source: string;
  summary: string;
  plain_text: string;
  column_name: string;
}

export function search(db: ReadableDB, query: string, options: SearchOptions = {}): SearchHit[] {
  const words = parseQuery(query);
  const match = toFtsMatch(words);
  if (match === null) return [];
  const limit = Math.max(1, Math.min(options.limit ?? 20, 500));
  for (const d of [options.from, options.to]) if (d !== undefined && !DATE.test(d)) throw new Error(`Dates must be YYYY-MM-DD, got "${d}"`);

  const where: string[] = ['article_search MATCH @match'];
  const params: Record<string, string | number> = { match, limit };
  const needsArticle = options.column !== undefined || options.source !== undefined || options.from !== undefined || options.to !== undefined;
  if (options.source !== undefined) {
    where.push('a.source = @source');
    params.source = options.source;
  }
  if (options.column !== undefined) {
    where.push('c.name = @column');
    params.column = options.column;
  }
  if (options.from !== undefined) {
    where.push('i.week_end >= @from');
    params.from = options.from;
  }
  if (options.to !== undefined) {
    where.push('i.week_start <= @to');
    params.to = options.to;
  }
  const joins = needsArticle
    ? `JOIN articles a ON a.seq = article_search.rowid
       JOIN columns c ON c.issue_id = a.issue_id AND c.id = a.column_id
       JOIN issues i ON i.id = a.issue_id`
    : '';
  // Rank first on the narrow index alone, then load only the rows shown.
  const ranked = db
    .prepare(
      `SELECT article_search.rowid AS seq, bm25(article_search, ${WEIGHTS.join(', ')}) AS rank
         FROM article_search ${joins}
        WHERE ${where.join(' AND ')}
        ORDER BY rank LIMIT @limit`,
    )
    .all(params) as RankedRow[];
  if (ranked.length === 0) return [];

  const load = db.prepare(
    `SELECT a.seq, a.issue_id, i.issue_number, i.iso_week, a.id, a.title, a.source, a.summary, a.plain_text, c.name AS column_name
       FROM articles a
       JOIN columns c ON c.issue_id = a.issue_id AND c.id = a.column_id
       JOIN issues i ON i.id = a.issue_id
      WHERE a.seq = ?`,
  );
  const highlightWords = words.map((w) => w.text);
  const hits: SearchHit[] = [];
  for (const { seq, rank } of ranked) {
    const row = load.get(seq) as HitRow | undefined;
    if (!row) continue;
    // Cut the snippet from the 提要 when it holds every query word (short, and written to be read),
    // else from the body unless the 提要 holds more of them.
    const summary = prepareText(row.summary);
    const inSummary = countMatchedWords(summary, highlightWords);
    let text = summary;
    if (inSummary < highlightWords.length) {
      const body = prepareText(row.plain_text);
      if (countMatchedWords(body, highlightWords) >= inSummary) text = body;
    }
    const snippet = buildSnippet(text, highlightWords, { maxLength: options.snippetLength ?? 120 });
    hits.push({
      issueId: row.issue_id,
      issueNumber: row.issue_number,
      isoWeek: row.iso_week,
      articleId: row.id,
      title: row.title,
      column: row.column_name,
      source: row.source,
      snippet: snippet.text,
      highlights: snippet.highlights,
      score: -rank,
    });
  }
  return hits;
}
