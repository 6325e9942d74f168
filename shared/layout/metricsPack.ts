// Font metrics as plain data: what the engine's fontkit faces answer (electron/engine/fonts), packed
// into JSON-friendly numbers so the layout can run where there is no fontkit and no font file (the
// renderer's worker). metricsFromPack gives exactly the numbers createMetrics gives, so page numbers
// laid out over a pack are the PDF's.
import type { FontKey, FontMetrics } from './types';

export interface FacePack {
  unitsPerEm: number;
  /** font units, as fontkit gives them (descent negative) */
  ascent: number;
  descent: number;
  /** advance (font units) of a character the face lacks: what charAdvance gives then (geta 〓 glyph, else .notdef) */
  missingAdvance: number;
  /** the face has U+2E3A, so a run of ≥2 em dashes measures length × unitsPerEm (textAdvance's rule) */
  twoEmDash: boolean;
  /**
   * The code points the face maps (cmap glyph ≠ 0) with their advances, as flattened runs
   * [gap, count, advance, gap, count, advance, …]: a run is `count` consecutive code points of one
   * advance (font units); gap = its start − the previous run's end (exclusive), the first's: its start.
   */
  runs: number[];
}

export interface MetricsPack {
  version: 1;
  /** distinct faces (keys that share a file share one entry) */
  faces: FacePack[];
  /** FontKey → index into faces, or null when the machine lacks that face */
  keys: Record<FontKey, number | null>;
}

export const FONT_KEYS: readonly FontKey[] = ['serif', 'serifBold', 'sans', 'sansBold', 'extra'];

/** Faces to try, in order, when the wanted one lacks a glyph (those the machine has). */
export const FALLBACKS: Readonly<Record<FontKey, readonly FontKey[]>> = {
  serif: ['sans', 'extra'],
  serifBold: ['sansBold', 'serif', 'sans', 'extra'],
  sans: ['serif', 'extra'],
  sansBold: ['sans', 'serifBold', 'serif', 'extra'],
  extra: [],
};

const EM_DASH = 0x2014;

/** One face decoded for lookups: the layout asks for single BMP characters millions of times. */
interface FaceTables {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  missingAdvance: number;
  twoEmDash: boolean;
  /** BMP advances in font units (missingAdvance where unmapped) */
  units: Uint16Array;
  /** units × 1000 / unitsPerEm, computed as createMetrics does */
  scaled: Float64Array;
  /** 1 where the face maps the BMP code point */
  mapped: Uint8Array;
  /** astral code points the face maps → advance, font units */
  astral: Map<number, number>;
}

function decodeFace(face: FacePack): FaceTables {
  const { unitsPerEm, missingAdvance, runs } = face;
  if (runs.length % 3 !== 0) throw new Error('metrics pack: runs must be triples [gap, count, advance]');
  const units = new Uint16Array(0x10000).fill(missingAdvance);
  const mapped = new Uint8Array(0x10000);
  const astral = new Map<number, number>();
  let cp = 0;
  for (let i = 0; i < runs.length; i += 3) {
    cp += runs[i];
    const end = cp + runs[i + 1];
    const advance = runs[i + 2];
    if (!(end <= 0x110000)) throw new Error('metrics pack: a run goes past U+10FFFF');
    const bmpEnd = Math.min(end, 0x10000);
    if (cp < bmpEnd) {
      units.fill(advance, cp, bmpEnd);
      mapped.fill(1, cp, bmpEnd);
    }
    for (let c = Math.max(cp, 0x10000); c < end; c++) astral.set(c, advance);
    cp = end;
  }
  const scaled = new Float64Array(0x10000);
  for (let c = 0; c < 0x10000; c++) scaled[c] = (units[c] * 1000) / unitsPerEm;
  return { unitsPerEm, ascent: face.ascent, descent: face.descent, missingAdvance, twoEmDash: face.twoEmDash, units, scaled, mapped, astral };
}

/** `——`, `————`: a run of em dashes, set as two-em dashes where the face has them (textAdvance, the PDF's drawing). */
export function isDashRun(text: string): boolean {
  // (the first character first: the drawing asks this of every piece of every line)
  if (text.length < 2 || text.charCodeAt(0) !== EM_DASH) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== EM_DASH) return false;
  return true;
}

/** textAdvance over a decoded face: integer font units summed per code point, as `for…of` walks them. */
function textUnits(t: FaceTables, text: string): number {
  if (t.twoEmDash && isDashRun(text)) return text.length * t.unitsPerEm;
  let sum = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        sum += t.astral.get(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000) ?? t.missingAdvance;
        continue;
      }
    }
    sum += t.units[c];
  }
  return sum;
}

/** FontMetrics over a pack: the same numbers as the engine's createMetrics over the faces it was made from. */
export function metricsFromPack(pack: MetricsPack): FontMetrics {
  const decoded = pack.faces.map((face) => decodeFace(face));
  const own = {} as Record<FontKey, FaceTables | null>;
  for (const key of FONT_KEYS) {
    const index = pack.keys[key];
    if (index === null || index === undefined) own[key] = null;
    else {
      const t = decoded[index];
      if (!t) throw new Error(`metrics pack: face ${index} of ${key} is not in the pack`);
      own[key] = t;
    }
  }
  // a face the machine lacks is measured in the serif, as the PDF draws it
  const present = {} as Record<FontKey, FaceTables | null>;
  for (const key of FONT_KEYS) present[key] = own[key] ?? own.serif;
  const measured = (key: FontKey): FaceTables => {
    const t = present[key];
    if (!t) throw new Error(`font ${key} is not loaded`);
    return t;
  };
  const fallbacks = {} as Record<FontKey, FontKey[]>;
  for (const key of FONT_KEYS) fallbacks[key] = FALLBACKS[key].filter((k) => own[k] !== null);

  return {
    advance(text, key) {
      const t = present[key] ?? measured(key);
      if (text.length === 1) return t.scaled[text.charCodeAt(0)];
      return (textUnits(t, text) * 1000) / t.unitsPerEm;
    },
    hasGlyph(key, cp) {
      const t = own[key];
      if (!t) return false;
      return cp < 0x10000 ? t.mapped[cp] === 1 : t.astral.has(cp);
    },
    ascent(key) {
      const t = measured(key);
      return (t.ascent * 1000) / t.unitsPerEm;
    },
    descent(key) {
      const t = measured(key);
      return (-t.descent * 1000) / t.unitsPerEm;
    },
    fallbacks(key) {
      return fallbacks[key].slice();
    },
  };
}
