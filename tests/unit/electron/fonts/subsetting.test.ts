// speedUpSubsetting replaces fontkit's TrueType subsetter step for each glyph: the subset it writes must be
// byte for byte what fontkit writes (simple CJK glyphs, composite accented Latin, glyphs past the last
// long horizontal metric).
import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { extraFontPath, npmFontPath } from '../../../../electron/engine/fonts/fontFiles';
import { speedUpSubsetting } from '../../../../electron/engine/fonts/subsetting';

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

describe('speedUpSubsetting', () => {
  const files = [npmFontPath('serif'), npmFontPath('sansBold'), extraFontPath()].filter((f): f is string => !!f && existsSync(f));

  it('writes the same subset as fontkit', () => {
    // fontkit's own subsets first: the patch changes the subsetter's prototype for the whole process
    const plain = files.map((f) => subsetBytes(fontkit.create(readFileSync(f))));
    const fonts = files.map((f) => fontkit.create(readFileSync(f)));
    for (const font of fonts) speedUpSubsetting(font);
    fonts.forEach((font, i) => expect(Buffer.from(subsetBytes(font)).equals(Buffer.from(plain[i])), files[i]).toBe(true));
  });
});
