import { describe, expect, it } from 'vitest';
import { followsWeek, issueMetaForWeek, issueMetaProblems, splitTags, tagProblems, withIsoWeek } from '../../../../shared/model/issueMeta';

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

describe('withIsoWeek', () => {
  const w47 = issueMetaForWeek('2024-W47', { tags: ['医保'] });

  it('moves 期号 and the Monday–Sunday dates to the new week, across a year end', () => {
    expect(withIsoWeek(w47, '2024-W48')).toMatchObject({ isoWeek: '2024-W48', issueNumber: '2024年第48期', dateRange: '2024.11.25-2024.12.01', tags: ['医保'] });
    expect(withIsoWeek(w47, '2025-W01')).toMatchObject({ issueNumber: '2025年第1期', dateRange: '2024.12.30-2025.01.05' });
  });

  it('keeps a 期号 or 日期范围 the editor wrote by hand, unless forced', () => {
    const own = { ...w47, issueNumber: '2024年第47期（总第300期）' };
    expect(withIsoWeek(own, '2024-W48')).toMatchObject({ issueNumber: '2024年第47期（总第300期）', dateRange: '2024.11.25-2024.12.01' });
    expect(withIsoWeek(own, '2024-W48', true).issueNumber).toBe('2024年第48期');
    // another dash between the same dates still follows the week
    expect(withIsoWeek({ ...w47, dateRange: '2024.11.18—2024.11.24' }, '2024-W48').dateRange).toBe('2024.11.25-2024.12.01');
    expect(withIsoWeek({ ...w47, dateRange: '' }, '2024-W48').dateRange).toBe('2024.11.25-2024.12.01');
  });

  it('refuses a week that does not exist', () => {
    expect(() => withIsoWeek(w47, '2024-W53')).toThrow(/does not exist/);
  });
});

describe('followsWeek', () => {
  it('tells which labels still follow the week', () => {
    const meta = issueMetaForWeek('2024-W47');
    expect(followsWeek(meta)).toEqual({ issueNumber: true, dateRange: true });
    expect(followsWeek({ ...meta, dateRange: '11月18日至24日' })).toEqual({ issueNumber: true, dateRange: false });
  });
});

describe('issueMetaProblems', () => {
  const meta = issueMetaForWeek('2024-W47', { tags: ['医保', '医疗'] });

  it('accepts the metadata of a new issue', () => {
    expect(issueMetaProblems(meta)).toEqual({});
  });

  it('names each field in Chinese: blank 刊名 and 期号, over-long text, a week that does not exist', () => {
    const problems = issueMetaProblems({ ...meta, title: '  ', issueNumber: '', subtitle: 'x'.repeat(201), backCover: '封'.repeat(5001), isoWeek: '2024-W53' });
    expect(problems).toEqual({
      title: '请填写刊名。',
      issueNumber: '请填写期号。',
      subtitle: '副标题最多 200 个字符（现有 201 个）。',
      backCover: '封底文字最多 5000 个字符（现有 5001 个）。',
      isoWeek: '没有这一周：2024-W53。',
    });
    expect(issueMetaProblems({ ...meta, isoWeek: '第47周' }).isoWeek).toBe('请选择周次（例如 2024 年第 47 周）。');
  });

  it('refuses duplicate, over-long and too many tags, and more than four QR codes', () => {
    expect(issueMetaProblems({ ...meta, tags: ['医保', '医保'] }).tags).toBe('标签“医保”已经有了。');
    expect(issueMetaProblems({ ...meta, tags: ['药'.repeat(51)] }).tags).toMatch(/^标签最多 50 个字符/);
    expect(issueMetaProblems({ ...meta, tags: Array.from({ length: 21 }, (_, k) => `标签${k}`) }).tags).toBe('标签最多 20 个。');
    const qr = { image: 'media:abc', caption: '扫一扫' };
    expect(issueMetaProblems({ ...meta, qrCodes: [qr, qr, qr, qr, qr] }).qrCodes).toBe('二维码最多 4 个。');
    expect(issueMetaProblems({ ...meta, qrCodes: [] })).toEqual({});
  });
});

describe('tags typed by the editor', () => {
  it('splits at Chinese and Latin commas, 、 and semicolons', () => {
    expect(splitTags(' 医保，医疗、医药; DRG ,,')).toEqual(['医保', '医疗', '医药', 'DRG']);
  });

  it('says why a tag cannot be added', () => {
    expect(tagProblems(['医保'], ' 医保 ')).toBe('标签“医保”已经有了。');
    expect(tagProblems([], '   ')).toBe('标签不能为空。');
    expect(tagProblems(Array.from({ length: 20 }, (_, k) => `t${k}`), '新')).toBe('标签最多 20 个。');
    expect(tagProblems(['医保'], '医疗')).toBeNull();
  });
});
