// Shows a set text item as one PDF text object: each piece at its exact position through TJ
// offsets. pdfkit's text() can only add uniform character spacing, which cannot express
// compressed punctuation; drawing pieces as separate text() calls makes overlapping glyph boxes
// that text extraction reads as broken lines. Glyphs come from the face's cmap (no shaping, see
// fonts/glyphAdvance.ts) and are recorded in pdfkit's font (subset, widths, ToUnicode) exactly as
// pdfkit's own encoder does; the operators are written here.
import type * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';
import type { TextItem } from '../../../shared/layout/types';
import { charAdvance, glyphId, isDashRun, placeGlyphs } from '../fonts/glyphAdvance';

type Doc = InstanceType<typeof PDFDocument>;

/** The parts of pdfkit's EmbeddedFont this module uses. */
interface EmbeddedFontInternals {
  id: string;
  font: fontkit.Font;
  /** 1000 / unitsPerEm */
  scale: number;
  subset: { includeGlyph(gid: number): number };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

interface DocInternals {
  _font: EmbeddedFontInternals;
  page: { fonts: Record<string, unknown> };
  addContent(op: string): void;
}

/** tan 12°: the slant of a synthesized italic */
const SLANT = 0.21;

function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out.toUpperCase();
}

/** A character's glyph as this document's subset numbers it: its hex code in the text and its advance (font units). */
interface ShownGlyph {
  hex: string;
  advance: number;
}

/**
 * Glyphs already shown with each embedded font, by code point. A subset glyph id belongs to one
 * document's font, so the table lives as long as that font; a character's first showing records its
 * glyph in the subset, widths and ToUnicode, every later one only reads the table.
 */
const shownGlyphs = new WeakMap<EmbeddedFontInternals, Map<number, ShownGlyph>>();

function subsetGlyph(font: EmbeddedFontInternals, gid: number, advance: number, codePoints: number[]): string {
  const sub = font.subset.includeGlyph(gid);
  if (font.widths[sub] == null) font.widths[sub] = advance * font.scale;
  if (font.unicode[sub] == null) font.unicode[sub] = codePoints;
  return sub.toString(16).padStart(4, '0');
}

function shownGlyph(font: EmbeddedFontInternals, table: Map<number, ShownGlyph>, cp: number): ShownGlyph {
  let shown = table.get(cp);
  if (!shown) {
    const advance = charAdvance(font.font, cp);
    shown = { hex: subsetGlyph(font, glyphId(font.font, cp), advance, [cp]), advance };
    table.set(cp, shown);
  }
  return shown;
}

/** Draws `item` in the current font, size and fill color of `doc`. */
export function showPieces(doc: Doc, item: TextItem): void {
  const d = doc as unknown as DocInternals;
  const font = d._font;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  let table = shownGlyphs.get(font);
  if (!table) shownGlyphs.set(font, (table = new Map()));
  const size = item.size;
  const toPoints = (font.scale * size) / 1000;
  const toUnits = 1000 / size;
  const pieces = item.pieces ?? [{ text: item.text, dx: 0 }];
  const ops: string[] = [];
  let commands: string[] = [];
  let pen = 0; // where the PDF's text position is, points from item.x
  let hex = '';
  let backwards = false;
  let count = 0;
  let tz = 100;
  const flushHex = (): void => {
    if (hex) commands.push(`<${hex}>`);
    hex = '';
  };
  const flushTj = (): void => {
    flushHex();
    if (commands.length > 0) ops.push(`[${commands.join(' ')}] TJ`);
    commands = [];
  };
  /** one glyph whose origin is `x` font units from its piece's start */
  const show = (dx: number, x: number, glyphHex: string, advance: number, stretch: number): void => {
    const want = dx + x * toPoints + count * item.charSpacing;
    const gap = want - pen;
    if (gap < -0.1 * size) backwards = true;
    if (Math.abs(gap) > 0.0005) {
      flushHex();
      // TJ offsets are scaled by Tz too
      commands.push(num((-gap * toUnits * 100) / tz));
      pen = want;
    }
    const glyphTz = stretch === 1 ? 100 : Math.round(stretch * 10000) / 100;
    if (glyphTz !== tz) {
      flushTj();
      ops.push(`${num(glyphTz)} Tz`);
      tz = glyphTz;
    }
    hex += glyphHex;
    pen += (advance * toPoints * tz) / 100;
    count++;
  };
  for (const piece of pieces) {
    const text = piece.text;
    if (isDashRun(text)) {
      // dashes set on the em grid (stretched glyphs): placeGlyphs knows how
      for (const g of placeGlyphs(font.font, text).glyphs) show(piece.dx, g.x, subsetGlyph(font, g.gid, g.advance, g.codePoints), g.advance, g.stretch);
      continue;
    }
    // the same glyphs and places as placeGlyphs, without making them: x sums the advances in font units
    let x = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          cp = (cp - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
          i++;
        }
      }
      const g = shownGlyph(font, table, cp);
      show(piece.dx, x, g.hex, g.advance, 1);
      x += g.advance;
    }
  }
  flushTj();
  if (tz !== 100) ops.push('100 Tz');
  // Glyphs pulled back over a compressed mark's blank half overlap in the font's own widths;
  // ActualText tells text extraction (and copy-paste) what the line says.
  const all = [
    ...(backwards ? [`/Span <</ActualText <FEFF${utf16Hex(item.text)}>>> BDC`] : []),
    'BT',
    // pdfkit's page space is flipped (y down); a flipped text matrix sets glyphs upright again
    `1 0 ${item.italic ? SLANT : 0} -1 ${num(item.x)} ${num(item.y)} Tm`,
    `/${font.id} ${num(size)} Tf`,
    ...ops,
    'ET',
    ...(backwards ? ['EMC'] : []),
  ];
  d.addContent(all.join('\n'));
}
