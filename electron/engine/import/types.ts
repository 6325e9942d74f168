// Shapes shared by the importers.
import type { SerializedEditorStateJson } from '../../../shared/content/lexicalJson';

export interface ImportedClipping {
  title: string;
  source: string;
  author: string | null;
  url: string | null;
  content: SerializedEditorStateJson;
  warnings: string[];
}

export interface FetchLimits {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface ImportOptions {
  /** the page's address, for resolving relative links and images (set automatically by importUrl) */
  url?: string;
  /** shown in messages and used as a last-resort title */
  fileName?: string;
  /** limits for importUrl */
  fetch?: FetchLimits;
  /** importUrl: leave remote images as addresses instead of downloading them inline */
  keepRemoteImages?: boolean;
}
