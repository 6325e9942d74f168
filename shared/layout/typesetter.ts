// Sets paragraphs into lines, remembering each result: the page-number fixed point and a
// re-export after a one-paragraph edit only pay for text that changed (issue #10).
import { buildAtoms, type AtomOptions, type StyledRun } from './atoms';
import { LruMap } from '../lruMap';
import { breakLines, type BreakOptions, type Line } from './lineBreaker';
import type { FontMetrics } from './types';

export type SetOptions = BreakOptions & AtomOptions;

interface Entry {
  lines: Line[];
  missing: string;
}

export interface TypesetterOptions {
  /** paragraphs whose lines are kept, least recently used dropped first */
  maxLineEntries?: number;
}

const MAX_ENTRIES = 20_000;
const MAX_MEMOS = 200;

export class Typesetter {
  /** paragraphs' lines, least recently used dropped first */
  private readonly cache: LruMap<string, Entry>;
  /** larger results (an article's pages), the same way: the articles an editor is not touching stay */
  private readonly memos = new LruMap<string, unknown>(MAX_MEMOS);
  private lineCaching = true;
  private broken = 0;

  constructor(
    readonly metrics: FontMetrics,
    options: TypesetterOptions = {},
  ) {
    this.cache = new LruMap(Math.max(1, options.maxLineEntries ?? MAX_ENTRIES));
  }

  /** Lines of one paragraph; `onMissing` hears about characters the wanted face lacks (also on a cache hit). */
  set(runs: StyledRun[], opts: SetOptions, onMissing?: (chars: string) => void): Line[] {
    const key = this.lineCaching ? cacheKey(runs, opts) : '';
    let entry = this.lineCaching ? this.cache.get(key) : undefined;
    if (!entry) {
      this.broken++;
      let missing = '';
      const atoms = buildAtoms(
        runs,
        this.metrics,
        (chars) => {
          missing += chars;
        },
        { ...opts, maxWidth: opts.width - Math.max(opts.firstIndent ?? 0, opts.restIndent ?? 0) },
      );
      entry = { lines: breakLines(atoms, opts), missing };
      if (this.lineCaching) this.cache.set(key, entry);
    }
    if (entry.missing && onMissing) onMissing(entry.missing);
    return entry.lines;
  }

  /** Width of a single-line string, points (no breaking, no justification). */
  width(text: string, font: StyledRun['font'], size: number): number {
    return (this.metrics.advance(text, font) * size) / 1000;
  }

  /**
   * Runs `work` without remembering its paragraphs: a one-shot export sets each article once and
   * remembers its pages whole (see memo), so keeping its lines too would only hold tens of MB of
   * atoms for nothing. (The app's engine keeps them: layoutIssue's keepArticleLines.)
   */
  withoutLineCache<T>(work: () => T): T {
    const before = this.lineCaching;
    this.lineCaching = false;
    try {
      return work();
    } finally {
      this.lineCaching = before;
    }
  }

  /** Remembers a larger result (an article's pages) under a key that names all its inputs. */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  get cacheSize(): number {
    return this.cache.size;
  }

  /** paragraphs set by breaking lines (not from the cache) since this typesetter was made */
  get paragraphsBroken(): number {
    return this.broken;
  }
}

function cacheKey(runs: StyledRun[], opts: SetOptions): string {
  let key = `${opts.width}|${opts.firstIndent ?? 0}|${opts.restIndent ?? 0}|${opts.align ?? 'justify'}|${opts.avoidLoneLastLine ? 1 : 0}|${opts.fullWidthPunctuation ? 1 : 0}`;
  for (const r of runs) {
    key += `\u0001${r.font}\u0002${r.size}\u0002${r.rise ?? 0}\u0002${r.color ?? ''}\u0002${r.link ?? ''}\u0002${r.underline ? 1 : 0}${r.noBreak ? 1 : 0}${r.italic ? 1 : 0}\u0002${r.text}`;
  }
  return key;
}
