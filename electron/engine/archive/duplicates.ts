// "Already ran?": finds archived articles that are the same as a clipping, exactly (equal
// fingerprint hash) or nearly (MinHash candidates from LSH bands, confirmed by exact shingle Jaccard).
import { estimateJaccard, isEmptySignature, lshBandKeys, minHashSignature, shingleHashes } from '../../../shared/search/minhash';
import type { Article } from '../../../shared/model/issue';
import { articlePlainText, contentHash, duplicateText } from './articleText';
import type { ReadableDB } from './db';
import { blobToSignature, exactSimilarity } from './searchIndex';

export interface AlreadyRan {
  issueId: string;
  issueNumber: string;
  isoWeek: string;
  articleId: string;
  /** 栏目 it ran in */
  column: string;
  title: string;
  /** 0..1, shingle Jaccard; 1 for an exact copy */
  similarity: number;
}

export interface AlreadyRanOptions {
  /** the issue the clipping is going into: its own articles do not count */
  excludeIssueId?: string;
  /** default 0.5 */
  minSimilarity?: number;
  /** default 5 */
  limit?: number;
}

/** Candidates checked exactly at most; LSH keeps this small unless the archive holds many copies. */
const MAX_CANDIDATES = 200;
/** MinHash estimates this far below the threshold are still checked exactly. */
const ESTIMATE_SLACK = 0.15;

interface Located {
  issue_id: string;
  issue_number: string;
  iso_week: string;
  id: string;
  title: string;
  column_name: string;
}

export function findAlreadyRan(
  db: ReadableDB,
  article: Pick<Article, 'title' | 'content'>,
  options: AlreadyRanOptions = {},
): AlreadyRan[] {
  const minSimilarity = options.minSimilarity ?? 0.5;
  const exclude = options.excludeIssueId ?? null;
  const text = duplicateText(article.title, articlePlainText(article));
  const similarity = new Map<number, number>();

  const exact = db
    .prepare('SELECT seq FROM articles WHERE content_hash = @hash AND (@exclude IS NULL OR issue_id <> @exclude)')
    .pluck()
    .all({ hash: contentHash(text), exclude }) as number[];
  for (const seq of exact) similarity.set(seq, 1);

  const shingles = shingleHashes(text);
  const sig = minHashSignature(shingles);
  if (!isEmptySignature(sig)) {
    const inBand = db.prepare('SELECT article_seq FROM article_lsh WHERE band = ? AND key = ?').pluck();
    const candidates = new Set<number>();
    lshBandKeys(sig).forEach((key, band) => {
      for (const seq of inBand.all(band, key) as number[]) if (candidates.size < MAX_CANDIDATES) candidates.add(seq);
    });
    const fingerprint = db.prepare('SELECT minhash FROM article_fingerprints WHERE article_seq = ?').pluck();
    const issueOf = db.prepare('SELECT issue_id FROM articles WHERE seq = ?').pluck();
    for (const seq of candidates) {
      if (similarity.has(seq)) continue;
      if (exclude !== null && issueOf.get(seq) === exclude) continue;
      const blob = fingerprint.get(seq) as Buffer | undefined;
      if (!blob || estimateJaccard(sig, blobToSignature(blob)) < minSimilarity - ESTIMATE_SLACK) continue;
      const s = exactSimilarity(db, seq, shingles);
      if (s >= minSimilarity) similarity.set(seq, s);
    }
  }
  if (similarity.size === 0) return [];

  const locate = db.prepare(
    `SELECT a.issue_id, i.issue_number, i.iso_week, a.id, a.title, c.name AS column_name
       FROM articles a JOIN issues i ON i.id = a.issue_id JOIN columns c ON c.issue_id = a.issue_id AND c.id = a.column_id
      WHERE a.seq = ?`,
  );
  const found: AlreadyRan[] = [];
  for (const [seq, s] of similarity) {
    const r = locate.get(seq) as Located | undefined;
    if (!r) continue;
    found.push({
      issueId: r.issue_id,
      issueNumber: r.issue_number,
      isoWeek: r.iso_week,
      articleId: r.id,
      column: r.column_name,
      title: r.title,
      similarity: s,
    });
  }
  found.sort((a, b) => b.similarity - a.similarity || b.isoWeek.localeCompare(a.isoWeek));
  return found.slice(0, options.limit ?? 5);
}

/** The line shown to the editor: 已于 2021年第23期 · 分析解读 刊发 (相似度 97%) */
export function describeAlreadyRan(hit: Pick<AlreadyRan, 'issueNumber' | 'column' | 'similarity'>): string {
  return `已于 ${hit.issueNumber} · ${hit.column} 刊发 (相似度 ${Math.round(hit.similarity * 100)}%)`;
}
