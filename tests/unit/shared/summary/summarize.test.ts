import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/content/blocks';
import { summarize } from '../../../../shared/summary/index';
import { summaryLength } from '../../../../shared/summary/select';
import { splitSentences } from '../../../../shared/summary/segment';

const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }] });

// Realistic sentences of the genre (from the 2024-W47 clippings).
const LEAD =
  '促进优质医疗资源扩容下沉和区域均衡布局，对于解决基层医疗资源相对匮乏问题，缩小城乡卫生健康服务差距，推进基本公共卫生服务均等化、基本医疗服务均质化，提升医疗卫生服务可及性和人民群众获得感，具有十分重要的意义。';
const SECOND = '近年来，各地积极推进紧密型县域医共体建设，基层服务能力明显提升。';
const THIRD = '但也要看到，优质医疗资源总量不足、结构不合理、分布不均衡的问题依然存在。';

describe('summarize', () => {
  it('returns whole sentences of the article, in the article order', () => {
    const out = summarize({ title: '推进优质医疗资源下沉，需在四方面下功夫', blocks: [p(LEAD), p(SECOND + THIRD)] });
    const sentences = splitSentences(out);
    const source = [LEAD, SECOND, THIRD];
    expect(sentences.length).toBeGreaterThan(0);
    for (const s of sentences) expect(source).toContain(s);
    const positions = sentences.map((s) => source.indexOf(s));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('never exceeds maxLength', () => {
    const blocks = [p(LEAD), p(SECOND), p(THIRD), p(LEAD.replace('具有', '有'))];
    for (const maxLength of [60, 120, 200, 320]) {
      const out = summarize({ title: 't', blocks }, { targetLength: 190, maxLength });
      expect(summaryLength(out)).toBeLessThanOrEqual(maxLength);
    }
  });

  it('returns an empty string for an article without text', () => {
    expect(summarize({ title: '空', blocks: [] })).toBe('');
  });

  it('is deterministic', () => {
    const input = { title: '推进优质医疗资源下沉', blocks: [p(LEAD), p(SECOND), p(THIRD)] };
    expect(summarize(input)).toBe(summarize(input));
  });
});
