import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/content/blocks';
import { cleanBlocks, cleanText, isNoise, looksLikeHeading, stripDateline, stripSpeakerLabel } from '../../../../shared/summary/clean';

const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });
const BODY = '国家组织药品集中采购和使用是一项重大机制改革，是深化医改的重要突破口。';

describe('isNoise: metadata and credit lines', () => {
  it.each([
    '来源：国家医疗保障局',
    '来 源：河北新闻网',
    '作者 | 张三',
    '作者：李四 王五',
    '编者按：本文系作者在研讨会上的发言。',
    '【编者按】医保改革进入深水区。',
    '责任编辑：赵六',
    '责编：赵六',
    '图片来源：视觉中国',
    '资料来源：国家统计局，健康界研究院整理',
    '数据来源：Wind',
    '原标题：推进医保商保一站式结算',
    '本文来源：动脉网',
    '记者：王芳',
    '审核：陈某 | 校对：刘某',
    '注：文中数据截至 2023 年底。',
    '参考文献：[1] 王某. 医保支付研究.',
    '本文转载自：健康界',
    '原文链接：https://example.com/a/1',
    '本报记者 张三 通讯员 李四',
    '文/王五',
    '文｜赵六',
    '（责任编辑：赵六）',
  ])('drops %s', (line) => {
    expect(isNoise(line)).toBe(true);
  });
});

describe('isNoise: captions, boilerplate, stray lines', () => {
  it.each([
    '图 1 2015~2019 年中国智慧医疗市场规模',
    '图1：全国医保基金收支情况',
    '表 2 四川省 DRG 分组目录',
    '图为德国纽伦堡医谷一角',
    '▲ 西门子医疗博物馆',
    '（图片来源：网络）',
    '点击蓝字关注我们',
    '点击上方“医周药事”关注公众号',
    '长按二维码识别关注',
    '扫一扫 关注药城公众号',
    '点个在看，分享给更多朋友',
    '转载请注明出处',
    '推荐阅读',
    '2024-11-18',
    '2024年11月18日 14:30',
    '—— ——',
    '123',
    '（完）',
  ])('drops %s', (line) => {
    expect(isNoise(line)).toBe(true);
  });

  it.each([
    BODY,
    '来源于基层的创新做法，正在全省推广。',
    '作者认为，集采将进入常态化阶段。',
    '图表显示，医保基金支出增速放缓。',
    '注重预防的医疗模式正在形成。',
    '扫码支付已在全市定点药店普及，群众购药更加方便快捷，医保结算效率明显提升。',
    '2024 年全国医保基金总收入 3.5 万亿元。',
    'DRG/DIP 支付方式改革全面推开',
    '记者从国家医保局获悉，第十批集采将于近期开展。',
    '图书馆、文化馆等公共设施全面开放。',
    '图书馆、文化馆',
    '记者节',
  ])('keeps body text: %s', (line) => {
    expect(isNoise(line)).toBe(false);
  });

  it('keeps a long paragraph that merely mentions a follow prompt', () => {
    const long = '平台上线后，参保人点击关注“医保服务”公众号即可查询个人账户。' + BODY.repeat(3);
    expect(isNoise(long)).toBe(false);
  });
});

describe('cleanText', () => {
  it('drops circled note marks after words but keeps enumerators', () => {
    expect(cleanText('这是我国首部医保基金监管法规①。')).toBe('这是我国首部医保基金监管法规。');
    expect(cleanText('医保局成立②，改变了局面')).toBe('医保局成立，改变了局面');
    expect(cleanText('主要措施：①统一编码；②统一平台。')).toBe('主要措施：①统一编码；②统一平台。');
  });

  it('drops bracketed reference marks', () => {
    expect(cleanText('全球市场规模约 973 亿美元[1]，预计继续增长[2-3]。')).toBe('全球市场规模约 973 亿美元，预计继续增长。');
  });

  it('collapses runs of spaces and trims, keeping single spaces around digits', () => {
    expect(cleanText('  未来 5 年\u3000是关键期。  ')).toBe('未来 5 年 是关键期。');
    expect(cleanText('由 10 元调整为 15 元')).toBe('由 10 元调整为 15 元');
  });

  it('keeps decimals intact', () => {
    expect(cleanText('占比 85.2%，增长 3.5 个百分点。')).toBe('占比 85.2%，增长 3.5 个百分点。');
  });
});

describe('stripDateline', () => {
  it.each([
    ['新华社北京11月18日电（记者 张三）国家医保局18日发布通知，明确了新的支付标准。', '国家医保局18日发布通知，明确了新的支付标准。'],
    ['本报讯（记者 李四）近日，三明市医保局下发通知，调高药事服务费标准。', '近日，三明市医保局下发通知，调高药事服务费标准。'],
    ['【大河网讯】11月18日，河南省医保局召开新闻发布会介绍有关情况。', '11月18日，河南省医保局召开新闻发布会介绍有关情况。'],
    ['中新网11月18日电 国家卫生健康委在浙江省丽水市召开新闻发布会。', '国家卫生健康委在浙江省丽水市召开新闻发布会。'],
  ])('drops the dateline of %s', (input, expected) => {
    expect(stripDateline(input)).toBe(expected);
  });

  it('keeps a date that is the news itself', () => {
    const text = '11 月 18 日，国家卫生健康委在浙江省丽水市召开新闻发布会，介绍学习推广三明医改经验有关情况。';
    expect(stripDateline(text)).toBe(text);
  });

  it('keeps ordinary text', () => {
    expect(stripDateline(BODY)).toBe(BODY);
  });

  it('does not take a bracketed term after 电 for a reporter credit', () => {
    const text = '光伏发电（PV）产业近年发展迅速，医院屋顶光伏项目逐步推广。';
    expect(stripDateline(text)).toBe(text);
  });

  it.each([
    ['人民网消息（记者 李四）国家医保局近日印发通知，部署医保基金监管工作。', '国家医保局近日印发通知，部署医保基金监管工作。'],
    ['本报讯 近日，国家医保局印发通知，部署医保基金监管工作。', '近日，国家医保局印发通知，部署医保基金监管工作。'],
  ])('drops the credit-only dateline of %s', (input, expected) => {
    expect(stripDateline(input)).toBe(expected);
  });
});

describe('stripSpeakerLabel', () => {
  const title = '对话 | 国家卫健委发展研究中心主任傅卫：新医改的下一个“十年”';
  it('drops interview turn labels', () => {
    expect(stripSpeakerLabel('问：新医改的下一个十年，我们要关注什么？', title)).toBe('新医改的下一个十年，我们要关注什么？');
    expect(stripSpeakerLabel('答：经过十年的努力，我们取得了很大成效。', title)).toBe('经过十年的努力，我们取得了很大成效。');
  });
  it('drops the name of the speaker the title names', () => {
    expect(stripSpeakerLabel('傅卫：经过十年的努力，我们取得了很大成效，制度体系不断完善。', title)).toBe(
      '经过十年的努力，我们取得了很大成效，制度体系不断完善。',
    );
  });
  it('keeps a label the title does not name (it may be a lead-in, not a speaker)', () => {
    const text = '目标导向：实现更高质量、更加充分、更加可靠的医疗保障。';
    expect(stripSpeakerLabel(text, title)).toBe(text);
  });
});

describe('cleanBlocks', () => {
  it('keeps body paragraphs, headings and list items in order, and drops tables and figures', () => {
    const blocks: Block[] = [
      p('来源：河北新闻网'),
      p(BODY),
      { kind: 'heading', level: 1, runs: [{ text: '一、三方监管全流程' }] },
      { kind: 'figure', src: '', altText: '', caption: '图 1 周转金系统架构' },
      { kind: 'table', rows: [[{ paragraphs: [[{ text: '2020 年医保基金收入 2.4 万亿元。' }]] }]] },
      { kind: 'list', ordered: true, items: [{ runs: [{ text: '加强基金监管。' }] }, { runs: [{ text: '推进支付改革。' }] }] },
      { kind: 'quote', runs: [{ text: '这是一段引文，值得一读。' }] },
      p('责任编辑：赵六'),
    ];
    expect(cleanBlocks(blocks)).toEqual([
      { text: BODY, kind: 'body' },
      { text: '一、三方监管全流程', kind: 'heading' },
      { text: '加强基金监管。', kind: 'item' },
      { text: '推进支付改革。', kind: 'item' },
      { text: '这是一段引文，值得一读。', kind: 'body' },
    ]);
  });

  it('drops superscript note marks but keeps other superscript text', () => {
    const blocks: Block[] = [
      {
        kind: 'paragraph',
        runs: [{ text: '这是首部法规' }, { text: '1', superscript: true }, { text: '，面积 5 m' }, { text: '2', superscript: true }, { text: '。' }],
      },
    ];
    // A superscript digit is taken as a note mark: the clippings carry no units in superscript
    // that a 提要 would quote, and a stray "1" in a summary is worse than a lost exponent.
    expect(cleanBlocks(blocks)[0].text).toBe('这是首部法规，面积 5 m。');
  });

  it('strips a dateline only from the first body paragraph', () => {
    const line = '新华社北京11月18日电（记者 张三）国家医保局18日发布通知，明确了新的支付标准。';
    const out = cleanBlocks([p(line), p(line)]);
    expect(out[0].text).toBe('国家医保局18日发布通知，明确了新的支付标准。');
    expect(out[1].text).toBe(line);
  });

  it('judges each line of a paragraph with hard breaks on its own', () => {
    const blocks: Block[] = [{ kind: 'paragraph', runs: [{ text: `作者 | 张三\n${BODY}` }] }];
    expect(cleanBlocks(blocks)).toEqual([{ text: BODY, kind: 'body' }]);
  });

  it('returns nothing for an empty article', () => {
    expect(cleanBlocks([])).toEqual([]);
  });
});

describe('looksLikeHeading', () => {
  const run = (text: string, bold = false) => [{ text, ...(bold ? { bold: true } : {}) }];
  it.each(['一、智慧医疗产业发展背景', '（二）统一医保业务编码', '1. 国民健康意识提升', '3、完善协商谈判机制', '第二部分 国际经验'])(
    'takes the numbered line %s for a sub-heading',
    (text) => {
      expect(looksLikeHeading(run(text), text)).toBe(true);
    },
  );
  it('takes a short bold line for a sub-heading', () => {
    expect(looksLikeHeading(run('三方监管全流程资金安全有保障', true), '三方监管全流程资金安全有保障')).toBe(true);
  });
  it.each([
    ['a sentence', '一、智慧医疗产业发展迅速，市场规模持续扩大。'],
    ['a long numbered paragraph', `1. ${'加强医保基金监管，推进支付方式改革，'.repeat(3)}`],
    ['plain short text', '三方监管全流程资金安全有保障'],
    ['a year', '2024 年医保基金运行平稳'],
  ])('does not take %s for a sub-heading', (_label, text) => {
    expect(looksLikeHeading(run(text), text)).toBe(false);
  });
  it('does not take a paragraph with a bold phrase for a sub-heading', () => {
    const runs = [{ text: '重点：', bold: true }, { text: '加强监管' }];
    expect(looksLikeHeading(runs, '重点：加强监管')).toBe(false);
  });
  it('makes cleanBlocks mark the line as a heading', () => {
    expect(cleanBlocks([p('二、问题：智慧医疗发展面临八大挑战')])).toEqual([{ text: '二、问题：智慧医疗发展面临八大挑战', kind: 'heading' }]);
  });
});
