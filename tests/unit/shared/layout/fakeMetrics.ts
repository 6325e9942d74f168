// Deterministic metrics for layout tests: every CJK character and mark is one em, Latin half an
// em, a space a quarter. `lacks` lists characters no face but `extra` has.
import { isCjk } from '../../../../shared/layout/charClasses';
import type { FontKey, FontMetrics } from '../../../../shared/layout/types';

export function fakeMetrics(lacks: string[] = ['\u{1F600}'], extra = true): FontMetrics {
  const missing = new Set(lacks.map((c) => c.codePointAt(0)));
  return {
    advance(text: string): number {
      let w = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        w += ch === ' ' ? 250 : isCjk(cp) || missing.has(cp) ? 1000 : 500;
      }
      return w;
    },
    hasGlyph(font: FontKey, cp: number): boolean {
      if (font === 'extra') return extra;
      return !missing.has(cp);
    },
    ascent: () => 880,
    descent: () => 120,
    fallbacks: (font: FontKey): FontKey[] => (font === 'serif' ? ['sans', 'extra'] : ['extra']),
  };
}
