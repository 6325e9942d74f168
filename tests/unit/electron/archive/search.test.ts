import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../../../electron/engine/archive/index';
import { article, issue, sampleIssues } from './helpers';

let archive: Archive;

beforeAll(() => {
  archive = openArchive(':memory:');
  for (const i of sampleIssues()) archive.saveIssue(i);
  archive.saveIssue(
    issue('2023-W10', [
      {
        id: 'k1',
        name: '医保快讯',
        articles: [
          article('b1', '医保基金监管再上台阶 精细化是未来重点', 'Latitude Health', '医保基金监管从“人海战术”走向智能监控，飞行检查常态化。'),
          article('b2', '国谈药品“双通道”落地', '中国医疗保险', '医保谈判药品通过定点药店和定点医疗机构两个渠道供应，医保部门同步加强监管。'),
        ],
      },
    ]),
  );
});

afterAll(() => archive.close());

const titles = (query: string, options = {}) => archive.search(query, options).map((h) => h.title);

describe('search in Chinese', () => {
  it('finds two-character words: 医保, 集采, DRG', () => {
    expect(titles('集采')).toEqual(['集采新预判！十大趋势点燃行业激情']);
    expect(titles('DRG')).toEqual(['早入DRG才是医院应对支付改革的正确之道！']);
    expect(titles('医保').sort()).toEqual(['医保基金监管再上台阶 精细化是未来重点', '国谈药品“双通道”落地', '推动“医保+商保”一站式结算的思考'].sort());
  });

  it('ignores case and full width in Latin words', () => {
    expect(titles('drg')).toEqual(titles('ＤＲＧ'));
    expect(titles('drg')).toHaveLength(1);
  });

  it('requires every word of the query', () => {
    expect(titles('医保 智能监控')).toEqual(['医保基金监管再上台阶 精细化是未来重点']);
    expect(titles('医保 监管')).toHaveLength(2);
    expect(titles('医保 DRG')).toEqual([]);
  });

  it('matches a longer word only where it appears contiguously', () => {
    expect(titles('医保基金')).toEqual(['医保基金监管再上台阶 精细化是未来重点']);
    expect(titles('保基医')).toEqual([]);
  });

  it('splits a long unspaced query into words', () => {
    expect(titles('医保基金智能监控')).toEqual(['医保基金监管再上台阶 精细化是未来重点']);
  });

  it('finds Chinese followed by Latin in one word, and exact quoted phrases', () => {
    expect(titles('服务费')).toEqual(['药事服务费提价！三明医改再领先全国']);
    expect(titles('早入DRG')).toEqual(['早入DRG才是医院应对支付改革的正确之道！']);
    expect(titles('“医保基金监管”')).toEqual(['医保基金监管再上台阶 精细化是未来重点']);
    expect(titles('“医保基金智能监控”')).toEqual([]);
  });

  it('matches a single character as a prefix, including at the end of a run', () => {
    expect(titles('涨')).toEqual(['药事服务费提价！三明医改再领先全国']);
  });

  it('ranks a title match above a body-only match', () => {
    const hits = archive.search('监管');
    expect(hits[0].title).toBe('医保基金监管再上台阶 精细化是未来重点');
    expect(hits[0].score).toBeGreaterThan(hits[hits.length - 1].score);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
  });

  it('returns issue, column and a snippet whose highlights cover the query words', () => {
    const [hit] = archive.search('集采');
    expect(hit).toMatchObject({ issueId: '2024-W47', issueNumber: '2024年第47期', column: '分析解读', source: '医药经济报', articleId: 'a2' });
    expect(hit.highlights.length).toBeGreaterThan(0);
    for (const h of hit.highlights) expect(hit.snippet.slice(h.start, h.end)).toBe('集采');
  });

  it('filters by column, source and date range', () => {
    expect(titles('医保', { column: '医保快讯' })).toHaveLength(2);
    expect(titles('医保', { source: '中国医疗保险' })).toEqual(['国谈药品“双通道”落地']);
    expect(titles('改革', { from: '2021-01-01', to: '2021-12-31' })).toEqual(expect.arrayContaining(['早入DRG才是医院应对支付改革的正确之道！']));
    expect(titles('改革', { from: '2022-01-01' })).toEqual([]);
    // A week overlapping the range counts: 2021-W08 runs 02.22–02.28.
    expect(titles('DRG', { from: '2021-02-28', to: '2021-02-28' })).toHaveLength(1);
    expect(() => archive.search('医保', { from: '2021/01/01' })).toThrow(/YYYY-MM-DD/);
  });

  it('limits the number of hits', () => {
    expect(archive.search('医保', { limit: 1 })).toHaveLength(1);
  });

  it('returns nothing for an empty or punctuation-only query, and never throws on FTS syntax', () => {
    expect(archive.search('')).toEqual([]);
    expect(archive.search('，。')).toEqual([]);
    expect(archive.search('"医保 OR NEAR(')).toEqual(expect.any(Array));
  });
});
