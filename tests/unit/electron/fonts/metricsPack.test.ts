// The metrics pack against the faces it is made from: metricsFromPack (what the renderer's worker
// will lay out with) must answer exactly what createMetrics answers over fontkit, character by
// character and for real text, or live page numbers would disagree with the PDF.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { buildMetricsPack, metricsPack } from '../../../../electron/engine/fonts/metricsPack';
import { createMetrics, loadFontSet, type FontSet } from '../../../../electron/engine/fonts';
import { FONT_KEYS, metricsFromPack, type MetricsPack } from '../../../../shared/layout/metricsPack';
import type { FontKey, FontMetrics } from '../../../../shared/layout/types';
import { FIXTURES } from '../pdf/fixtureDocument';

const set = loadFontSet();
/** the pack as the renderer gets it: through JSON */
const pack = JSON.parse(JSON.stringify(metricsPack())) as MetricsPack;
const packed = metricsFromPack(pack);
const reference = createMetrics(set.fonts, (key) => set.files[key] !== null);

function characterSet(font: fontkit.Font): number[] {
  return (font as unknown as { characterSet: number[] }).characterSet;
}

/** Every text of both fixtures' clippings: paragraphs, their words and short slices (atoms are shorter than paragraphs). */
function fixtureTexts(): string[] {
  const texts = new Set<string>();
  for (const issue of ['2024-W47', '2021-W08']) {
    const dir = path.join(FIXTURES, issue, 'clips');
    const manifest = readFileSync(path.join(FIXTURES, issue, 'manifest.json'), 'utf8');
    for (const s of manifest.match(/"(?:[^"\\]|\\.)*"/g) ?? []) texts.add(JSON.parse(s) as string);
    for (const file of readdirSync(dir)) {
      const html = readFileSync(path.join(dir, file), 'utf8');
      const plain = html
        .replace(/<[^>]*>/g, '\n')
        .replace(/&nbsp;/g, '\u00a0')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>');
      for (const line of plain.split('\n')) {
        const text = line.trim();
        if (!text) continue;
        texts.add(text);
        for (const word of text.split(/\s+/)) texts.add(word);
        for (const m of text.match(/[A-Za-z0-9.,%\-–—]+|—+/g) ?? []) texts.add(m);
        for (let i = 0; i + 1 < text.length; i += 7) texts.add(text.slice(i, i + 2 + (i % 5)));
      }
    }
  }
  return [...texts];
}

function mismatches(a: FontMetrics, b: FontMetrics, texts: Iterable<string>, keys: readonly FontKey[] = FONT_KEYS): string[] {
  const out: string[] = [];
  for (const key of keys) {
    for (const text of texts) {
      const x = a.advance(text, key);
      const y = b.advance(text, key);
      if (!Object.is(x, y)) out.push(`${key} ${JSON.stringify(text)}: ${x} ≠ ${y}`);
    }
  }
  return out;
}

describe('metrics pack of the real faces', () => {
  it('is small JSON and has every face on this machine', () => {
    const json = JSON.stringify(metricsPack());
    expect(json.length).toBeLessThan(300_000);
    for (const key of FONT_KEYS) expect(pack.keys[key] !== null).toBe(set.files[key] !== null);
    // the npm faces' code points, astral ones included (CJK Extension B)
    const serif = pack.faces[pack.keys.serif ?? -1];
    expect(serif.twoEmDash).toBe(true);
    expect(packed.hasGlyph('serif', 0x20000)).toBe(set.fonts.serif?.hasGlyphForCodePoint(0x20000));
  });

  it('gives every BMP character the advance and glyph createMetrics gives, in every face', () => {
    const bad: string[] = [];
    for (const key of FONT_KEYS) {
      for (let cp = 0; cp < 0x10000; cp++) {
        const ch = String.fromCharCode(cp);
        const x = packed.advance(ch, key);
        const y = reference.advance(ch, key);
        if (!Object.is(x, y)) bad.push(`${key} U+${cp.toString(16)} advance ${x} ≠ ${y}`);
        if (packed.hasGlyph(key, cp) !== reference.hasGlyph(key, cp)) bad.push(`${key} U+${cp.toString(16)} hasGlyph`);
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('gives astral characters the same advance and glyph, mapped or not', () => {
    const astral = new Set<number>([0x10000, 0x1f600, 0x1f9d1, 0x2a6d6, 0xe0001, 0x10fffd, 0x10ffff]);
    for (const key of FONT_KEYS) {
      const font = set.fonts[key];
      if (font) for (const cp of characterSet(font)) if (cp >= 0x10000) astral.add(cp).add(cp + 1);
    }
    expect(astral.size).toBeGreaterThan(400);
    const bad: string[] = [];
    for (const key of FONT_KEYS) {
      for (const cp of astral) {
        if (cp > 0x10ffff) continue;
        const ch = String.fromCodePoint(cp);
        if (!Object.is(packed.advance(ch, key), reference.advance(ch, key))) bad.push(`${key} U+${cp.toString(16)} advance`);
        if (!Object.is(packed.advance(`中${ch}a`, key), reference.advance(`中${ch}a`, key))) bad.push(`${key} U+${cp.toString(16)} in text`);
        if (packed.hasGlyph(key, cp) !== reference.hasGlyph(key, cp)) bad.push(`${key} U+${cp.toString(16)} hasGlyph`);
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('maps exactly the astral code points the cmap maps (every one scanned)', () => {
    const bad: string[] = [];
    for (const key of ['serif', 'sans', 'extra'] as const) {
      const font = set.fonts[key];
      if (!font) continue;
      for (let cp = 0x10000; cp <= 0x10ffff; cp++) {
        if (packed.hasGlyph(key, cp) !== font.hasGlyphForCodePoint(cp)) bad.push(`${key} U+${cp.toString(16)}`);
      }
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });

  it('measures the fixtures’ text, dash runs and mixed Latin/CJK exactly as createMetrics does', () => {
    const texts = fixtureTexts();
    expect(texts.length).toBeGreaterThan(5_000);
    expect(texts.some((t) => t.includes('——'))).toBe(true);
    const made = ['', '——', '———', '————', '—————', '—', '——a', 'a——', '——中', '2024年——', 'COVID-19疫苗', 'GDP增长5.2%', '\ud840', '\ud840a', '\udc00\ud840', '𠀀中文', '😀医保', 'Ω≈∑'];
    expect(mismatches(packed, reference, [...made, ...texts])).toEqual([]);
  });

  it('has the same ascent, descent and fallbacks for every key', () => {
    for (const key of FONT_KEYS) {
      expect(Object.is(packed.ascent(key), reference.ascent(key))).toBe(true);
      expect(Object.is(packed.descent(key), reference.descent(key))).toBe(true);
      expect(packed.fallbacks(key)).toEqual(reference.fallbacks(key));
    }
  });
});

describe('metrics pack of a machine without the extra face', () => {
  const fonts = { ...set.fonts, extra: null };
  const files = { ...set.files, extra: null };
  const noExtra: FontSet = { fonts, files, metrics: createMetrics(fonts, (key) => files[key] !== null) };
  const pack = buildMetricsPack(noExtra);
  const metrics = metricsFromPack(JSON.parse(JSON.stringify(pack)) as MetricsPack);

  it('has no extra face, and answers for it as createMetrics does (the serif measures, no glyphs)', () => {
    expect(pack.keys.extra).toBeNull();
    expect(pack.faces).toHaveLength(4);
    expect(metrics.hasGlyph('extra', 0x4e2d)).toBe(false);
    expect(metrics.advance('Ω', 'extra')).toBe(noExtra.metrics.advance('Ω', 'serif'));
    expect(mismatches(metrics, noExtra.metrics, ['中', 'Ω', '——', 'ABC文字', '\u{1F600}'])).toEqual([]);
    for (const key of FONT_KEYS) {
      expect(metrics.fallbacks(key)).toEqual(noExtra.metrics.fallbacks(key));
      expect(metrics.fallbacks(key)).not.toContain('extra');
      expect(metrics.ascent(key)).toBe(noExtra.metrics.ascent(key));
    }
  });

  it('shares one face between keys that name the same file', () => {
    const shared: FontSet = { fonts: { ...fonts, serifBold: set.fonts.serif }, files: { ...files, serifBold: set.files.serif }, metrics: noExtra.metrics };
    const p = buildMetricsPack(shared);
    expect(p.faces).toHaveLength(3);
    expect(p.keys.serifBold).toBe(p.keys.serif);
  });
});
