import { describe, expect, it } from 'vitest';
import { normalizeAuthor, parseMetadataLine } from '../../../../shared/import/metadataLines';

describe('parseMetadataLine', () => {
  it.each([
    ['来源：国家医疗保障局', { source: '国家医疗保障局' }],
    ['来源: 健康报', { source: '健康报' }],
    ['来源 | 中国医疗保险', { source: '中国医疗保险' }],
    ['文章来源：新华社', { source: '新华社' }],
    ['作者 | 张三', { author: '张三' }],
    ['作者：王晓明 刘芳', { author: '王晓明 刘芳' }],
    ['文 / 李四', { author: '李四' }],
    ['来源：健康界 作者：李明', { source: '健康界', author: '李明' }],
    ['作者：李明　编辑：王五　审核：赵六', { author: '李明' }],
    ['2024-11-20 来源：健康报', { source: '健康报' }],
    ['发布时间：2024-11-19 16:05 来源：河北省医疗保障局', { source: '河北省医疗保障局' }],
    ['来源：河北省医疗保障局 【字体：大 中 小】', { source: '河北省医疗保障局' }],
    ['编辑：王五', {}],
  ])('%s', (line, expected) => {
    expect(parseMetadataLine(line)).toEqual(expected);
  });

  it.each([
    '数据来源：国家卫健委', // a chart caption, not a byline
    '资料来源：火石创造根据公开资料整理',
    '记者：新医改的上一个“十年”已经结束，您能否简要评价一下？', // an interview question
    '来源：根据国家医保局公布的数据，2023 年全国基本医保基金总收入 3.3 万亿元，同比增长 8.3%。这说明基金运行总体平稳。',
    '文中提到的三项措施已经落地。',
    '作者认为，改革的关键在于支付方式。',
    '近日，国家医保局印发通知。',
    '',
    '来源：',
  ])('not a byline: %s', (line) => {
    expect(parseMetadataLine(line)).toBeNull();
  });
});

describe('normalizeAuthor', () => {
  it('joins names with single spaces', () => {
    expect(normalizeAuthor('王晓明、刘芳')).toBe('王晓明 刘芳');
    expect(normalizeAuthor(' 张三，李四;王五 ')).toBe('张三 李四 王五');
  });
});
