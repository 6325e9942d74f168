import { describe, expect, it } from 'vitest';
import { indexTokens, parseQuery, segmentForIndex, splitLongWord, toFtsMatch } from '../../../../shared/search/segment';

describe('indexTokens', () => {
  it('indexes Chinese as overlapping bigrams plus the last character', () => {
    expect(indexTokens('医保基金')).toEqual(['医保', '保基', '基金', '金']);
  });

  it('keeps Latin words and numbers whole and lower-cased, split from Chinese', () => {
    expect(indexTokens('推进DRG付费改革，2025年')).toEqual(['推进', '进', 'drg', '付费', '费改', '改革', '革', '2025', '年']);
  });

  it('folds full-width Latin to half-width', () => {
    expect(indexTokens('ＤＲＧ与ＤＩＰ')).toEqual(['drg', '与', 'dip']);
  });

  it('treats punctuation and spaces as separators', () => {
    expect(indexTokens('“医保+商保”一站式')).toEqual(['医保', '保', '商保', '保', '一站', '站式', '式']);
  });

  it('gives nothing for text without letters or digits', () => {
    expect(indexTokens('——，。！')).toEqual([]);
    expect(segmentForIndex('')).toBe('');
  });

  it('joins tokens with spaces for the index', () => {
    expect(segmentForIndex('集采 DRG')).toBe('集采 采 drg');
  });
});

describe('parseQuery', () => {
  it('turns a two-character word into one token', () => {
    expect(parseQuery('医保')).toEqual([{ text: '医保', tokens: ['医保'], prefix: false }]);
    expect(parseQuery('DRG')).toEqual([{ text: 'drg', tokens: ['drg'], prefix: false }]);
  });

  it('turns a longer word into consecutive bigrams without the trailing single character', () => {
    expect(parseQuery('医保基金')[0].tokens).toEqual(['医保', '保基', '基金']);
  });

  it('makes a single Chinese character a prefix query', () => {
    expect(parseQuery('药')).toEqual([{ text: '药', tokens: ['药'], prefix: true }]);
  });

  it('splits on spaces, including the ideographic space, and drops duplicates', () => {
    expect(parseQuery('医保\u3000DRG 医保').map((w) => w.text)).toEqual(['医保', 'drg']);
  });

  it('keeps mixed Latin and Chinese in one word as a phrase', () => {
    expect(parseQuery('DRG付费')[0].tokens).toEqual(['drg', '付费']);
  });

  it('keeps tokens adjacent when Chinese is followed by Latin inside one word', () => {
    // 付费DRG is indexed 付费 费 drg: the query must carry 费 too or the phrase cannot match.
    expect(parseQuery('付费DRG')[0].tokens).toEqual(['付费', '费', 'drg']);
    expect(parseQuery('第12稿')[0].tokens).toEqual(['第', '12', '稿']);
  });

  it('treats quoted text as one exact phrase, never split', () => {
    expect(parseQuery('“医保基金监管改革”')).toEqual([{ text: '医保基金监管改革', tokens: ['医保', '保基', '基金', '金监', '监管', '管改', '改革'], prefix: false }]);
    expect(parseQuery('"医保 基金" DRG').map((w) => w.tokens)).toEqual([['医保', '保', '基金'], ['drg']]);
    expect(parseQuery('「集采')[0].text).toBe('集采');
  });

  it('ignores punctuation-only input', () => {
    expect(parseQuery('，。 ——')).toEqual([]);
  });
});

describe('splitLongWord', () => {
  it('splits a long Chinese query into words of at least two characters', () => {
    const parts = splitLongWord('医保基金监管改革');
    expect(parts.join('')).toBe('医保基金监管改革');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Array.from(p).length).toBeGreaterThanOrEqual(2);
  });
});

describe('toFtsMatch', () => {
  it('quotes each word as a phrase and requires all of them', () => {
    expect(toFtsMatch(parseQuery('医保基金 DRG'))).toBe('"医保 保基 基金" AND "drg"');
  });

  it('marks single characters as prefix phrases', () => {
    expect(toFtsMatch(parseQuery('药'))).toBe('"药"*');
  });

  it('is null for an empty query', () => {
    expect(toFtsMatch(parseQuery('   '))).toBeNull();
  });
});
