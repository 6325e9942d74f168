import { describe, expect, it } from 'vitest';
import { segmentParagraphs, splitClauses, splitSentences } from '../../../../shared/summary/segment';

describe('splitSentences', () => {
  it('splits at 。！？ and keeps the mark with its sentence', () => {
    expect(splitSentences('医保基金监管再上台阶。精细化是未来重点！下一步怎么走？')).toEqual([
      '医保基金监管再上台阶。',
      '精细化是未来重点！',
      '下一步怎么走？',
    ]);
  });

  it('keeps a quoted speech `“……。”` in one sentence ending after the closing quote', () => {
    expect(splitSentences('王仁元说：“浙江省着重从抓三个高入手。我们始终把群众放在心上。”这是第二句。')).toEqual([
      '王仁元说：“浙江省着重从抓三个高入手。我们始终把群众放在心上。”',
      '这是第二句。',
    ]);
  });

  it('ends a sentence after `。”` even when the quote opens the sentence', () => {
    expect(splitSentences('“其他省市可以参考。”在获悉消息后，资深业内人士表示。')).toEqual([
      '“其他省市可以参考。”',
      '在获悉消息后，资深业内人士表示。',
    ]);
  });

  it('does not split inside brackets', () => {
    expect(splitSentences('国务院发布了《条例》（以下简称“《条例》”。下同）。这是首部法规。')).toEqual([
      '国务院发布了《条例》（以下简称“《条例》”。下同）。',
      '这是首部法规。',
    ]);
  });

  it('does not split inside book-title marks', () => {
    expect(splitSentences('他主编了《医改十年！回顾与展望》一书。')).toEqual(['他主编了《医改十年！回顾与展望》一书。']);
  });

  it('absorbs runs of terminators and closing brackets', () => {
    expect(splitSentences('药事服务费涨了？！又一次走在全国前列（记者注。）随后说明。')).toEqual([
      '药事服务费涨了？！',
      '又一次走在全国前列（记者注。）',
      '随后说明。',
    ]);
  });

  it('keeps decimals, percentages and ASCII list marks inside the sentence', () => {
    expect(splitSentences('毛利率保持在 85.2%，净利率接近 40%。1. 国民健康意识提升。')).toEqual([
      '毛利率保持在 85.2%，净利率接近 40%。',
      '1. 国民健康意识提升。',
    ]);
  });

  it('treats the ellipsis as part of a sentence, not its end', () => {
    expect(splitSentences('耗材、检查、检验……都在降价。最后一句')).toEqual(['耗材、检查、检验……都在降价。', '最后一句']);
  });

  it('closes the last sentence at the paragraph end even without a mark', () => {
    expect(splitSentences('这里活跃着 500 多家医疗技术公司……')).toEqual(['这里活跃着 500 多家医疗技术公司……']);
  });

  it('splits between numbered items joined by `；`', () => {
    expect(splitSentences('1. 加强基金监管；2. 推进支付改革；3. 完善协商机制。')).toEqual([
      '1. 加强基金监管；',
      '2. 推进支付改革；',
      '3. 完善协商机制。',
    ]);
    expect(splitSentences('（一）统一编码；（二）统一平台。')).toEqual(['（一）统一编码；', '（二）统一平台。']);
    expect(splitSentences('一是统筹规划；二是系统建设。')).toEqual(['一是统筹规划；', '二是系统建设。']);
  });

  it('keeps a list head with its items: `……：一是……；二是……。` is one sentence', () => {
    expect(splitSentences('互联网医院现存两种形式：一是实体医疗机构的互联网医院；二是独立设置的互联网医院。')).toHaveLength(1);
  });

  it('does not split at a plain `；`', () => {
    expect(splitSentences('门诊调整为 15 元；住院调整为 50 元。')).toEqual(['门诊调整为 15 元；住院调整为 50 元。']);
  });

  it('splits at hard line breaks', () => {
    expect(splitSentences('第一行没有句号\n第二行。')).toEqual(['第一行没有句号', '第二行。']);
  });

  it('recovers from a quote the clipping never closes', () => {
    const long = '这是一段很长的文字，'.repeat(20);
    const out = splitSentences(`他说：“${long}。后面还有一句。`);
    expect(out.length).toBe(2);
    expect(out[1]).toBe('后面还有一句。');
  });

  it('ends a Latin sentence at `. ` before a capital or Han text, but not after an abbreviation', () => {
    expect(splitSentences('FDA approved it in 2020. The label was updated. 随后国内跟进。')).toEqual([
      'FDA approved it in 2020. The label was updated.',
      '随后国内跟进。',
    ]);
    expect(splitSentences('The drugs were approved. Then prices fell.')).toEqual(['The drugs were approved.', 'Then prices fell.']);
    expect(splitSentences('See Smith et al. The study, e.g. Fig. 2.')).toHaveLength(1);
    expect(splitSentences('排名 No. 1 的企业')).toEqual(['排名 No. 1 的企业']);
  });

  it('splits at ASCII ! and ?', () => {
    expect(splitSentences('DRG 来了!医院准备好了吗?')).toEqual(['DRG 来了!', '医院准备好了吗?']);
  });

  it('trims whitespace and drops empty pieces', () => {
    expect(splitSentences('  第一句。  第二句。 ')).toEqual(['第一句。', '第二句。']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('。')).toEqual(['。']);
  });
});

describe('segmentParagraphs', () => {
  it('numbers sentences by paragraph and position', () => {
    expect(segmentParagraphs(['甲。乙。', '丙。'])).toEqual([
      { text: '甲。', paragraph: 0, position: 0 },
      { text: '乙。', paragraph: 0, position: 1 },
      { text: '丙。', paragraph: 1, position: 0 },
    ]);
  });
});

describe('splitClauses', () => {
  it('splits at clause marks outside quotes, each clause keeping its mark', () => {
    expect(splitClauses('医保部门要及时反馈，“质控、分组，结算”情况；省医保局设立邮箱。')).toEqual([
      '医保部门要及时反馈，',
      '“质控、分组，结算”情况；',
      '省医保局设立邮箱。',
    ]);
  });
});
