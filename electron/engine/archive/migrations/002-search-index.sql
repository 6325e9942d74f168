-- Chinese full-text search and near-duplicate fingerprints. The index is contentless: it stores
-- the bigram tokens of shared/search/segment.ts, filled from code (SQL cannot segment), so every
-- article starts with indexed_version 0 and is indexed when the archive opens.
CREATE VIRTUAL TABLE article_search USING fts5 (
  title, source, summary, body,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 0'
);

ALTER TABLE articles ADD COLUMN indexed_version INTEGER NOT NULL DEFAULT 0;

CREATE INDEX articles_by_content_hash ON articles (content_hash);
CREATE INDEX articles_by_index_version ON articles (indexed_version);

CREATE TABLE article_fingerprints (
  article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
  -- MinHash signature: 128 little-endian uint32
  minhash BLOB NOT NULL
) STRICT;

-- LSH bands of the signature: articles sharing a (band, key) are near-duplicate candidates.
CREATE TABLE article_lsh (
  band INTEGER NOT NULL,
  key INTEGER NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  PRIMARY KEY (band, key, article_seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_lsh_by_article ON article_lsh (article_seq);

CREATE TRIGGER articles_leave_search AFTER DELETE ON articles BEGIN
  DELETE FROM article_search WHERE rowid = old.seq;
END;
