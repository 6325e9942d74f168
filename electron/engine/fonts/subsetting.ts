// Faster TrueType subsetting for pdfkit's embedded fonts (see speedUpSubsetting).
import type * as fontkit from 'fontkit';

interface HorizontalMetric {
  advance: number;
  bearing: number;
}

interface SubsetInternals {
  font: {
    getGlyph(id: number): { _decode(): { components?: Array<{ glyphID: number; pos: number }> } | null };
    loca: { offsets: number[] };
    hmtx: { metrics: { length: number; get(i: number): HorizontalMetric | undefined }; bearings: { get(i: number): number | undefined } };
    _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
    _variationProcessor?: unknown;
  };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

const patched = new WeakSet<object>();

/**
 * A glyph's advance and left side bearing from the hmtx table, as fontkit's Glyph._getTableMetrics reads
 * them (glyphs past the last long metric share its advance), without making a Glyph object and its
 * vertical metrics (which read the outline's bounding box).
 */
function horizontalMetric(hmtx: SubsetInternals['font']['hmtx'], gid: number): HorizontalMetric {
  const n = hmtx.metrics.length;
  if (gid < n) {
    const m = hmtx.metrics.get(gid);
    return { advance: m?.advance ?? 0, bearing: m?.bearing ?? 0 };
  }
  return { advance: hmtx.metrics.get(n - 1)?.advance ?? 0, bearing: hmtx.bearings.get(gid - n) || 0 };
}

/**
 * fontkit's TrueType subsetter decodes every glyph's whole outline just to learn whether it is a
 * composite, and makes a Glyph object for its metrics; a CJK subset has thousands of simple glyphs, so
 * reading the contour count from the glyph header and the metrics from hmtx saves most of the
 * subsetting time. Same result as fontkit's _addGlyph.
 */
export function speedUpSubsetting(font: fontkit.Font): void {
  const subset = (font as unknown as { createSubset(): SubsetInternals }).createSubset();
  const proto = Object.getPrototypeOf(subset) as SubsetInternals;
  if (patched.has(proto) || typeof proto._addGlyph !== 'function') return;
  const original = proto._addGlyph;
  proto._addGlyph = function (this: SubsetInternals, gid: number): number {
    if (this.font._variationProcessor) return original.call(this, gid);
    const curOffset = this.font.loca.offsets[gid];
    const nextOffset = this.font.loca.offsets[gid + 1];
    const stream = this.font._getTableStream('glyf');
    stream.pos += curOffset;
    let buffer = stream.readBuffer(nextOffset - curOffset);
    const contours = buffer.length >= 2 ? (((buffer[0] << 8) | buffer[1]) << 16) >> 16 : 0;
    if (contours < 0) {
      const glyf = this.font.getGlyph(gid)._decode();
      buffer = new Uint8Array(buffer);
      const view = new DataView(buffer.buffer);
      for (const component of glyf?.components ?? []) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
    }
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push(horizontalMetric(this.font.hmtx, gid));
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
  patched.add(proto);
}

interface LocaInternals {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  head: { indexToLocFormat: number };
  stream: { buffer: Uint8Array };
  _tables: Record<string, unknown>;
}

/**
 * Decodes the face's loca table (where each glyph's outline starts) straight from its bytes into the
 * table fontkit would decode. pdfkit reads glyph 0 when it embeds a face, and the subsetter reads every
 * glyph's place; fontkit's generic decoder makes one call per entry, some 65,000 for a CJK face, each
 * time a face is first embedded. Same table (version, offsets doubled for the short format).
 */
export function decodeLoca(font: fontkit.Font): void {
  const f = font as unknown as LocaInternals;
  const table = f.directory.tables.loca;
  if (!table || 'loca' in f._tables) return;
  const version = f.head.indexToLocFormat;
  const bytes = f.stream.buffer;
  const view = new DataView(bytes.buffer, bytes.byteOffset + table.offset, table.length);
  const size = version === 0 ? 2 : 4;
  const offsets = new Array<number>(Math.floor(table.length / size));
  if (version === 0) for (let i = 0; i < offsets.length; i++) offsets[i] = view.getUint16(2 * i) * 2;
  else for (let i = 0; i < offsets.length; i++) offsets[i] = view.getUint32(4 * i);
  f._tables.loca = version === 0 ? { version, offsets, _processed: true } : { version, offsets };
}
