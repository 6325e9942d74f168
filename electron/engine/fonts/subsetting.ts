// Faster TrueType subsetting for pdfkit's embedded fonts (see speedUpSubsetting).
import type * as fontkit from 'fontkit';

interface HorizontalMetric {
  advance: number;
  bearing: number;
}

interface SubsetInternals {
  font: {
    getGlyph(id: number): { _decode(): { components?: Array<{ glyphID: number; pos: number }> } | null };
    hmtx: { metrics: { length: number; get(i: number): HorizontalMetric | undefined }; bearings: { get(i: number): number | undefined } };
    _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
    _variationProcessor?: unknown;
    loca: { offsets: number[]; version: number };
    createSubset(): SubsetInternals;
  };
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: Array<{ advance: number; bearing: number }>; bearings: number[] };
  offset: number;
  glyphs: number[];
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
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
  const originalEncode = proto.encode;
  proto.encode = function (this: SubsetInternals): Uint8Array {
    if (this.font._variationProcessor) return originalEncode.call(this);
    return encodeSubset(this, originalEncode);
  };
  patched.add(proto);
}

/** The tables fontkit writes into a subset, in its order (a face lacking one leaves it out). */
const SUBSET_TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'] as const;

/**
 * A face's tables that do not depend on the glyphs in a subset (head, cvt, prep, fpgm) or only by a
 * count (hhea, maxp), as fontkit encodes them: taken once from fontkit's own subset of glyph 0.
 */
const fixedTables = new WeakMap<object, Map<string, Uint8Array>>();

function tablesOf(font: SubsetInternals['font'], encode: () => Uint8Array): Map<string, Uint8Array> {
  let tables = fixedTables.get(font);
  if (tables) return tables;
  tables = new Map();
  const bytes = encode.call(font.createSubset());
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint16(4);
  for (let k = 0; k < count; k++) {
    const entry = 12 + 16 * k;
    const tag = String.fromCharCode(bytes[entry], bytes[entry + 1], bytes[entry + 2], bytes[entry + 3]);
    const offset = view.getUint32(entry + 8);
    tables.set(tag, bytes.slice(offset, offset + view.getUint32(entry + 12)));
  }
  fixedTables.set(font, tables);
  return tables;
}

/**
 * The subset fontkit's TrueType subsetter writes, without its generic encoder (a call per loca entry,
 * per metric and per glyph, thousands for a CJK subset): the same directory (checksums 0, tables
 * back to back in fontkit's order) and the same bytes.
 */
function encodeSubset(subset: SubsetInternals, fontkitEncode: () => Uint8Array): Uint8Array {
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: subset.font.loca.version };
  subset.hmtx = { metrics: [], bearings: [] };
  // composite glyphs add their components while the loop runs
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph(subset.glyphs[i]);
  subset.loca.offsets.push(subset.offset);

  const fixed = tablesOf(subset.font, fontkitEncode);
  const glyphCount = subset.glyf.length;
  const tables = new Map<string, Uint8Array>();
  for (const tag of SUBSET_TABLES) {
    if (tag === 'loca') {
      const short = subset.loca.version === 0;
      const loca = new Uint8Array(subset.loca.offsets.length * (short ? 2 : 4));
      const view = new DataView(loca.buffer);
      subset.loca.offsets.forEach((o, k) => (short ? view.setUint16(2 * k, o >>> 1) : view.setUint32(4 * k, o)));
      tables.set(tag, loca);
    } else if (tag === 'glyf') {
      const glyf = new Uint8Array(subset.offset);
      let at = 0;
      for (const g of subset.glyf) {
        glyf.set(g, at);
        at += g.length;
      }
      tables.set(tag, glyf);
    } else if (tag === 'hmtx') {
      const hmtx = new Uint8Array(4 * glyphCount);
      const view = new DataView(hmtx.buffer);
      subset.hmtx.metrics.forEach((m, k) => {
        view.setUint16(4 * k, m.advance);
        view.setInt16(4 * k + 2, m.bearing);
      });
      tables.set(tag, hmtx);
    } else {
      const table = fixed.get(tag);
      if (!table) continue;
      if (tag === 'hhea' || tag === 'maxp') {
        // hhea.numberOfMetrics and maxp.numGlyphs: the subset's glyph count
        const copy = table.slice();
        new DataView(copy.buffer).setUint16(tag === 'hhea' ? 34 : 4, glyphCount);
        tables.set(tag, copy);
      } else tables.set(tag, table);
    }
  }

  const count = tables.size;
  const power = 2 ** Math.floor(Math.log2(count));
  let size = 12 + 16 * count;
  for (const t of tables.values()) size += t.length;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set([0x74, 0x72, 0x75, 0x65]); // 'true', as fontkit tags its subsets
  view.setUint16(4, count);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, count * 16 - power * 16);
  let entry = 12;
  let at = 12 + 16 * count;
  for (const [tag, table] of tables) {
    for (let c = 0; c < 4; c++) out[entry + c] = tag.charCodeAt(c);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, table.length);
    out.set(table, at);
    entry += 16;
    at += table.length;
  }
  return out;
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
