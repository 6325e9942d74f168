// Glyph ids come from the face's cmap and advances from its hmtx bytes, without fontkit's Glyph
// objects; the layout's metrics keep single characters in per-face tables. All must say what
// fontkit says, for CJK, Latin, marks, a supplementary-plane character and one no face has.
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { npmFontPath } from '../../../../electron/engine/fonts/fontFiles';
import { createMetrics } from '../../../../electron/engine/fonts/fontSet';
import { glyphId, hmtxAdvance, textAdvance } from '../../../../electron/engine/fonts/glyphAdvance';
import type { FontKey } from '../../../../shared/layout/types';

const CODE_POINTS = [...'国家医保局：“集采”（DRG/DIP）——2021年。AaZz09é½①〓'].map((c) => c.codePointAt(0)!).concat([0x20bb7, 0x10fffd, 0x3000, 0x20]);
const GETA = 0x3013;

type Face = fontkit.Font & { getGlyph(id: number): { advanceWidth: number }; hhea: { numberOfMetrics: number } };

describe('glyph lookups', () => {
  const faces = (['serif', 'sansBold'] as const).map((key) => fontkit.create(readFileSync(npmFontPath(key))) as Face);

  it('finds the cmap glyph of each character (the geta mark for one the face lacks)', () => {
    for (const face of faces) {
      for (const cp of CODE_POINTS) {
        const id = face.glyphForCodePoint(cp).id;
        expect(glyphId(face, cp), String.fromCodePoint(cp)).toBe(id === 0 && cp !== GETA ? face.glyphForCodePoint(GETA).id : id);
      }
    }
  });

  it('reads each glyph advance as fontkit does, past the last long metric too', () => {
    for (const face of faces) {
      const last = face.numGlyphs - 1;
      const gids = [0, 1, ...CODE_POINTS.map((cp) => face.glyphForCodePoint(cp).id), face.hhea.numberOfMetrics - 1, last];
      for (const gid of gids) expect(hmtxAdvance(face, gid), `glyph ${gid}`).toBe(face.getGlyph(gid).advanceWidth);
    }
  });

  it('measures characters and tells which a face has, as fontkit does', () => {
    const fonts = { serif: faces[0], serifBold: null, sans: null, sansBold: faces[1], extra: null } as Record<FontKey, fontkit.Font | null>;
    const metrics = createMetrics(fonts);
    for (const key of ['serif', 'sansBold'] as const) {
      const face = fonts[key]!;
      for (const cp of CODE_POINTS) {
        const ch = String.fromCodePoint(cp);
        // twice: the second answer comes from the tables
        for (let k = 0; k < 2; k++) {
          expect(metrics.advance(ch, key), ch).toBe((textAdvance(face, ch) * 1000) / face.unitsPerEm);
          expect(metrics.hasGlyph(key, cp), ch).toBe(face.hasGlyphForCodePoint(cp));
        }
      }
      expect(metrics.advance('集采', key)).toBe(metrics.advance('集', key) + metrics.advance('采', key));
    }
    expect(metrics.hasGlyph('serifBold', 0x56fd)).toBe(false);
  });
});
