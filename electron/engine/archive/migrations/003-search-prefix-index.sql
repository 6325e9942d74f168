-- A one-character prefix index: a one-character query (药) is a prefix query over every bigram
-- starting with it, which without this index merges hundreds of term lists (4× slower on a
-- ten-year archive). FTS5 options cannot be altered, so the index is rebuilt: the table is
-- recreated empty and every article is marked for re-indexing when the archive opens.
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5 (
  title, source, summary, body,
  content = '',
  contentless_delete = 1,
  prefix = '1',
  tokenize = 'unicode61 remove_diacritics 0'
);
UPDATE articles SET indexed_version = 0;
