// The faces' metrics as a pack (shared/layout/metricsPack.ts): every code point each face maps, with
// its advance, so the layout can run without fontkit (the renderer's worker) and give the numbers
// createMetrics gives here. Read straight from the cmap and hmtx tables, as glyphAdvance.ts measures.
import type * as fontkit from 'fontkit';
import { FONT_KEYS, type FacePack, type MetricsPack } from '../../../shared/layout/metricsPack';
import type { FontKey } from '../../../shared/layout/types';
import { loadFontSet, type FontSet } from './fontSet';
import { cmapGlyph, GETA, hmtxAdvance, TWO_EM_DASH } from './glyphAdvance';

/** One face's pack: its vertical metrics and the runs of mapped code points that share an advance. */
export function packFace(font: fontkit.Font): FacePack {
  const lookup = (cp: number): number => cmapGlyph(font, cp);
  const runs: number[] = [];
  let runStart = -1;
  let runEnd = 0; // exclusive
  let runAdvance = -1;
  let lastEnd = 0;
  const flush = (): void => {
    if (runStart < 0) return;
    runs.push(runStart - lastEnd, runEnd - runStart, runAdvance);
    lastEnd = runEnd;
  };
  const add = (cp: number): void => {
    const gid = lookup(cp);
    if (gid === 0) return;
    const advance = hmtxAdvance(font, gid);
    if (cp === runEnd && advance === runAdvance && runStart >= 0) {
      runEnd++;
      return;
    }
    flush();
    runStart = cp;
    runEnd = cp + 1;
    runAdvance = advance;
  };
  // Every BMP code point is asked (the cmap answers, whatever its format); astral ones the face lists.
  for (let cp = 0; cp < 0x10000; cp++) add(cp);
  const listed = (font as unknown as { characterSet: number[] }).characterSet;
  const astral = [...new Set(listed.filter((cp) => cp >= 0x10000 && cp <= 0x10ffff))].sort((a, b) => a - b);
  for (const cp of astral) add(cp);
  flush();
  return {
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    missingAdvance: hmtxAdvance(font, lookup(GETA)),
    twoEmDash: lookup(TWO_EM_DASH) !== 0,
    runs,
  };
}

/** The pack of a font set: one face per distinct file, null for a face the machine lacks. */
export function buildMetricsPack(set: FontSet): MetricsPack {
  const faces: FacePack[] = [];
  const byFile = new Map<string, number>();
  const keys = {} as Record<FontKey, number | null>;
  for (const key of FONT_KEYS) {
    const file = set.files[key];
    const font = file ? set.fonts[key] : null;
    if (!file || !font) {
      keys[key] = null;
      continue;
    }
    let index = byFile.get(file);
    if (index === undefined) {
      index = faces.push(packFace(font)) - 1;
      byFile.set(file, index);
    }
    keys[key] = index;
  }
  return { version: 1, faces, keys };
}

let made: MetricsPack | null = null;

/** This process's pack, made on first call (it parses every face) and kept. */
export function metricsPack(): MetricsPack {
  if (!made) made = buildMetricsPack(loadFontSet());
  return made;
}
