import { describe, expect, it } from 'vitest';
import { lcsLength, rouge, rougeL, rougeN, rougeTokens } from '../../../../shared/summary/rouge';

describe('rougeTokens', () => {
  it('keeps letters and digits only, one token per character', () => {
    expect(rougeTokens('医保 DRG，85.2%！')).toEqual(['医', '保', 'd', 'r', 'g', '8', '5', '2']);
  });
  it('normalizes full-width forms with NFKC before lower-casing', () => {
    expect(rougeTokens('ＡＩ２０２４')).toEqual(['a', 'i', '2', '0', '2', '4']);
  });
  it('drops every kind of punctuation and space', () => {
    expect(rougeTokens('“……。”（）《》【】 \n\t—')).toEqual([]);
  });
});

describe('rouge', () => {
  it('scores identical texts 1 and ignores punctuation differences', () => {
    expect(rouge('医保基金监管。', '医保 基金，监管')).toEqual({ rouge1: 1, rouge2: 1, rougeL: 1 });
  });
  it('scores disjoint texts 0', () => {
    expect(rouge('医保', '药品')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });
  it('scores an empty candidate 0', () => {
    expect(rouge('', '医保')).toEqual({ rouge1: 0, rouge2: 0, rougeL: 0 });
  });
  it('computes ROUGE-1 with clipped counts', () => {
    // candidate 医医医 vs reference 医保: overlap 1, P = 1/3, R = 1/2, F = 0.4
    expect(rougeN(['医', '医', '医'], ['医', '保'], 1)).toBeCloseTo(0.4, 10);
  });
  it('computes ROUGE-2 over character bigrams', () => {
    // bigrams 医保 保基 基金 vs 医保 保险: overlap 1, P = 1/3, R = 1/2
    expect(rougeN(Array.from('医保基金'), Array.from('医保险'), 2)).toBeCloseTo(0.4, 10);
  });
  it('computes ROUGE-L from the longest common subsequence', () => {
    expect(lcsLength(Array.from('ABCBDAB'), Array.from('BDCABA'))).toBe(4);
    // LCS 医保监管 (4) of 6 and 5 characters
    expect(rougeL(Array.from('医保基金监管'), Array.from('医保的监管'))).toBeCloseTo((2 * (4 / 6) * (4 / 5)) / (4 / 6 + 4 / 5), 10);
  });
  it('is order sensitive for ROUGE-L but not ROUGE-1', () => {
    const s = rouge('监管医保', '医保监管');
    expect(s.rouge1).toBe(1);
    expect(s.rougeL).toBeCloseTo(0.5, 10);
  });
});
