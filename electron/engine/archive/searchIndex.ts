// The full-text index and duplicate fingerprints of each article, kept in step with the article
// rows. Bump SEARCH_INDEX_VERSION when segmentation or fingerprints change: older rows are then
// re-indexed the next time the archive opens.
import { jaccard, lshBandKeys, minHashSignature, shingleHashes } from '../../../shared/search/minhash';
import { segmentForIndex } from '../../../shared/search/segment';
import { contentHash, duplicateText } from './articleText';
import type { ReadableDB, WritableDB } from './db';

export const SEARCH_INDEX_VERSION = 1;

interface IndexedFields {
  seq: number;
  title: string;
  source: string;
  summary: string;
  plain_text: string;
}

export function signatureToBlob(sig: Uint32Array): Buffer {
  const buf = Buffer.alloc(sig.length * 4);
  sig.forEach((v, i) => buf.writeUInt32LE(v, i * 4));
  return buf;
}

export function blobToSignature(blob: Buffer): Uint32Array {
  const sig = new Uint32Array(blob.length / 4);
  for (let i = 0; i < sig.length; i++) sig[i] = blob.readUInt32LE(i * 4);
  return sig;
}

/** (Re)indexes one article row. Call inside the transaction that changed the row. */
export function indexArticle(db: WritableDB, row: IndexedFields): void {
  db.prepare('DELETE FROM article_search WHERE rowid = ?').run(row.seq);
  db.prepare('INSERT INTO article_search (rowid, title, source, summary, body) VALUES (?, ?, ?, ?, ?)').run(
    row.seq,
    segmentForIndex(row.title),
    segmentForIndex(row.source),
    segmentForIndex(row.summary),
    segmentForIndex(row.plain_text),
  );
  const text = duplicateText(row.title, row.plain_text);
  const sig = minHashSignature(shingleHashes(text));
  db.prepare('INSERT OR REPLACE INTO article_fingerprints (article_seq, minhash) VALUES (?, ?)').run(row.seq, signatureToBlob(sig));
  db.prepare('DELETE FROM article_lsh WHERE article_seq = ?').run(row.seq);
  const insertBand = db.prepare('INSERT OR IGNORE INTO article_lsh (band, key, article_seq) VALUES (?, ?, ?)');
  lshBandKeys(sig).forEach((key, band) => insertBand.run(band, key, row.seq));
  db.prepare('UPDATE articles SET indexed_version = ?, content_hash = ? WHERE seq = ?').run(SEARCH_INDEX_VERSION, contentHash(text), row.seq);
}

/** Indexes every article whose index is missing or older than this build's; returns how many. */
export function reindexStale(db: WritableDB): number {
  const stale = db
    .prepare('SELECT seq, title, source, summary, plain_text FROM articles WHERE indexed_version < ?')
    .all(SEARCH_INDEX_VERSION) as IndexedFields[];
  if (stale.length === 0) return 0;
  db.transaction(() => {
    for (const row of stale) indexArticle(db, row);
  }).immediate();
  return stale.length;
}

/** Exact shingle Jaccard between a text and a stored article (for the similarity shown to the editor). */
export function exactSimilarity(db: ReadableDB, seq: number, shingles: Set<number>): number {
  const row = db.prepare('SELECT title, plain_text FROM articles WHERE seq = ?').get(seq) as { title: string; plain_text: string } | undefined;
  if (!row) return 0;
  return jaccard(shingles, shingleHashes(duplicateText(row.title, row.plain_text)));
}

/** Tables derived from the articles: rebuilt from them, never the only copy of anything. */
const DERIVED_TABLES = ['article_search', 'article_fingerprints', 'article_lsh'];

/**
 * Drops and recreates the search index and fingerprints (from their own definitions in the
 * schema), then indexes every article again. The way out when those tables are damaged.
 */
export function rebuildSearchIndex(db: WritableDB): number {
  const definitions = db
    .prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_schema
        WHERE sql IS NOT NULL AND (name IN (${DERIVED_TABLES.map(() => '?').join(', ')}) OR (type = 'index' AND tbl_name IN (${DERIVED_TABLES.map(() => '?').join(', ')})))`,
    )
    .all(...DERIVED_TABLES, ...DERIVED_TABLES) as Array<{ type: string; name: string; tbl_name: string; sql: string }>;
  const tables = definitions.filter((d) => d.type === 'table');
  const indexes = definitions.filter((d) => d.type === 'index');
  db.transaction(() => {
    for (const t of tables) db.exec(`DROP TABLE ${t.name}`);
    for (const t of tables) db.exec(t.sql);
    for (const i of indexes) db.exec(i.sql);
    db.prepare('UPDATE articles SET indexed_version = 0').run();
  }).immediate();
  return reindexStale(db);
}
