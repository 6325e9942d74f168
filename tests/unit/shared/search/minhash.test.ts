import { describe, expect, it } from 'vitest';
import {
  estimateJaccard,
  fnv1a,
  isEmptySignature,
  jaccard,
  LSH_BANDS,
  lshBandKeys,
  minHashSignature,
  shingleHashes,
} from '../../../../shared/search/minhash';
import { normalizeForFingerprint, normalizeText } from '../../../../shared/search/normalize';

const ARTICLE =
  '随着经济社会发展和人民群众健康需求的不断提升，商业健康保险在多层次医疗保障体系中的作用日益凸显。' +
  '推动基本医保与商业健康保险一站式结算，是提升参保群众就医体验、减轻群众跨机构跑腿负担的重要举措。' +
  '当前，各地在医保商保数据共享、结算流程衔接等方面开展了积极探索，但仍面临数据标准不统一、' +
  '信息安全责任不清、商保理赔规则差异大等问题，需要在制度设计和技术支撑两方面协同推进。';

const OTHER =
  '三明市药事服务费涨了！其他省市可以借鉴三明经验，在公立医院综合改革中理顺医疗服务价格，' +
  '建立以公益性为导向的考核评价机制，推动医务人员薪酬制度改革，让医生回归看病的本色。';

describe('normalisation', () => {
  it('drops punctuation, spaces and width differences for fingerprints', () => {
    expect(normalizeForFingerprint('“医保 + 商保”，ＤＲＧ 7 大领域')).toBe('医保商保drg7大领域');
  });

  it('collapses whitespace for display-normal text', () => {
    expect(normalizeText('  医保\n\n ＤＲＧ  ')).toBe('医保 drg');
  });
});

describe('shingles and Jaccard', () => {
  it('gives identical sets for copies differing only in punctuation and spacing', () => {
    const reclipped = ARTICLE.replace(/，/g, ',').replace(/。/g, '. ').replace(/医保/g, '医 保');
    expect(jaccard(shingleHashes(ARTICLE), shingleHashes(reclipped))).toBe(1);
  });

  it('is low for unrelated articles on the same topic', () => {
    expect(jaccard(shingleHashes(ARTICLE), shingleHashes(OTHER))).toBeLessThan(0.05);
  });

  it('hashes a text shorter than one shingle as a whole', () => {
    expect(shingleHashes('医保').size).toBe(1);
    expect(shingleHashes('，。').size).toBe(0);
  });

  it('is 0 when a set is empty', () => {
    expect(jaccard(new Set(), shingleHashes(ARTICLE))).toBe(0);
  });

  it('fnv1a is the standard 32-bit FNV-1a', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });
});

describe('MinHash', () => {
  it('estimates Jaccard within a few points', () => {
    const edited = ARTICLE.slice(0, 120) + '本文有删改。' + ARTICLE.slice(140);
    const a = shingleHashes(ARTICLE);
    const b = shingleHashes(edited);
    const exact = jaccard(a, b);
    const est = estimateJaccard(minHashSignature(a), minHashSignature(b));
    expect(exact).toBeGreaterThan(0.6);
    expect(exact).toBeLessThan(1);
    expect(Math.abs(est - exact)).toBeLessThan(0.15);
  });

  it('is deterministic across calls', () => {
    expect(Array.from(minHashSignature(shingleHashes(ARTICLE)))).toEqual(Array.from(minHashSignature(shingleHashes(ARTICLE))));
  });

  it('marks empty text with an empty signature that matches nothing', () => {
    const empty = minHashSignature(new Set());
    expect(isEmptySignature(empty)).toBe(true);
    expect(estimateJaccard(empty, empty)).toBe(0);
    expect(lshBandKeys(empty)).toEqual([]);
  });

  it('gives near copies shared band keys and unrelated texts none', () => {
    const sigA = minHashSignature(shingleHashes(ARTICLE));
    const sigB = minHashSignature(shingleHashes(ARTICLE.replace('重要举措', '关键举措')));
    const sigC = minHashSignature(shingleHashes(OTHER));
    const keysA = lshBandKeys(sigA);
    expect(keysA).toHaveLength(LSH_BANDS);
    const shared = (x: number[], y: number[]) => x.filter((k, i) => k === y[i]).length;
    expect(shared(keysA, lshBandKeys(sigB))).toBeGreaterThan(0);
    expect(shared(keysA, lshBandKeys(sigC))).toBe(0);
  });

  it('refuses signatures of different sizes', () => {
    expect(() => estimateJaccard(new Uint32Array(2), new Uint32Array(3))).toThrow();
  });
});
