import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../../renderer/src/app/route';
import { base64ToBytes, bytesToBase64 } from '../../../renderer/src/common/base64';
import { countWords } from '../../../renderer/src/editor/wordCount';
import { currentWeek, describeWeek } from '../../../renderer/src/home/weekChoice';
import { plainTextToHtml } from '../../../renderer/src/workspace/ImportDialog';

describe('countWords', () => {
  it('counts CJK characters and punctuation one each, Latin words and numbers as one', () => {
    expect(countWords('医保支付改革。')).toBe(7);
    expect(countWords('按 DRG 付费')).toBe(4);
    expect(countWords('2024年第47期')).toBe(5);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords("the editor's DRG/DIP")).toBe(5);
  });
});

describe('describeWeek', () => {
  it('fills 期号 and the Monday–Sunday range', () => {
    expect(describeWeek('2024-W47')).toEqual({ isoWeek: '2024-W47', issueNumber: '2024年第47期', dateRange: '2024.11.18-2024.11.24' });
    expect(describeWeek('2022-W51')?.dateRange).toBe('2022.12.19-2022.12.25');
    expect(describeWeek('2021-W53')).toBeNull();
    expect(describeWeek('')).toBeNull();
  });

  it('starts on the current week, by the local calendar date', () => {
    expect(currentWeek(new Date(2024, 10, 18, 0, 30))).toBe('2024-W47');
    expect(currentWeek(new Date(2024, 10, 24, 23, 30))).toBe('2024-W47');
    expect(currentWeek(new Date(2021, 0, 3, 12))).toBe('2020-W53');
  });
});

describe('routes', () => {
  it('round-trips every screen through the hash', () => {
    const routes: Route[] = [
      { screen: 'home' },
      { screen: 'issue', issueId: '2024-W47', articleId: null },
      { screen: 'issue', issueId: '2024-W47', articleId: 'a-1/2' },
      { screen: 'search', query: '医保 DRG' },
      { screen: 'settings' },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
    expect(parseRoute('#/nonsense')).toEqual({ screen: 'home' });
    expect(parseRoute('#/issue/%E0%A4%A')).toMatchObject({ screen: 'issue' });
  });
});

describe('base64', () => {
  it('round-trips bytes larger than one chunk', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.compare(Buffer.from(base64ToBytes(text)), Buffer.from(bytes))).toBe(0);
  });
});

describe('plainTextToHtml', () => {
  it('makes one escaped paragraph per non-empty line', () => {
    expect(plainTextToHtml('第一段\r\n\n  <b>第二段</b> & 更多 ')).toBe('<p>第一段</p>\n<p>&lt;b&gt;第二段&lt;/b&gt; &amp; 更多</p>');
  });
});
