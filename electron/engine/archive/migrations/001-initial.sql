-- Issues (期), their ordered columns (栏目) and articles, media stored by content hash, settings.
CREATE TABLE issues (
  id TEXT PRIMARY KEY NOT NULL,
  iso_week TEXT NOT NULL,
  issue_number TEXT NOT NULL,
  date_range TEXT NOT NULL,
  -- Monday and Sunday of the ISO week (YYYY-MM-DD), for ordering and date filters
  week_start TEXT NOT NULL,
  week_end TEXT NOT NULL,
  -- the whole IssueMeta as JSON; the columns above repeat what is queried
  meta_json TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX issues_by_week ON issues (week_start);

CREATE TABLE columns (
  issue_id TEXT NOT NULL REFERENCES issues (id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (issue_id, id)
) STRICT;

CREATE TABLE articles (
  -- integer key shared with the full-text index and fingerprints
  seq INTEGER PRIMARY KEY,
  issue_id TEXT NOT NULL,
  column_id TEXT NOT NULL,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  source TEXT NOT NULL,
  author TEXT,
  url TEXT,
  clipped_at TEXT,
  content_json TEXT NOT NULL,
  summary TEXT NOT NULL,
  summary_edited INTEGER NOT NULL CHECK (summary_edited IN (0, 1)),
  -- body as plain text (walker), for snippets and duplicate checks
  plain_text TEXT NOT NULL,
  -- sha256 of the body's fingerprint form (letters and digits only): equal for exact copies
  content_hash TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (issue_id, id),
  FOREIGN KEY (issue_id, column_id) REFERENCES columns (issue_id, id) ON DELETE CASCADE
) STRICT;
CREATE INDEX articles_by_column ON articles (issue_id, column_id, position);

CREATE TABLE media (
  hash TEXT PRIMARY KEY NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY NOT NULL,
  value_json TEXT NOT NULL
) STRICT;
