// The faces, parsed once per process and shared by every export: fontkit parses lazily, and
// pdfkit accepts the parsed font object, so a 14 MB CJK face is read and parsed exactly once,
// and only when a page first needs it (an issue without bold body text never loads the bold serif).
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { FALLBACKS } from '../../../shared/layout/metricsPack';
import type { FontKey, FontMetrics } from '../../../shared/layout/types';
import { extraFontPath, npmFontPath, takePrefetched } from './fontFiles';
import { textAdvance } from './glyphAdvance';
import { decodeLoca, speedUpSubsetting } from './subsetting';

export interface FontSet {
  /** parsed faces, loaded on first access; `extra` is null when the machine has no wide-coverage face */
  fonts: Record<FontKey, fontkit.Font | null>;
  files: Record<FontKey, string | null>;
  metrics: FontMetrics;
}

let loaded: FontSet | null = null;

export function loadFontSet(): FontSet {
  if (loaded) return loaded;
  const files: Record<FontKey, string | null> = {
    serif: npmFontPath('serif'),
    serifBold: npmFontPath('serifBold'),
    sans: npmFontPath('sans'),
    sansBold: npmFontPath('sansBold'),
    extra: extraFontPath(),
  };
  const fonts = {} as Record<FontKey, fontkit.Font | null>;
  const parsed = new Map<FontKey, fontkit.Font | null>();
  const byFile = new Map<string, fontkit.Font>();
  for (const key of Object.keys(files) as FontKey[]) {
    Object.defineProperty(fonts, key, {
      enumerable: true,
      get: (): fontkit.Font | null => {
        if (!parsed.has(key)) {
          const file = files[key];
          let font = file ? (byFile.get(file) ?? null) : null;
          if (file && !font) {
            font = fontkit.create(takePrefetched(file) ?? readFileSync(file));
            speedUpSubsetting(font);
            decodeLoca(font);
            byFile.set(file, font);
          }
          parsed.set(key, font);
        }
        return parsed.get(key) ?? null;
      },
    });
  }
  loaded = { fonts, files, metrics: createMetrics(fonts, (key) => files[key] !== null) };
  return loaded;
}

/** FontMetrics over fontkit faces: the advances the PDF writer draws with (see glyphAdvance.ts). */
export function createMetrics(fonts: Record<FontKey, fontkit.Font | null>, available: (key: FontKey) => boolean = (key) => fonts[key] !== null): FontMetrics {
  // The layout asks for one character at a time far more often than for words: single BMP characters
  // are looked up by code in typed arrays (NaN / 0: not known yet), longer text in a Map.
  const charAdvances = new Map<FontKey, Float64Array>();
  const advanceCache = new Map<FontKey, Map<string, number>>();
  const bmpGlyphs = new Map<FontKey, Uint8Array>();
  const astralGlyphs = new Map<FontKey, Map<number, boolean>>();
  const present = (key: FontKey): fontkit.Font => {
    const f = fonts[key] ?? fonts.serif;
    if (!f) throw new Error(`font ${key} is not loaded`);
    return f;
  };
  const measure = (text: string, key: FontKey): number => {
    const f = present(key);
    return (textAdvance(f, text) * 1000) / f.unitsPerEm;
  };
  return {
    advance(text, key) {
      if (text.length === 1) {
        let table = charAdvances.get(key);
        if (!table) charAdvances.set(key, (table = new Float64Array(0x10000).fill(NaN)));
        const code = text.charCodeAt(0);
        let w = table[code];
        if (Number.isNaN(w)) table[code] = w = measure(text, key);
        return w;
      }
      let cache = advanceCache.get(key);
      if (!cache) advanceCache.set(key, (cache = new Map()));
      let w = cache.get(text);
      if (w === undefined) {
        w = measure(text, key);
        if (cache.size < 200_000) cache.set(text, w);
      }
      return w;
    },
    hasGlyph(key, cp) {
      if (cp < 0x10000) {
        let table = bmpGlyphs.get(key);
        if (!table) bmpGlyphs.set(key, (table = new Uint8Array(0x10000)));
        let known = table[cp];
        if (known === 0) {
          const f = fonts[key];
          table[cp] = known = f && f.hasGlyphForCodePoint(cp) ? 2 : 1;
        }
        return known === 2;
      }
      let cache = astralGlyphs.get(key);
      if (!cache) astralGlyphs.set(key, (cache = new Map()));
      let has = cache.get(cp);
      if (has === undefined) {
        const f = fonts[key];
        has = !!f && f.hasGlyphForCodePoint(cp);
        cache.set(cp, has);
      }
      return has;
    },
    ascent(key) {
      const f = present(key);
      return (f.ascent * 1000) / f.unitsPerEm;
    },
    descent(key) {
      const f = present(key);
      return (-f.descent * 1000) / f.unitsPerEm;
    },
    fallbacks(key) {
      return FALLBACKS[key].filter(available);
    },
  };
}
