// Shows a set text item as one PDF text object: each piece at its exact position through TJ
// offsets. pdfkit's text() can only add uniform character spacing, which cannot express
// compressed punctuation; drawing pieces as separate text() calls makes overlapping glyph boxes
// that text extraction reads as broken lines. This uses pdfkit's font encoder (which also
// collects the glyphs for the subset) and writes the operators itself.
import type PDFDocument from 'pdfkit';
import type { TextItem } from '../../../shared/layout/types';

type Doc = InstanceType<typeof PDFDocument>;

interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
}

interface EmbeddedFontInternals {
  id: string;
  ref(): unknown;
  encode(text: string): [string[], GlyphPosition[]];
}

interface DocInternals {
  _font: EmbeddedFontInternals;
  page: { fonts: Record<string, unknown> };
  addContent(op: string): void;
}

function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out.toUpperCase();
}

/** Draws `item` in the current font, size and fill color of `doc`. */
export function showPieces(doc: Doc, item: TextItem): void {
  const d = doc as unknown as DocInternals;
  const font = d._font;
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  const size = item.size;
  const pieces = item.pieces ?? [{ text: item.text, dx: 0 }];
  const toUnits = 1000 / size;
  const commands: string[] = [];
  let pen = 0; // where the PDF's text position is, points from item.x
  let hex = '';
  let backwards = false;
  const flushHex = (): void => {
    if (hex) commands.push(`<${hex}>`);
    hex = '';
  };
  for (const piece of pieces) {
    const [glyphs, positions] = font.encode(piece.text);
    let want = piece.dx;
    for (let i = 0; i < glyphs.length; i++) {
      const gap = want - pen;
      if (gap < -0.1 * size) backwards = true;
      if (Math.abs(gap) > 0.0005) {
        flushHex();
        commands.push(num(-gap * toUnits));
        pen = want;
      }
      hex += glyphs[i];
      pen += (positions[i].advanceWidth * size) / 1000;
      want += (positions[i].xAdvance * size) / 1000 + item.charSpacing;
    }
  }
  flushHex();
  // Glyphs pulled back over a compressed mark's blank half overlap in the font's own widths;
  // ActualText tells text extraction (and copy-paste) what the line says.
  const ops = [
    ...(backwards ? [`/Span <</ActualText <FEFF${utf16Hex(item.text)}>>> BDC`] : []),
    'BT',
    // pdfkit's page space is flipped (y down); a flipped text matrix sets glyphs upright again
    `1 0 0 -1 ${num(item.x)} ${num(item.y)} Tm`,
    `/${font.id} ${num(size)} Tf`,
    `[${commands.join(' ')}] TJ`,
    'ET',
    ...(backwards ? ['EMC'] : []),
  ];
  d.addContent(ops.join('\n'));
}
