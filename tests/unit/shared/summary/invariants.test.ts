// Invariants of summarize() over many generated articles: within the limit, whole sentences of
// the article, in its order. Articles are assembled from real sentences of the genre with a
// seeded generator, so every run checks the same cases.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/content/blocks';
import { summarize } from '../../../../shared/summary/index';
import { splitSentences } from '../../../../shared/summary/segment';
import { summaryLength } from '../../../../shared/summary/select';
import { seededRandom } from '../../../helpers/random';

const SENTENCES = [
  '国家组织药品集中采购和使用是一项重大机制改革，是深化医改的重要突破口，是降药价、促医改、保民生的重大举措。',
  '随着中共中央、国务院《关于深化医疗保障制度改革的意见》等系列文件的出台，全国各地都纷纷拉开了持续降低药品价格虚高的序幕。',
  '如何深入落实好国家组织药品集中采购和使用任务，已经成为各级医保部门当下的重要课题。',
  '王仁元说：“浙江省着重从抓三个高入手。我们始终把群众放在心上。”',
  '毛利率保持在 85.2%，净利率接近 40%。',
  '那 DRG 和这个有什么关系呢？',
  'DRG 是医保用来整合资源的一种工具，希望利用 DRG 来扭转现在的医疗价格偏低、以药养医、以耗养医的局面。',
  '一是统筹规划；',
  '二是系统建设。',
  '总之，医保基金的监管在《条例》通过后将迈上一个新的台阶。',
  '三明市药事服务费涨了！',
  '据了解，近日，三明市医保局下发通知，调高药事服务费标准。',
  '这里活跃着 500 多家医疗技术公司……',
  '截至 2023 年底，全国 60 周岁及以上老年人口 29697 万人，占总人口的 21.1%，65 周岁及以上老年人口 21676 万人。',
  '分级诊疗体系建设是党的二十届三中全会关于深化医药卫生体制改革的一项重要部署，是满足人民群众看病就医需求的治本之策，未来 5 年是加快建设分级诊疗体系的关键期，我们要围绕省、市县、基层三方面目标，落实新时代党的卫生与健康工作方针，以基层为重点，加快推进优质医疗资源扩容下沉和区域均衡布局，提升基层医疗卫生服务能力，为群众提供就近就便、系统连续的卫生健康服务，不断增强人民群众的获得感、幸福感和安全感，推动卫生健康事业高质量发展，为健康中国建设奠定坚实基础。',
];


function article(seed: number): { blocks: Block[]; sentences: string[] } {
  const next = seededRandom(seed);
  const blocks: Block[] = [];
  const sentences: string[] = [];
  const paragraphs = 1 + Math.floor(next() * 8);
  for (let p = 0; p < paragraphs; p++) {
    if (p > 0 && next() < 0.2) blocks.push({ kind: 'heading', level: 1, runs: [{ text: `${'一二三四五'[p % 5]}、工作进展` }] });
    const picked = Array.from({ length: 1 + Math.floor(next() * 4) }, () => SENTENCES[Math.floor(next() * SENTENCES.length)]);
    sentences.push(...picked);
    blocks.push({ kind: 'paragraph', runs: [{ text: picked.join('') }] });
  }
  return { blocks, sentences };
}

describe('summarize invariants', () => {
  const limits = [40, 80, 120, 190, 250, 320];
  for (let seed = 1; seed <= 60; seed++) {
    it(`article #${seed}`, () => {
      const { blocks, sentences } = article(seed);
      const maxLength = limits[seed % limits.length];
      const targetLength = Math.min(maxLength, 190);
      const out = summarize({ title: '医保基金监管与药品集中采购', blocks }, { maxLength, targetLength });
      expect(summaryLength(out)).toBeLessThanOrEqual(maxLength);
      const body = sentences.join('');
      // Whole sentences of the body (the 提要 may drop an opening 据了解， and close with 。)…
      const parts = splitSentences(out);
      let from = 0;
      for (const part of parts) {
        const core = part.replace(/[。；;…]+$/, '');
        const at = body.indexOf(core, from);
        expect(at, `${out}\n— not found in order: ${part}`).toBeGreaterThanOrEqual(0);
        from = at + core.length;
      }
      // …unless nothing fits at all, when whole clauses of the lead close with 。.
      if (out !== '') expect(/[。！？!?”’）)]$/.test(out)).toBe(true);
    });
  }

  it('clamps odd options instead of failing', () => {
    const { blocks } = article(7);
    expect(summaryLength(summarize({ title: 't', blocks }, { targetLength: 500, maxLength: 100 }))).toBeLessThanOrEqual(100);
    expect(summaryLength(summarize({ title: 't', blocks }, { targetLength: 0, maxLength: 0 }))).toBeLessThanOrEqual(1);
    expect(typeof summarize({ title: '', blocks }, {})).toBe('string');
  });
});
