// metricsFromPack on hand-made packs: how runs decode, how a missing face is answered, textAdvance's
// rules (integer units summed, then scaled; dash runs on the em grid), surrogate pairs.
import { describe, expect, it } from 'vitest';
import { FALLBACKS, metricsFromPack, type FacePack, type MetricsPack } from '../../../../shared/layout/metricsPack';

/** A 2048-unit face: A–C (0x41–0x43) 1229, D 600, 中 (0x4e2d) and 〓 2048, — 1800, U+20000 2048; others .notdef 1000. */
const wide: FacePack = {
  unitsPerEm: 2048,
  ascent: 1900,
  descent: -500,
  missingAdvance: 1000,
  twoEmDash: false,
  runs: [0x41, 3, 1229, 0, 1, 600, 0x2014 - 0x45, 1, 1800, 0x3013 - 0x2015, 1, 2048, 0x4e2d - 0x3014, 1, 2048, 0x20000 - 0x4e2e, 1, 2048],
};
/** A 1000-unit CJK face with U+2E3A: 0x20–0x7e 500, — 890, ⸺, 中 1000; lacks 〓 (missing = .notdef 0). */
const cjk: FacePack = {
  unitsPerEm: 1000,
  ascent: 1160,
  descent: -288,
  missingAdvance: 0,
  twoEmDash: true,
  runs: [0x20, 0x5f, 500, 0x2014 - 0x7f, 1, 890, 0x2e3a - 0x2015, 1, 1700, 0x4e2d - 0x2e3b, 1, 1000],
};

function pack(extra: number | null): MetricsPack {
  return { version: 1, faces: [cjk, wide], keys: { serif: 0, serifBold: 0, sans: 0, sansBold: 0, extra } };
}

describe('metricsFromPack', () => {
  it('decodes runs: gaps from the previous run’s end, a run of one advance, astral code points', () => {
    const m = metricsFromPack(pack(1));
    expect(m.advance('A', 'extra')).toBe((1229 * 1000) / 2048);
    expect(m.advance('C', 'extra')).toBe((1229 * 1000) / 2048);
    expect(m.advance('D', 'extra')).toBe((600 * 1000) / 2048);
    expect(m.hasGlyph('extra', 0x44)).toBe(true);
    expect(m.hasGlyph('extra', 0x45)).toBe(false);
    expect(m.hasGlyph('extra', 0x40)).toBe(false);
    expect(m.hasGlyph('extra', 0x20000)).toBe(true);
    expect(m.hasGlyph('extra', 0x20001)).toBe(false);
    expect(m.advance('\u{20000}', 'extra')).toBe(1000);
    // a character the face lacks measures as its stand-in glyph
    expect(m.advance('E', 'extra')).toBe((1000 * 1000) / 2048);
    expect(m.advance('\u{20001}', 'extra')).toBe((1000 * 1000) / 2048);
    expect(m.advance('E', 'serif')).toBe(500);
    expect(m.advance('é', 'serif')).toBe(0);
  });

  it('sums text in font units and scales once, walking surrogate pairs as code points', () => {
    const m = metricsFromPack(pack(1));
    expect(m.advance('ABD中', 'extra')).toBe(((1229 + 1229 + 600 + 2048) * 1000) / 2048);
    expect(m.advance('A\u{20000}', 'extra')).toBe(((1229 + 2048) * 1000) / 2048);
    // lone surrogates are characters of their own, which the face lacks
    expect(m.advance('A\ud840', 'extra')).toBe(((1229 + 1000) * 1000) / 2048);
    expect(m.advance('\udc00\ud840', 'extra')).toBe(((1000 + 1000) * 1000) / 2048);
    expect(m.advance('', 'serif')).toBe(0);
  });

  it('sets a run of em dashes on the em grid only in a face with the two-em dash', () => {
    const m = metricsFromPack(pack(1));
    expect(m.advance('—', 'serif')).toBe(890);
    expect(m.advance('——', 'serif')).toBe(2000);
    expect(m.advance('———', 'serif')).toBe(3000);
    expect(m.advance('——A', 'serif')).toBe(890 + 890 + 500);
    expect(m.advance('——', 'extra')).toBe((3600 * 1000) / 2048);
  });

  it('answers a missing extra face as the engine does: no glyphs, measured in the serif, not a fallback', () => {
    const m = metricsFromPack(pack(null));
    expect(m.hasGlyph('extra', 0x41)).toBe(false);
    expect(m.hasGlyph('extra', 0x4e2d)).toBe(false);
    expect(m.advance('A', 'extra')).toBe(500);
    expect(m.advance('——', 'extra')).toBe(2000);
    expect(m.ascent('extra')).toBe(1160);
    expect(m.descent('extra')).toBe(288);
    expect(m.fallbacks('serif')).toEqual(['sans']);
    expect(m.fallbacks('sansBold')).toEqual(['sans', 'serifBold', 'serif']);
    expect(metricsFromPack(pack(1)).fallbacks('serif')).toEqual([...FALLBACKS.serif]);
  });

  it('gives ascent and descent in thousandths of the face’s em, descent positive', () => {
    const m = metricsFromPack(pack(1));
    expect(m.ascent('extra')).toBe((1900 * 1000) / 2048);
    expect(m.descent('extra')).toBe((500 * 1000) / 2048);
    expect(m.ascent('serifBold')).toBe(1160);
  });

  it('hands out fallbacks the caller may change without changing the next answer', () => {
    const m = metricsFromPack(pack(1));
    m.fallbacks('serif').push('serifBold');
    expect(m.fallbacks('serif')).toEqual(['sans', 'extra']);
  });

  it('refuses packs it cannot decode', () => {
    expect(() => metricsFromPack({ ...pack(1), keys: { ...pack(1).keys, extra: 5 } })).toThrow(/face 5/);
    expect(() => metricsFromPack({ ...pack(1), faces: [{ ...cjk, runs: [0, 1] }, wide] })).toThrow(/triples/);
    expect(() => metricsFromPack({ ...pack(1), faces: [{ ...cjk, runs: [0x10ffff, 2, 500] }, wide] })).toThrow(/U\+10FFFF/);
    const noSerif = metricsFromPack({ ...pack(1), keys: { ...pack(1).keys, serif: null } });
    expect(() => noSerif.advance('A', 'serif')).toThrow(/not loaded/);
  });
});
