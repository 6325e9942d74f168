// Sets paragraphs into lines, remembering each result: the page-number fixed point and a
// re-export after a one-paragraph edit only pay for text that changed (issue #10).
import { buildAtoms, type StyledRun } from './atoms';
import { breakLines, type BreakOptions, type Line } from './lineBreaker';
import type { FontMetrics } from './types';

interface Entry {
  lines: Line[];
  missing: string;
}

const MAX_ENTRIES = 20_000;

export class Typesetter {
  private readonly cache = new Map<string, Entry>();

  constructor(readonly metrics: FontMetrics) {}

  /** Lines of one paragraph; `onMissing` hears about characters the wanted face lacks (also on a cache hit). */
  set(runs: StyledRun[], opts: BreakOptions, onMissing?: (chars: string) => void): Line[] {
    const key = cacheKey(runs, opts);
    let entry = this.cache.get(key);
    if (!entry) {
      let missing = '';
      const atoms = buildAtoms(runs, this.metrics, (chars) => {
        missing += chars;
      });
      entry = { lines: breakLines(atoms, opts), missing };
      if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, entry);
    }
    if (entry.missing && onMissing) onMissing(entry.missing);
    return entry.lines;
  }

  /** Width of a single-line string, points (no breaking, no justification). */
  width(text: string, font: StyledRun['font'], size: number): number {
    return (this.metrics.advance(text, font) * size) / 1000;
  }

  get cacheSize(): number {
    return this.cache.size;
  }
}

function cacheKey(runs: StyledRun[], opts: BreakOptions): string {
  let key = `${opts.width}|${opts.firstIndent ?? 0}|${opts.restIndent ?? 0}|${opts.align ?? 'justify'}|${opts.avoidLoneLastLine ? 1 : 0}`;
  for (const r of runs) {
    key += `\u0001${r.font}\u0002${r.size}\u0002${r.rise ?? 0}\u0002${r.color ?? ''}\u0002${r.link ?? ''}\u0002${r.underline ? 1 : 0}${r.noBreak ? 1 : 0}\u0002${r.text}`;
  }
  return key;
}
