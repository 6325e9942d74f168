import { describe, expect, it } from 'vitest';
import { collapseWhitespace, fullWidthPunctuation, normalizeTitle, textKey } from '../../../../shared/import/punctuation';

describe('fullWidthPunctuation', () => {
  it.each([
    ['我国大健康行业前景巨大,是未来 10 年的最大机遇之一', '我国大健康行业前景巨大，是未来 10 年的最大机遇之一'],
    ['主任傅卫:新医改的下一个“十年”,我们要关注什么?', '主任傅卫：新医改的下一个“十年”，我们要关注什么？'],
    ['集采新预判!十大趋势', '集采新预判！十大趋势'],
    ['支付方式改革; 三年行动', '支付方式改革；三年行动'],
  ])('%s', (input, expected) => {
    expect(fullWidthPunctuation(input)).toBe(expected);
  });

  it.each(['共 1,000 家医院', '时间 10:30 开始', 'DRG/DIP 2.0 版', 'https://www.nhsa.gov.cn/a', 'Hello, world: ok?', '会议时间:10 月'])('leaves %s', (input) => {
    expect(fullWidthPunctuation(input)).toBe(input);
  });
});

describe('normalizeTitle / collapseWhitespace', () => {
  it('collapses all kinds of white space and trims', () => {
    expect(collapseWhitespace(' 凝心聚力\u3000攻坚克难\n\t扎实推进\u00a0 ')).toBe('凝心聚力 攻坚克难 扎实推进');
    expect(normalizeTitle('\n  医保基金监管再上台阶,精细化是未来重点 \n')).toBe('医保基金监管再上台阶，精细化是未来重点');
  });
});

describe('textKey', () => {
  it('equates titles that differ only in punctuation width, dashes, quotes and spaces', () => {
    expect(textKey('三大难题阻碍互联网医院发展—2020 中国')).toBe(textKey('三大难题阻碍互联网医院发展--2020中国'));
    expect(textKey('正确之道！')).toBe(textKey('正确之道!'));
    expect(textKey('推动“医保+商保”一站式结算')).toBe(textKey('推动医保+商保一站式结算'));
  });

  it('keeps different words different', () => {
    expect(textKey('抚州市政务服务中心')).not.toBe(textKey('抚州市政务服务局'));
  });
});
