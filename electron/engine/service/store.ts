// Where issues live. The archive (SQLite) implements this; the in-memory store stands in for tests
// and for a web session started without a database.
import type { AlreadyRan, IssueListItem, SearchHit, Settings } from '../../../shared/api/contract';
import type { SerializedEditorStateJson } from '../../../shared/content/lexicalJson';
import type { Article, Issue } from '../../../shared/model/issue';

export interface AlreadyRanQuery {
  title: string;
  url: string | null;
  /** the body, for near-duplicate checks */
  content: SerializedEditorStateJson;
  /** the issue the clipping is going into; its own articles do not count */
  excludeIssueId: string | null;
}

export interface IssueStore {
  listIssues(): Promise<IssueListItem[]>;
  getIssue(id: string): Promise<Issue | null>;
  saveIssue(issue: Issue): Promise<void>;
  saveArticle(issueId: string, columnId: string, article: Article): Promise<void>;
  deleteIssue(id: string): Promise<void>;
  search(query: string, limit: number): Promise<SearchHit[]>;
  findAlreadyRan(query: AlreadyRanQuery): Promise<AlreadyRan[]>;
  getSettings(): Promise<Settings | null>;
  saveSettings(settings: Settings): Promise<void>;
  /** column names used in earlier issues, most used first */
  columnNames(): Promise<string[]>;
  /** Read a `.weekly` file into the store; absent where the store cannot hold media. */
  importWeekly?(bytes: Uint8Array, fileName: string, onConflict?: 'error' | 'replace' | 'copy'): Promise<Issue>;
  /** One issue as the bytes of a `.weekly` file; absent where the store cannot hold media. */
  exportWeekly?(issueId: string): Promise<Uint8Array>;
  /** Images by content hash (`media:<sha256>`); absent where the store cannot hold media. */
  putMedia?(bytes: Uint8Array, mimeType: string): Promise<string>;
  getMedia?(ref: string): Promise<{ mimeType: string; bytes: Uint8Array }>;
  close(): Promise<void>;
}
