import { describe, expect, it } from 'vitest';
import { styleScore } from '../../../../shared/summary/score';

const FACT = '2020 年 11 月，省医保局智能监管系统信息化平台顺利交付，成为全国首个上线的省级智能监管系统。';

describe('styleScore key points', () => {
  it('ranks a sentence the writer flags as a key point above the same sentence unflagged', () => {
    for (const flag of ['值得关注的是，', '值得注意的是，', '需要指出的是，', '更重要的是，']) {
      expect(styleScore(flag + FACT)).toBeGreaterThan(styleScore(FACT));
    }
  });

  it('does not take an aside or a flag inside the sentence for a key point', () => {
    expect(styleScore(`值得一提的是，${FACT}`)).toBeLessThanOrEqual(styleScore(FACT));
    expect(styleScore(`据介绍，值得关注的是${FACT}`)).toBeLessThanOrEqual(styleScore(FACT));
  });
});
