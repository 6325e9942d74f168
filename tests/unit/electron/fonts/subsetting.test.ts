// speedUpSubsetting replaces fontkit's TrueType subsetter step for each glyph and its encoder: the subset
// it writes must be byte for byte what fontkit writes (simple CJK glyphs, composite accented Latin, glyphs
// past the last long horizontal metric, long and short loca formats).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { extraFontPath, npmFontPath } from '../../../../electron/engine/fonts/fontFiles';
import { decodeLoca, speedUpSubsetting } from '../../../../electron/engine/fonts/subsetting';

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

const TEXT = '国家医疗保障局关于做好2025年医保工作的通知：“集采”（DRG/DIP）——É é à ç ñ ü Å ﬁ ½ № ①';

function subsetBytes(font: fontkit.Font): Uint8Array {
  const subset = (font as unknown as { createSubset(): Subset }).createSubset();
  for (const g of font.layout(TEXT).glyphs) subset.includeGlyph(g.id);
  // the last glyphs of the face, past the long metrics in many fonts
  for (let gid = Math.max(0, font.numGlyphs - 5); gid < font.numGlyphs; gid++) subset.includeGlyph(gid);
  return Uint8Array.from(subset.encode());
}

// pdfjs-dist's Liberation Sans has the short loca format (offsets halved), the CJK faces the long one
const liberation = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts/LiberationSans-Regular.ttf');

describe('speedUpSubsetting', () => {
  const files = [npmFontPath('serif'), npmFontPath('sansBold'), extraFontPath(), liberation].filter((f): f is string => !!f && existsSync(f));

  it('writes the same subset as fontkit', () => {
    // fontkit's own subsets first: the patch changes the subsetter's prototype for the whole process
    const plain = files.map((f) => subsetBytes(fontkit.create(readFileSync(f))));
    const fonts = files.map((f) => fontkit.create(readFileSync(f)));
    for (const font of fonts) speedUpSubsetting(font);
    fonts.forEach((font, i) => expect(Buffer.from(subsetBytes(font)).equals(Buffer.from(plain[i])), files[i]).toBe(true));
  });
});

describe('decodeLoca', () => {
  const files = [npmFontPath('serif'), npmFontPath('sansBold'), extraFontPath(), liberation].filter((f): f is string => !!f && existsSync(f));

  type Decoded = fontkit.Font & { loca: { version: number; offsets: number[] }; getGlyph(id: number): { path: { toSVG(): string } } };

  it('gives the loca table fontkit decodes, and the same glyph outlines', () => {
    const versions = new Set<number>();
    for (const file of files) {
      const bytes = readFileSync(file);
      const plain = fontkit.create(bytes) as Decoded;
      const fast = fontkit.create(bytes) as Decoded;
      decodeLoca(fast);
      versions.add(fast.loca.version);
      expect(fast.loca.version, file).toBe(plain.loca.version);
      expect(fast.loca.offsets.length, file).toBe(plain.loca.offsets.length);
      expect(fast.loca.offsets.length, file).toBeGreaterThan(fast.numGlyphs);
      expect(fast.loca.offsets.every((o, i) => o === plain.loca.offsets[i]), file).toBe(true);
      const gid = fast.glyphForCodePoint(0x56fd).id || fast.glyphForCodePoint(0x41).id;
      expect(gid, file).toBeGreaterThan(0);
      expect(fast.getGlyph(gid).path.toSVG(), file).toBe(plain.getGlyph(gid).path.toSVG());
    }
    expect([...versions].sort()).toEqual([0, 1]);
  });
});
