import { describe, expect, it } from 'vitest';
import { issueMetaForWeek } from '../../../../shared/model/issueMeta';

describe('issueMetaForWeek', () => {
  it('derives 期号 and the Monday–Sunday dates from the week, with the digest’s own titles', () => {
    expect(issueMetaForWeek('2024-W47')).toEqual({
      series: '医药先锋系列之',
      title: '医周药事',
      subtitle: 'Medical weekly pharmacy',
      isoWeek: '2024-W47',
      issueNumber: '2024年第47期',
      dateRange: '2024.11.18-2024.11.24',
      tags: [],
      readingNote: '',
      backCover: '',
    });
  });

  it('lets given values win and ignores undefined ones', () => {
    const meta = issueMetaForWeek('2021-W08', { issueNumber: undefined, title: '医周药事·特刊', tags: ['医保'] });
    expect(meta.issueNumber).toBe('2021年第8期');
    expect(meta.dateRange).toBe('2021.02.22-2021.02.28');
    expect(meta.title).toBe('医周药事·特刊');
    expect(meta.tags).toEqual(['医保']);
  });

  it('refuses a week that does not exist', () => {
    expect(() => issueMetaForWeek('2024-W53')).toThrow(/does not exist/);
  });
});
