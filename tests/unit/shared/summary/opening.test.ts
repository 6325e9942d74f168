import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/content/blocks';
import { summarize } from '../../../../shared/summary/index';
import { scoreSentences } from '../../../../shared/summary/score';
import { segmentParagraphs } from '../../../../shared/summary/segment';
import { selectSentences } from '../../../../shared/summary/select';
import { backgroundOpening, findPreamble, preambleEnd, type OpeningParagraph } from '../../../../shared/summary/opening';

const body = (text: string): OpeningParagraph => ({ text, heading: false });
const head = (text: string): OpeningParagraph => ({ text, heading: true });
const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });
const h = (text: string): Block => ({ kind: 'heading', level: 1, runs: [{ text }] });

const NEWS_LEAD = '11月18日，国家卫生健康委召开新闻发布会，介绍学习推广三明医改经验有关情况。';
const PLAIN = '各地积极推进紧密型县域医共体建设，基层服务能力明显提升。';

describe('backgroundOpening', () => {
  it('recognises a year framed as a milestone', () => {
    expect(backgroundOpening('2020 年是十三五计划的收官之年。在十三五计划中……')).toBe(true);
    expect(backgroundOpening('2021年作为“十四五”开局之年，医保改革全面提速。')).toBe(true);
    expect(backgroundOpening('今年是深化医改的关键之年。')).toBe(true);
  });

  it('recognises a textbook definition of the subject', () => {
    expect(backgroundOpening('“互联网医院”是指以实体医院为依托的一站式服务平台。')).toBe(true);
    expect(backgroundOpening('数字疗法指的是基于软件程序的循证治疗干预。')).toBe(true);
    expect(backgroundOpening('所谓“数字疗法”，是指基于软件程序的循证治疗干预。')).toBe(true);
  });

  it('leaves news leads and plain statements alone', () => {
    expect(backgroundOpening(NEWS_LEAD)).toBe(false);
    expect(backgroundOpening('2021年2月，国务院发布了《医疗保障基金使用监督管理条例》。')).toBe(false);
    expect(backgroundOpening('智慧医疗是 5G 技术在物联网的应用中的重要场景。')).toBe(false);
    expect(backgroundOpening('分级诊疗体系建设是党的二十届三中全会关于深化医药卫生体制改革的一项重要部署。')).toBe(false);
    // A definition later in the sentence is not an opening definition.
    expect(backgroundOpening('实际上儿童用药的短缺，并不是泛指儿童无药可用，而是指缺乏适用的剂型。')).toBe(false);
  });
});

describe('preambleEnd', () => {
  it('is 0 for an ordinary news lead', () => {
    expect(preambleEnd([body(NEWS_LEAD), head('一、点面结合'), body(PLAIN)])).toBe(0);
    expect(preambleEnd([body(NEWS_LEAD), body(PLAIN), body(PLAIN)])).toBe(0);
  });

  it('is 0 when the opening asks a single question', () => {
    expect(preambleEnd([body(NEWS_LEAD), body('这意味着什么？'), body(PLAIN)])).toBe(0);
  });

  it('skips a preamble that poses the questions the article answers', () => {
    const paragraphs = [
      body('第四次工业革命是社会生产方式的变革。'),
      body('如何理解未来医疗？数字化将在其中扮演何种角色？分析师在近期的演讲中作出了解读。'),
      head('医保控费加速全产业链变革'),
      body(PLAIN),
    ];
    expect(preambleEnd(paragraphs)).toBe(2);
  });

  it('skips a rhetorical run-up of questions past its last question, without sub-headings', () => {
    const paragraphs = [
      body('去年，心脏支架大幅降价，心内科收入大受影响。'),
      body('此篇文章我们来聊聊骨科，心脏支架之后，骨科还能坚持多久？'),
      body('骨科耗材的利润有多高呢？'),
      body(PLAIN),
      body(PLAIN),
    ];
    expect(preambleEnd(paragraphs)).toBe(3);
  });

  it('skips background above the first sub-heading whole', () => {
    const paragraphs = [body('2020 年是十三五计划的收官之年。'), body(PLAIN), body(PLAIN), head('一、现状'), body(NEWS_LEAD)];
    expect(preambleEnd(paragraphs)).toBe(3);
  });

  it('skips only the first paragraph of background when no sub-heading follows soon', () => {
    const paragraphs = [body('“互联网医院”是指以实体医院为依托的一站式服务平台。'), ...Array.from({ length: 8 }, () => body(PLAIN))];
    expect(preambleEnd(paragraphs)).toBe(1);
  });

  it('never takes a dated news lead for a preamble', () => {
    const dated = [
      body('近日，国家医保局召开座谈会。如何推进医保支付方式改革？如何管好基金？与会代表展开讨论。'),
      body(PLAIN),
      body(PLAIN),
    ];
    expect(findPreamble(dated)).toEqual({ kind: 'none', end: 0 });
    const milestone = [body('2021 年是“十四五”开局之年。11月18日，国家卫生健康委召开新闻发布会。'), head('一、要点'), body(PLAIN)];
    expect(findPreamble(milestone)).toEqual({ kind: 'none', end: 0 });
  });

  it('does not count questions quoted from someone', () => {
    const paragraphs = [body('国家医保局发布新版药品目录。'), body('“药价为何这么高？怎么降？”不少患者这样问。'), body(PLAIN)];
    expect(findPreamble(paragraphs)).toEqual({ kind: 'none', end: 0 });
  });

  it('does not take questions asked deep into the opening for a preamble', () => {
    const paragraphs = [body(NEWS_LEAD.replace('11月18日，', '')), body(PLAIN), body(PLAIN), body('这意味着什么？还要多久？'), body(PLAIN)];
    expect(findPreamble(paragraphs)).toEqual({ kind: 'none', end: 0 });
  });

  it('never skips the whole article', () => {
    expect(preambleEnd([body('如何理解未来医疗？'), body('数字化将扮演何种角色？')])).toBe(0);
    expect(preambleEnd([body('2020 年是十三五计划的收官之年。')])).toBe(0);
  });
});

describe('findPreamble', () => {
  it('tells a preamble of questions from background', () => {
    const asks = [body('如何理解未来医疗？数字化将扮演何种角色？'), head('一、变革'), body(PLAIN)];
    expect(findPreamble(asks)).toEqual({ kind: 'questions', end: 1 });
    const background = [body('“互联网医院”是指以实体医院为依托的一站式服务平台。'), head('一、现状'), body(PLAIN)];
    expect(findPreamble(background)).toEqual({ kind: 'background', end: 1 });
    expect(findPreamble([body(NEWS_LEAD), body(PLAIN)])).toEqual({ kind: 'none', end: 0 });
  });

  it('looks for questions only above the first sub-heading', () => {
    const paragraphs = [body(NEWS_LEAD), head('一、问题'), body('如何定义复诊？如何判定病历的真实性？'), body(PLAIN)];
    expect(findPreamble(paragraphs)).toEqual({ kind: 'none', end: 0 });
  });
});

describe('summarize with a preamble', () => {
  it('after background, gathers key sentences instead of taking a paragraph whole', () => {
    const finding = '目前，互联网医院建设推进加速进行，越来越多的企业、医院及其他相关机构参与到互联网医院建设过程中。';
    const figures =
      '从市场规模来看，2018 年市场规模超过 490 亿元，2011-2018 年复合增长率高达 38.4%，预测到 2020 年市场规模有望突破 1000 亿元，问诊量约为 2.1-3.2 亿次。';
    const blocks = [
      p('“互联网医院”是指以实体医院为依托，以复诊和常规咨询为主的一站式服务平台。'),
      h('一、市场需求驱动互联网医院快速发展'),
      p(`互联网医疗市场需求指数式增长。${figures}`),
      h('二、互联网医院盈利模式尚不成熟'),
      p(finding),
      p('但就已建成的互联网医院的经营状态来看，互联网医院盈利模式尚不成熟，大多还处于占领市场并持续探索的状态。'),
    ];
    const out = summarize({ title: '互联网医院发展研究报告', blocks });
    expect(out).not.toContain('是指');
    expect(out).not.toContain(figures);
    expect(out).toContain(finding);
  });


  it('starts the 提要 after a preamble of questions', () => {
    const thesis = '任何一个行业的发展都需要技术创新、消费需求升级等推动力量，对于中国医疗健康产业而言，支付方变革将是未来推动产业发展的主导性力量。';
    const out = summarize({
      title: '未来医疗数字化将成发展新趋势',
      blocks: [
        p('第四次工业革命是由互联网、物联网、大数据等技术所驱动的社会生产方式变革。'),
        p('如何理解未来医疗，2050 年的医疗健康产业又将会变成什么模样？数字化将在其中扮演何种角色？'),
        h('医保控费加速医疗健康行业全产业链变革'),
        p(thesis),
        p(PLAIN),
      ],
    });
    expect(out.startsWith(thesis)).toBe(true);
    expect(out).not.toContain('工业革命');
  });

  it('keeps the lead of an interview at its first answer', () => {
    const out = summarize({
      title: '对话 | 傅卫：新医改的下一个“十年”',
      blocks: [
        p('带着这些问题，本刊记者开展了一次访谈。'),
        p('问：医改的下一步要关注什么？'),
        p('傅卫：经过十年的努力，我们取得了很大成效，中国特色基本医疗卫生制度基本建立，制度体系不断完善。'),
        p('问：医保局成立带来了哪些变化？'),
        p(`傅卫：${PLAIN}`),
      ],
    });
    expect(out.startsWith('经过十年的努力')).toBe(true);
  });
});

describe('selectSentences without a whole lead', () => {
  const first = '互联网医疗市场需求指数式增长，互联网医院建设进入加速期。';
  const figures =
    '从市场规模来看，2018 年市场规模超过 490 亿元，2011-2018 年复合增长率高达 38.4%，预测到 2020 年市场规模有望突破 1000 亿元，问诊量约为 2.1-3.2 亿次，日均问诊量约为 2000-3000 次。';
  const finding = '目前，互联网医院盈利模式尚不成熟，大多还处于占领市场并持续探索的状态，互联网医院建设运营还面临顶层设计不完善等亟待解决的问题。';
  const scored = scoreSentences(segmentParagraphs([first + figures, '各地积极推进互联网医院建设。', finding]), {
    title: '互联网医院发展研究报告',
    paragraphCount: 3,
  });

  it('takes the lead paragraph whole by default', () => {
    expect(selectSentences(scored, { targetLength: 190, maxLength: 320 })).toBe(first + figures);
  });

  it('takes the lead sentence and gathers the best others, however long the lead, when told so', () => {
    const out = selectSentences(scored, { targetLength: 190, maxLength: 320, wholeLead: false });
    expect(out.startsWith(first)).toBe(true);
    expect(out).toContain(finding);
  });
});
