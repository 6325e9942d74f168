// Advances straight from a face's cmap and hmtx tables. fontkit's Glyph.advanceWidth decodes the
// outline first (for vertical metrics), and shaping runs the whole OpenType engine; a cold export
// measures a few thousand distinct characters, so both would add up to most of its time.
//
// The one shaping result CJK text needs is the dash: Noto's U+2014 is a proportional Western
// em dash (0.89 em), and its `——` ligature is the TWO-EM DASH glyph (U+2E3A, 1.7 em). A Chinese
// 破折号 takes two full ems and reads as one unbroken rule, so a run of dashes is set as U+2E3A
// glyphs stretched horizontally to two ems each.
import type * as fontkit from 'fontkit';
import { isDashRun } from '../../../shared/layout/metricsPack';

interface HorizontalMetrics {
  metrics: { length: number; get(i: number): { advance: number } | undefined };
}

const cache = new WeakMap<fontkit.Font, Map<number, number>>();
const gidCache = new WeakMap<fontkit.Font, Map<number, number>>();
const placedCache = new WeakMap<fontkit.Font, Map<string, { glyphs: PlacedGlyph[]; advance: number }>>();
const MAX_PLACED = 50_000;

/** 〓 (geta mark): the typesetter's stand-in for a character no face has. */
export const GETA = 0x3013;

/**
 * Glyph id of `cp` from the cmap, remembered per face. A character the face lacks gets the geta
 * mark rather than .notdef (which PDF/A forbids); ToUnicode still maps it to the character, and
 * the layout has reported it.
 */
export function glyphId(font: fontkit.Font, cp: number): number {
  let m = gidCache.get(font);
  if (!m) gidCache.set(font, (m = new Map()));
  let id = m.get(cp);
  if (id === undefined) {
    id = cmapGlyph(font, cp);
    if (id === 0 && cp !== GETA) id = cmapGlyph(font, GETA);
    m.set(cp, id);
  }
  return id;
}

interface CmapInternals {
  _cmapProcessor?: { lookup(cp: number): number };
}

/** The cmap's glyph id for `cp` (0 when the face lacks it): glyphForCodePoint's id without making the Glyph. */
export function cmapGlyph(font: fontkit.Font, cp: number): number {
  const cmap = (font as unknown as CmapInternals)._cmapProcessor;
  return cmap ? cmap.lookup(cp) || 0 : font.glyphForCodePoint(cp).id;
}

interface HmtxBytes {
  view: DataView;
  /** long metrics (advance, bearing); glyphs past them share the last advance */
  count: number;
}

const hmtxBytes = new WeakMap<fontkit.Font, HmtxBytes | null>();

/** The face's hmtx table as bytes, or null where fontkit must read it (no such table). */
function hmtxOf(font: fontkit.Font): HmtxBytes | null {
  let bytes = hmtxBytes.get(font);
  if (bytes === undefined) {
    const f = font as unknown as { directory: { tables: Record<string, { offset: number; length: number } | undefined> }; hhea: { numberOfMetrics: number }; stream: { buffer: Uint8Array } };
    const table = f.directory.tables.hmtx;
    const count = f.hhea.numberOfMetrics;
    bytes = table && count > 0 && table.length >= 4 * count ? { view: new DataView(f.stream.buffer.buffer, f.stream.buffer.byteOffset + table.offset, table.length), count } : null;
    hmtxBytes.set(font, bytes);
  }
  return bytes;
}

const EM_DASH = 0x2014;
export const TWO_EM_DASH = 0x2e3a;

/** Advance of the glyph with id `gid`, in font units. */
export function hmtxAdvance(font: fontkit.Font, gid: number): number {
  const bytes = hmtxOf(font);
  if (bytes) return bytes.view.getUint16(4 * (gid < bytes.count ? gid : bytes.count - 1));
  const hmtx = (font as unknown as { hmtx: HorizontalMetrics }).hmtx;
  const n = hmtx.metrics.length;
  return hmtx.metrics.get(gid < n ? gid : n - 1)?.advance ?? 0;
}

/** Advance of the character `cp` (its cmap glyph), in font units. */
export function charAdvance(font: fontkit.Font, cp: number): number {
  let m = cache.get(font);
  if (!m) cache.set(font, (m = new Map()));
  let w = m.get(cp);
  if (w === undefined) {
    w = hmtxAdvance(font, glyphId(font, cp));
    m.set(cp, w);
  }
  return w;
}

// `——`, `————`: a run of em dashes set on the em grid (one test for the engine and the renderer's metrics)
export { isDashRun };

export interface PlacedGlyph {
  gid: number;
  /** the glyph's own advance, font units (what the PDF's width array says) */
  advance: number;
  /** origin from the start of the text, font units */
  x: number;
  codePoints: number[];
  /** horizontal stretch of the glyph (1 = as designed) */
  stretch: number;
}

/** Glyphs of `text` with their places, and the total advance, in font units (shared result: do not modify). */
export function placeGlyphs(font: fontkit.Font, text: string): { glyphs: PlacedGlyph[]; advance: number } {
  let m = placedCache.get(font);
  if (!m) placedCache.set(font, (m = new Map()));
  let placed = m.get(text);
  if (!placed) {
    placed = computePlaceGlyphs(font, text);
    // remember pieces (characters, words), not whole letter-spaced runs of a page
    if (text.length <= 24 && m.size < MAX_PLACED) m.set(text, placed);
  }
  return placed;
}

function computePlaceGlyphs(font: fontkit.Font, text: string): { glyphs: PlacedGlyph[]; advance: number } {
  const glyphs: PlacedGlyph[] = [];
  let x = 0;
  if (isDashRun(text) && font.hasGlyphForCodePoint(TWO_EM_DASH)) {
    const em = font.unitsPerEm;
    const gid = glyphId(font, TWO_EM_DASH);
    const adv = hmtxAdvance(font, gid);
    for (let k = 0; k + 1 < text.length; k += 2, x += 2 * em) glyphs.push({ gid, advance: adv, x, codePoints: [EM_DASH, EM_DASH], stretch: (2 * em) / adv });
    if (text.length % 2 === 1) {
      const gid1 = glyphId(font, EM_DASH);
      const a = hmtxAdvance(font, gid1);
      glyphs.push({ gid: gid1, advance: a, x, codePoints: [EM_DASH], stretch: em / a });
      x += em;
    }
    return { glyphs, advance: x };
  }
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const gid = glyphId(font, cp);
    const adv = charAdvance(font, cp);
    glyphs.push({ gid, advance: adv, x, codePoints: [cp], stretch: 1 });
    x += adv;
  }
  return { glyphs, advance: x };
}

/** Advance of `text` as placeGlyphs sets it, font units. */
export function textAdvance(font: fontkit.Font, text: string): number {
  if (isDashRun(text) && font.hasGlyphForCodePoint(TWO_EM_DASH)) return text.length * font.unitsPerEm;
  let units = 0;
  for (const ch of text) units += charAdvance(font, ch.codePointAt(0) ?? 0);
  return units;
}
