// showPieces writes a set line as one text object. It reads each glyph from a per-font table instead
// of placing the glyphs of every piece anew; the operators must be exactly those of placing each
// glyph with placeGlyphs (supplementary-plane characters, dash runs, compressed marks, letter-spacing).
// bufferPageContent joins a page's operators into one chunk: the file must be byte for byte the same.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../../../shared/layout/types';
import { loadFontSet, placeGlyphs } from '../../../../electron/engine/fonts';
import { bufferPageContent } from '../../../../electron/engine/pdf/contentBuffer';
import { showPieces } from '../../../../electron/engine/pdf/textShow';

type Doc = InstanceType<typeof PDFDocument>;

interface FontInternals {
  id: string;
  font: import('fontkit').Font;
  scale: number;
  subset: { includeGlyph(gid: number): number };
  widths: number[];
  unicode: number[][];
}

const ITEMS: TextItem[] = [
  { kind: 'text', x: 56.7, y: 100, text: '国家医保局：“集采”扩围', font: 'serif', size: 10.5, charSpacing: 0.42 },
  {
    kind: 'text',
    x: 56.7,
    y: 120,
    text: '（DRG/DIP）——𠮷野家，完',
    font: 'serif',
    size: 10.5,
    charSpacing: 0,
    pieces: [
      { text: '（', dx: -5.25 },
      { text: 'DRG/DIP', dx: 5.25 },
      { text: '）', dx: 40.1 },
      { text: '——', dx: 45.35 },
      { text: '𠮷', dx: 66.35 },
      { text: '野家', dx: 76.85 },
      { text: '，', dx: 97.85 },
      { text: '完', dx: 102.2 },
    ],
  },
  { kind: 'text', x: 70, y: 140, text: '———', font: 'serif', size: 9, charSpacing: 0, italic: true },
  { kind: 'text', x: 70, y: 160, text: '再次出现的字：国家医保局', font: 'serif', size: 12, charSpacing: 0 },
];

function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

/** The text object as placing every glyph with placeGlyphs writes it (the drawing before the per-font table). */
function expectedOps(font: FontInternals, item: TextItem): string {
  const size = item.size;
  const toPoints = (font.scale * size) / 1000;
  const ops: string[] = [];
  let commands: string[] = [];
  let pen = 0;
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
  for (const piece of item.pieces ?? [{ text: item.text, dx: 0 }]) {
    for (const g of placeGlyphs(font.font, piece.text).glyphs) {
      const want = piece.dx + g.x * toPoints + count * item.charSpacing;
      const gap = want - pen;
      if (gap < -0.1 * size) backwards = true;
      if (Math.abs(gap) > 0.0005) {
        flushHex();
        commands.push(num((-gap * (1000 / size) * 100) / tz));
        pen = want;
      }
      const glyphTz = Math.round(g.stretch * 10000) / 100;
      if (glyphTz !== tz) {
        flushTj();
        ops.push(`${num(glyphTz)} Tz`);
        tz = glyphTz;
      }
      const gid = font.subset.includeGlyph(g.gid);
      if (font.widths[gid] == null) font.widths[gid] = g.advance * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = g.codePoints;
      hex += gid.toString(16).padStart(4, '0');
      pen += (g.advance * toPoints * tz) / 100;
      count++;
    }
  }
  flushTj();
  if (tz !== 100) ops.push('100 Tz');
  const utf16 = [...item.text].map((c) => c.split('').map((u) => u.charCodeAt(0).toString(16).padStart(4, '0')).join('')).join('').toUpperCase();
  return [
    ...(backwards ? [`/Span <</ActualText <FEFF${utf16}>>> BDC`] : []),
    'BT',
    `1 0 ${item.italic ? 0.21 : 0} -1 ${num(item.x)} ${num(item.y)} Tm`,
    `/${font.id} ${num(size)} Tf`,
    ...ops,
    'ET',
    ...(backwards ? ['EMC'] : []),
  ].join('\n');
}

/** A document whose page content is recorded operator by operator. */
function recordingDoc(): { pdf: Doc; written: string[]; font: () => FontInternals } {
  const pdf = new PDFDocument({ autoFirstPage: false, compress: false }) as Doc;
  pdf.registerFont('serif', loadFontSet().fonts.serif as never);
  pdf.addPage({ size: 'A4' });
  pdf.font('serif');
  const written: string[] = [];
  (pdf as unknown as { addContent(s: string): Doc }).addContent = (s: string) => {
    written.push(s);
    return pdf;
  };
  return { pdf, written, font: () => (pdf as unknown as { _font: FontInternals })._font };
}

describe('showPieces', () => {
  it('writes the operators of placing each glyph with placeGlyphs, and records the same subset', () => {
    const drawn = recordingDoc();
    for (const item of ITEMS) showPieces(drawn.pdf, item);
    const reference = recordingDoc();
    const expected = ITEMS.map((item) => expectedOps(reference.font(), item));
    expect(drawn.written).toEqual(expected);
    // the supplementary-plane character and the compressed mark are there, and the dash run stretched
    expect(expected[1]).toContain('ActualText');
    expect(expected[2]).toMatch(/ Tz\n/);
    const a = drawn.font();
    const b = reference.font();
    expect(a.widths).toEqual(b.widths);
    expect(a.unicode).toEqual(b.unicode);
    expect(a.unicode.some((cps) => cps[0] === 0x20bb7)).toBe(true);
  });
});

describe('bufferPageContent', () => {
  function render(buffered: boolean): Promise<Buffer> {
    const pdf = new PDFDocument({ autoFirstPage: false, compress: false, tagged: true, info: { CreationDate: new Date(0) } } as never) as Doc;
    if (buffered) bufferPageContent(pdf);
    pdf.registerFont('serif', loadFontSet().fonts.serif as never);
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<Buffer>((resolve) => pdf.on('end', () => resolve(Buffer.concat(chunks))));
    for (let page = 0; page < 3; page++) {
      pdf.addPage({ size: 'A4', margins: { top: 0, bottom: 0, left: 0, right: 0 } });
      pdf.markContent('Artifact');
      pdf.save().moveTo(50, 50).lineTo(300, 50).lineWidth(0.5).strokeColor('#9aa8b6').stroke().restore();
      pdf.endMarkedContent();
      // a marked-content sequence left open: pdfkit closes it when the page ends
      pdf.markContent('Span');
      for (const item of ITEMS) {
        pdf.font('serif').fontSize(item.size).fillColor(page === 1 ? '#1f4e79' : '#000000');
        showPieces(pdf, { ...item, y: item.y + page });
      }
    }
    pdf.end();
    return done;
  }

  it('writes the same file as pdfkit writing each operator on its own', async () => {
    const [plain, buffered] = await Promise.all([render(false), render(true)]);
    expect(buffered.length).toBeGreaterThan(10_000);
    expect(buffered.equals(plain)).toBe(true);
  });
});
