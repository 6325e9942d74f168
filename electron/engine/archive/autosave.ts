// Debounced autosave of the article being edited: a save runs once the editor pauses for
// `delayMs`, and never later than `maxDelayMs` after the first unsaved change, so a crash loses at
// most that much typing (the issue asks for ≤ 2 s).
import type { Article } from '../../../shared/model/issue';

export interface AutosaveClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: AutosaveClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export type SaveArticle = (issueId: string, columnId: string, article: Article) => void;

export interface AutosaveOptions {
  /** quiet time before saving; default 800 ms */
  delayMs?: number;
  /** longest an edit waits while the editor keeps typing; default 2000 ms */
  maxDelayMs?: number;
  clock?: AutosaveClock;
  /** a failed save (e.g. disk full); the edit stays pending and is retried on the next change or flush */
  onError?: (error: unknown, articleId: string) => void;
}

interface Pending {
  issueId: string;
  columnId: string;
  article: Article;
  firstChange: number;
  timer: unknown;
}

export class ArticleAutosaver {
  private readonly pending = new Map<string, Pending>();
  private readonly delayMs: number;
  private readonly maxDelayMs: number;
  private readonly clock: AutosaveClock;

  constructor(
    private readonly save: SaveArticle,
    private readonly options: AutosaveOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 800;
    this.maxDelayMs = Math.max(options.maxDelayMs ?? 2000, this.delayMs);
    this.clock = options.clock ?? realClock;
  }

  /** Records the article's latest state; it is saved after the pause (or the maximum delay). */
  schedule(issueId: string, columnId: string, article: Article): void {
    const key = `${issueId}\u0000${article.id}`;
    const now = this.clock.now();
    const previous = this.pending.get(key);
    if (previous) this.clock.clearTimeout(previous.timer);
    const firstChange = previous?.firstChange ?? now;
    const due = Math.min(now + this.delayMs, firstChange + this.maxDelayMs);
    const entry: Pending = { issueId, columnId, article, firstChange, timer: null };
    entry.timer = this.clock.setTimeout(() => this.saveNow(key), Math.max(0, due - now));
    this.pending.set(key, entry);
  }

  /** Saves everything pending now (before closing the issue, exporting, or quitting). */
  flush(): void {
    for (const key of [...this.pending.keys()]) this.saveNow(key);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private saveNow(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.clock.clearTimeout(entry.timer);
    this.pending.delete(key);
    try {
      this.save(entry.issueId, entry.columnId, entry.article);
    } catch (e) {
      // Keep the edit so it is not lost; the next change or flush tries again.
      if (!this.pending.has(key)) this.pending.set(key, { ...entry, timer: null });
      this.options.onError?.(e, entry.article.id);
    }
  }
}
