import { describe, expect, it } from 'vitest';
import { bigramSet, similarity, textRank, textRankOfSets } from '../../../../shared/summary/textrank';
import { seededRandom } from '../../../helpers/random';

/** The dense power iteration TextRank was first written as: the numbers the sparse one must reproduce exactly. */
function denseTextRank(sets: Set<number>[], iterations = 30, damping = 0.85): number[] {
  const n = sets.length;
  if (n === 0) return [];
  const w = new Float64Array(n * n);
  const outSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sim = similarity(sets[i], sets[j]);
      if (sim === 0) continue;
      w[i * n + j] = sim;
      w[j * n + i] = sim;
      outSum[i] += sim;
      outSum[j] += sim;
    }
  }
  let score = new Float64Array(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n).fill(1 - damping);
    for (let j = 0; j < n; j++) {
      if (outSum[j] === 0) continue;
      const share = (damping * score[j]) / outSum[j];
      for (let i = 0; i < n; i++) next[i] += w[j * n + i] * share;
    }
    score = next;
  }
  return Array.from(score);
}

const HAN = '医保基金监管支付改革药品集采价格医院服务患者数字健康';

/** Sentences over a small alphabet, so some share many bigrams, some none, some are one character. */
function randomSentences(seed: number, count: number): string[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const len = Math.floor(r() * r() * 60);
    return Array.from({ length: len }, () => HAN[Math.floor(r() * (4 + r() * (HAN.length - 4)))]).join('');
  });
}

describe('textRank', () => {
  it('gives exactly the dense iteration’s scores, bit for bit', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const sets = randomSentences(seed, 1 + (seed * 7) % 90).map(bigramSet);
      const sparse = textRankOfSets(sets);
      const dense = denseTextRank(sets);
      expect(sparse.length).toBe(dense.length);
      sparse.forEach((v, i) => expect(Object.is(v, dense[i]), `seed ${seed}, sentence ${i}: ${v} vs ${dense[i]}`).toBe(true));
    }
  });

  it('keeps other iteration counts and damping factors exact too', () => {
    const sets = randomSentences(99, 50).map(bigramSet);
    expect(textRankOfSets(sets, 7, 0.5)).toEqual(denseTextRank(sets, 7, 0.5));
    expect(textRankOfSets(sets, 0)).toEqual(denseTextRank(sets, 0));
  });

  it('scores a sentence sharing nothing at the floor, and ranks the most connected first', () => {
    const scores = textRank(['医保基金监管', '医保基金支付', '医保基金改革', 'DRG']);
    expect(scores[3]).toBeCloseTo(0.15, 10);
    expect(scores[0]).toBeGreaterThan(scores[3]);
    expect(textRank([])).toEqual([]);
  });
});
