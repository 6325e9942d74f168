import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/content/blocks';
import { summarize } from '../../../../shared/summary/index';
import { fitOverlong, joinSentences, stripOpeningFiller, summaryLength } from '../../../../shared/summary/select';
import { splitSentences } from '../../../../shared/summary/segment';

const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });
const h = (text: string): Block => ({ kind: 'heading', level: 1, runs: [{ text }] });

// Realistic sentences of the genre (policy and industry news).
const LEAD =
  '促进优质医疗资源扩容下沉和区域均衡布局，对于解决基层医疗资源相对匮乏问题，缩小城乡卫生健康服务差距，推进基本公共卫生服务均等化、基本医疗服务均质化，提升医疗卫生服务可及性和人民群众获得感，具有十分重要的意义。';
const SECOND = '近年来，各地积极推进紧密型县域医共体建设，基层服务能力明显提升。';
const THIRD = '但也要看到，优质医疗资源总量不足、结构不合理、分布不均衡的问题依然存在。';
const TITLE = '推进优质医疗资源下沉，需在四方面下功夫';

/** Every sentence of the summary is a sentence of the source, and they keep the source order. */
function expectExtractiveInOrder(summary: string, source: string[]): void {
  const sentences = splitSentences(summary);
  expect(sentences.length).toBeGreaterThan(0);
  const positions = sentences.map((s) => source.indexOf(s));
  expect(positions.every((i) => i >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
}

describe('summarize', () => {
  it('takes a lead paragraph of reasonable length whole', () => {
    const out = summarize({ title: TITLE, blocks: [p('来源：人民网'), p(LEAD), p(SECOND + THIRD)] });
    expect(out).toBe(LEAD);
  });

  it('tops up a short lead with other sentences, in the article order', () => {
    const lead = '国家医保局近日印发通知，部署医保基金监管工作。';
    const rest = [
      '通知要求，各地要把维护基金安全作为首要任务，持续保持打击欺诈骗保高压态势。',
      '各级医保部门要强化大数据监管，推动智能监控全覆盖，提升监管的精准性和有效性。',
      '总之，医保基金监管要坚持宽严相济，构建全领域、全流程的基金安全防控机制。',
    ];
    const out = summarize({ title: '国家医保局部署医保基金监管工作', blocks: [p(lead), ...rest.map(p)] });
    expect(out.startsWith(lead)).toBe(true);
    expect(summaryLength(out)).toBeGreaterThan(summaryLength(lead));
    expectExtractiveInOrder(out, [lead, ...rest]);
  });

  it('never exceeds maxLength and never cuts a sentence', () => {
    const sentences = [LEAD, SECOND, THIRD, LEAD.replace('具有', '有')];
    const blocks = sentences.map(p);
    for (const maxLength of [60, 120, 200, 320]) {
      const out = summarize({ title: TITLE, blocks }, { targetLength: 190, maxLength });
      expect(summaryLength(out)).toBeLessThanOrEqual(maxLength);
      if (maxLength >= summaryLength(SECOND)) expectExtractiveInOrder(out, sentences);
    }
  });

  it('stays within maxLength when it closes sentences that lack a mark', () => {
    const bare = ['近年来各地积极推进紧密型县域医共体建设', '基层服务能力明显提升', '优质医疗资源总量不足的问题依然存在'];
    const total = bare.reduce((a, t) => a + summaryLength(t), 0);
    const out = summarize({ title: TITLE, blocks: bare.map(p) }, { maxLength: total + 2, targetLength: total + 2 });
    expect(summaryLength(out)).toBeLessThanOrEqual(total + 2);
    expect(out.endsWith('。')).toBe(true);
  });

  it('counts characters without spaces', () => {
    expect(summaryLength('未来 5 年是关键期。')).toBe(9);
  });

  it('when the lead sentence is over the limit, takes the best sentence that fits', () => {
    const long = LEAD.replace('具有十分重要的意义。', '') + LEAD; // one sentence, ~200 characters
    const out = summarize({ title: TITLE, blocks: [p(long + SECOND), p(THIRD)] }, { maxLength: 150, targetLength: 100 });
    expect(summaryLength(out)).toBeLessThanOrEqual(150);
    expectExtractiveInOrder(out, [SECOND, THIRD]);
  });

  it('when no sentence fits at all, keeps whole clauses of the lead and closes with 。', () => {
    const out = summarize({ title: TITLE, blocks: [p(LEAD)] }, { maxLength: 40, targetLength: 30 });
    expect(summaryLength(out)).toBeLessThanOrEqual(40);
    expect(out.endsWith('。')).toBe(true);
    expect(LEAD.startsWith(out.slice(0, -1))).toBe(true);
    expect(out.slice(0, -1).endsWith('，')).toBe(false);
  });

  it('skips a one-line teaser and a bare attributed quote to find the lead', () => {
    const teaser = '三明市药事服务费涨了！';
    const quote = '“其他省市可以参考。”在获悉消息后，资深业内人士表示。';
    const lead =
      '近日，三明市医保局、三明市卫健委下发《关于进一步完善药事服务费的通知》，通知明确，全市二级及以上公立医院将调高西药药事服务费，由 10 元每人次调整为三级医院 15 元每人次。';
    const out = summarize({ title: '药事服务费提价！三明医改再领先全国', blocks: [p(teaser), p(quote), p(lead), p(SECOND)] });
    expect(out.startsWith(lead)).toBe(true);
    expect(out).not.toContain(teaser);
  });

  it('passes over a hook that trails off or asks, for the paragraph that states the news', () => {
    const hook = '2020 年，心脏支架的“断崖式降价”给医院心血管内科浇了一盆凉水，虽然高值耗材被管控也只不过是时间问题……';
    const out = summarize({ title: TITLE, blocks: [p(hook), p(LEAD), p(SECOND)] });
    expect(out).toBe(LEAD);
  });

  it('takes as lead an early paragraph that restates the headline, after an opening statistic', () => {
    const stat = '据相关机构预测，到 2025 年，我国健康产业市场规模有望突破 10 万亿元大关，预估 2030 年市场规模将达到 16 万亿元。';
    const restated = '中国大健康行业前景巨大，即将成为我国主要经济支柱产业之一，是未来 10 年的最大机遇之一。在政策红利的不断释放下，大健康产业即将步入蓬勃发展期。';
    const out = summarize({ title: '我国大健康行业前景巨大，是未来 10 年的最大机遇之一', blocks: [p(stat), p(restated), p(SECOND)] });
    expect(out.startsWith(restated)).toBe(true);
    expect(out).not.toContain('据相关机构预测');
  });

  it('takes as lead an early paragraph that names the report of the headline in a later sentence', () => {
    const drivers = '利好政策密集出台，新基建加快推进，多种利好因素共同驱动中国智慧医疗进入行业高景气的黄金五年。2015~2019 年，中国智慧医疗年均复合增长率 28.3%。';
    const report =
      '中国智慧医疗加速发展的同时，也面临一些棘手的问题和挑战。基于此，研究院发起《中国智慧医疗 2021 十大发展趋势预测》研究，走访多家医院。';
    const out = summarize({ title: '中国智慧医疗 2021 十大发展趋势', blocks: [p(drivers), p(report), h('一、现状'), p(SECOND)] });
    expect(out.startsWith(report)).toBe(true);
    expect(out).not.toContain('利好因素');
  });

  it('prefers an early paragraph that fits whole over an opening too long to take whole', () => {
    const preface = Array.from({ length: 4 }, (_, i) => `${LEAD.replace('具有十分重要的意义。', '')}这是第${i + 1}层意思。`).join('');
    const abstract = '随着全球化、人口老龄化趋势的加剧和全球气候变化，人类面临的健康挑战日益复杂多样。科技创新为应对这些挑战提供了前所未有的机遇，科技的进步正重塑卫生健康管理范式。本文探讨当前面临的主要健康挑战与需求、存在的主要短板与不足，并提出科技创新应对健康挑战的建议。';
    expect(summaryLength(preface)).toBeGreaterThan(320);
    const out = summarize({ title: '科技创新应对健康挑战', blocks: [p(preface), p(abstract), h('一、主要挑战'), p(SECOND)] });
    expect(out).toBe(abstract);
  });

  it('takes the lead from above the first sub-heading', () => {
    const out = summarize({ title: TITLE, blocks: [p(LEAD), h('一、高位统筹'), p(SECOND + THIRD)] });
    expect(out).toBe(LEAD);
  });

  it('sums up an interview from its first answer, without the speaker label', () => {
    const intro = '带着这些问题，本刊记者对国家卫生健康委卫生发展研究中心主任傅卫开展了一次访谈。';
    const answer =
      '傅卫：经过十年的努力，我们取得了很大成效，中国特色基本医疗卫生制度基本建立，制度体系不断完善，医疗保障制度实现了十几亿人的全覆盖，居民健康水平提高，因病致贫的现象明显减少。';
    const out = summarize({
      title: '对话 | 国家卫健委发展研究中心主任傅卫：新医改的下一个“十年”',
      blocks: [p(intro), p('问：医改的下一步要关注什么？'), p(answer), p('问：医保局成立带来了哪些变化？'), p(`傅卫：${SECOND}`)],
    });
    expect(out.startsWith('经过十年的努力')).toBe(true);
    expect(out).not.toContain('傅卫：');
  });

  it('ignores tables, captions and credits', () => {
    const out = summarize({
      title: TITLE,
      blocks: [
        p('作者 | 张三'),
        { kind: 'figure', src: '', altText: '', caption: '图 1 优质医疗资源分布' },
        { kind: 'table', rows: [[{ paragraphs: [[{ text: '三级医院数量 3000 家。' }]] }]] },
        p(LEAD),
        p('责任编辑：李四'),
      ],
    });
    expect(out).toBe(LEAD);
  });

  it('returns an empty string for an article without text', () => {
    expect(summarize({ title: '空', blocks: [] })).toBe('');
    expect(summarize({ title: '空', blocks: [p('来源：新华社')] })).toBe('');
  });

  it('is deterministic', () => {
    const input = { title: TITLE, blocks: [p(LEAD), p(SECOND), p(THIRD)] };
    expect(summarize(input)).toBe(summarize(input));
  });
});

describe('joinSentences', () => {
  it('closes a summary that ends on a list item or an ellipsis with 。', () => {
    expect(joinSentences(['一是统筹规划；'])).toBe('一是统筹规划。');
    expect(joinSentences(['这里活跃着 500 多家医疗技术公司……'])).toBe('这里活跃着 500 多家医疗技术公司。');
    expect(joinSentences(['甲。', '乙。'])).toBe('甲。乙。');
  });
  it('closes a sentence that lacks its mark, so two never run together', () => {
    expect(joinSentences(['这里活跃着 500 多家医疗技术公司', '德国纽伦堡医谷非常看重创新。'])).toBe(
      '这里活跃着 500 多家医疗技术公司。德国纽伦堡医谷非常看重创新。',
    );
    expect(joinSentences(['他说：“可以参考。”', '随后离开'])).toBe('他说：“可以参考。”随后离开。');
    expect(joinSentences(['一是统筹规划；', '二是系统建设。'])).toBe('一是统筹规划；二是系统建设。');
  });
});

describe('fitOverlong', () => {
  it('keeps the longest run of whole clauses that fits', () => {
    expect(fitOverlong('医保部门要及时反馈质控情况，省医保局设立专门邮箱，收集意见建议。', 26)).toBe('医保部门要及时反馈质控情况，省医保局设立专门邮箱。');
  });
  it('returns empty when not even the first clause fits', () => {
    expect(fitOverlong('医保部门要及时反馈质控情况，省医保局设立专门邮箱。', 5)).toBe('');
  });
});

describe('stripOpeningFiller', () => {
  it('drops a reporting filler that opens the summary', () => {
    expect(stripOpeningFiller('据了解，近日，三明市医保局下发通知。')).toBe('近日，三明市医保局下发通知。');
    expect(stripOpeningFiller('记者从国家医保局获悉，第十批集采将于近期开展。')).toBe('第十批集采将于近期开展。');
  });
  it('keeps the sentence when little would remain or there is no filler', () => {
    expect(stripOpeningFiller('据悉，已完成。')).toBe('据悉，已完成。');
    expect(stripOpeningFiller('据统计，全国已有 49 个试点城市。')).toBe('据统计，全国已有 49 个试点城市。');
  });
});
