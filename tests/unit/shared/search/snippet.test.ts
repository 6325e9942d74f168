import { describe, expect, it } from 'vitest';
import { buildSnippet, countMatchedWords, findMatches, markSnippet } from '../../../../shared/search/snippet';

const BODY =
  '国家医保局近日印发通知，要求各地在2025年底前全面推进DRG/DIP支付方式改革。\n' +
  '通知指出，集采药品的医保支付标准将与中选价格衔接，医保基金监管将更加精细。';

describe('findMatches', () => {
  it('finds every occurrence of every word, sorted', () => {
    const m = findMatches(BODY, ['医保', '集采']);
    expect(m.map((h) => BODY.slice(h.start, h.end))).toEqual(['医保', '集采', '医保', '医保']);
  });

  it('ignores case and width', () => {
    const m = findMatches('推进ＤＲＧ改革', ['drg']);
    expect(m).toEqual([{ start: 2, end: 5 }]);
  });

  it('matches across spaces in the text', () => {
    const text = '按 DRG 付费';
    const [m] = findMatches(text, ['DRG付费']);
    expect(text.slice(m.start, m.end)).toBe('DRG 付费');
  });

  it('merges overlapping matches', () => {
    expect(findMatches('医保基金', ['医保', '保基'])).toEqual([{ start: 0, end: 3 }]);
  });
});

describe('countMatchedWords', () => {
  it('counts distinct words found', () => {
    expect(countMatchedWords(BODY, ['医保', 'drg', '三明'])).toBe(2);
  });
});

describe('buildSnippet', () => {
  it('cuts a window around the matches with ellipses and highlight offsets into the snippet', () => {
    const s = buildSnippet(BODY, ['集采'], { maxLength: 30, lead: 5 });
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.highlights.length).toBeGreaterThan(0);
    for (const h of s.highlights) expect(s.text.slice(h.start, h.end)).toBe('集采');
  });

  it('prefers the window holding the most matches', () => {
    const text = `医保${'甲'.repeat(100)}集采和医保和DRG${'乙'.repeat(100)}`;
    const s = buildSnippet(text, ['医保', '集采', 'drg'], { maxLength: 20, lead: 2 });
    expect(s.highlights.map((h) => s.text.slice(h.start, h.end))).toEqual(['集采', '医保', 'DRG']);
  });

  it('shows line breaks as spaces', () => {
    const s = buildSnippet(BODY, ['通知指出'], { maxLength: 200 });
    expect(s.text).not.toContain('\n');
  });

  it('starts at the beginning without matches', () => {
    const s = buildSnippet(BODY, ['三明'], { maxLength: 10 });
    expect(s).toEqual({ text: '国家医保局近日印发通…', highlights: [] });
  });

  it('renders highlights with markers', () => {
    const s = buildSnippet('早入DRG才是正道', ['drg']);
    expect(markSnippet(s)).toBe('早入**DRG**才是正道');
    expect(markSnippet(s, '<mark>', '</mark>')).toBe('早入<mark>DRG</mark>才是正道');
  });
});
