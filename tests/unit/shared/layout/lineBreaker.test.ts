import { describe, expect, it } from 'vitest';
import { buildAtoms, fullWidthPunctuation, type StyledRun } from '../../../../shared/layout/atoms';
import { isLineEndProhibited, isLineStartProhibited } from '../../../../shared/layout/charClasses';
import { breakLines, type BreakOptions, type Line } from '../../../../shared/layout/lineBreaker';
import { lineItems } from '../../../../shared/layout/lineItems';
import type { TextItem } from '../../../../shared/layout/types';
import { fakeMetrics } from './fakeMetrics';

const SIZE = 10;
const metrics = fakeMetrics();

function set(text: string | StyledRun[], opts: Partial<BreakOptions> = {}, onMissing?: (c: string) => void): Line[] {
  const runs = typeof text === 'string' ? [{ text, font: 'serif' as const, size: SIZE }] : text;
  const o: BreakOptions = { width: 10 * SIZE, align: 'justify', ...opts };
  return breakLines(buildAtoms(runs, metrics, onMissing, { maxWidth: o.width - (o.firstIndent ?? 0) }), o);
}

const textOf = (line: Line): string => line.placed.map((p) => p.atom.text).join('');
const texts = (lines: Line[]): string[] => lines.map(textOf);

function assertProhibitions(lines: Line[]): void {
  for (const line of lines) {
    const t = textOf(line);
    expect(isLineStartProhibited([...t][0]), `starts with a closing mark: ${t}`).toBe(false);
    expect(isLineEndProhibited([...t].pop() ?? ''), `ends with an opening mark: ${t}`).toBe(false);
  }
}

describe('breakLines', () => {
  it('fills a measure that is a whole number of ems with Han characters, no stretch', () => {
    const lines = set('医疗保障是减轻群众就医负担增进民生福祉维护社会和谐稳定的重');
    expect(texts(lines)).toEqual(['医疗保障是减轻群众就', '医负担增进民生福祉维', '护社会和谐稳定的重']);
    expect(lines[0].stretch).toBe(0);
    expect(lines[0].width).toBeCloseTo(100, 5);
    expect(lines[2].justified).toBe(false);
  });

  it('never starts a line with a comma: the break moves back one character and the line is stretched', () => {
    const lines = set('一二三四五六七八九十，一二三');
    assertProhibitions(lines);
    expect(texts(lines)[0]).toBe('一二三四五六七八九');
    expect(lines[0].width).toBeCloseTo(100, 5);
    expect(lines[0].stretch).toBeCloseTo(10 / 8, 5);
  });

  it('compresses 。” and the line-end mark so a stop and a quote still fit the line', () => {
    const lines = set('一二三四五六七八九。”十一');
    expect(texts(lines)).toEqual(['一二三四五六七八九。”', '十一']);
    expect(lines[0].width).toBeCloseTo(100, 5);
    expect(lines[0].stretch).toBe(0);
  });

  it('never ends a line with an opening bracket', () => {
    const lines = set('一二三四五六七八九（十）一二三');
    assertProhibitions(lines);
    expect(texts(lines)[0]).toBe('一二三四五六七八九');
  });

  it('keeps —— and …… whole and off the line start', () => {
    for (const mark of ['——', '……']) {
      const lines = set(`一二三四五六七八九${mark}十一二`);
      assertProhibitions(lines);
      expect(texts(lines).some((t) => t.includes(mark))).toBe(true);
      expect(texts(lines)[1].startsWith(`九${mark}`)).toBe(true);
    }
  });

  it('keeps a number with its unit', () => {
    for (const tail of ['2024年', '3000 元', '85.2%']) {
      const lines = set(`一二三四五六七八${tail}的数据`);
      const joined = texts(lines);
      const unit = tail.slice(-1);
      const line = joined.find((t) => t.includes(unit)) ?? '';
      expect(line, joined.join('|')).toContain(tail.replace(' ', ''));
    }
  });

  it('puts a quarter em between Han and Latin, and normalises clipped spaces instead of doubling them', () => {
    const a = buildAtoms([{ text: '使用DRG付费', font: 'serif', size: SIZE }], metrics);
    const b = buildAtoms([{ text: '使用 DRG 付费', font: 'serif', size: SIZE }], metrics);
    expect(a.map((x) => x.glue)).toEqual([0, 0, 2.5, 2.5, 0]);
    expect(b.map((x) => x.glue)).toEqual(a.map((x) => x.glue));
    expect(b.map((x) => x.text)).toEqual(['使', '用', 'DRG', '付', '费']);
  });

  it('keeps Latin words whole and breaks only at spaces between them', () => {
    const lines = set('国际 Healthcare Information and Management Systems Society 的标准');
    for (const line of lines) for (const p of line.placed) expect(p.atom.text).not.toMatch(/^\s|\s$/);
    const words = lines.flatMap((l) => l.placed.map((p) => p.atom.text));
    expect(words).toContain('Healthcare');
    expect(words).toContain('Management');
  });

  it('never leaves a lone character as the last line', () => {
    const lines = set('一二三四五六七八九十一二三四五六七八九十完', { avoidLoneLastLine: true });
    expect(texts(lines).pop()?.length).toBeGreaterThan(1);
    const withMark = set('一二三四五六七八九十一二三四五六七八九十完。', { avoidLoneLastLine: true });
    expect([...(texts(withMark).pop() ?? '')].filter((c) => c !== '。').length).toBeGreaterThan(1);
  });

  it('sets every line but the last flush on both edges', () => {
    const text =
      '2020年2月，中共中央、国务院发布《关于深化医疗保障制度改革的意见》，明确提出“到2030年，全面建成以基本医疗保险为主体，医疗救助为托底，补充医疗保险、商业健康保险、慈善捐赠、医疗互助共同发展的医疗保障制度体系”。2023年全国商业健康保险保费收入9035亿元，DRG/DIP 支付方式改革三年行动计划。';
    const lines = set(text, { width: 23 * SIZE, firstIndent: 2 * SIZE });
    assertProhibitions(lines);
    lines.slice(0, -1).forEach((line) => expect(line.width + line.indent).toBeCloseTo(230, 1));
    expect(lines.map(textOf).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('holds prohibitions on long real paragraphs at many measures', () => {
    const text =
      '党的二十大报告明确提出要“建立长期护理保险制度”（以下简称“长护险”），为长护险的长期发展指明了方向。今年政府工作报告再次重申，推进建立长护险制度。近期，多项长护险配套细则和标准发布，这意味着长护险即将走向全面推进的关键节点。“十四五”期间……国家医保局——以及各地医保部门——持续推进。';
    for (let em = 7; em <= 30; em++) {
      const lines = set(text, { width: em * SIZE, firstIndent: 2 * SIZE, avoidLoneLastLine: true });
      assertProhibitions(lines);
      expect(lines.map(textOf).join('')).toBe(text);
      lines.slice(0, -1).forEach((line) => expect(line.width + line.indent).toBeCloseTo(em * SIZE, 1));
    }
  });

  it('keeps a no-break run on one line (——第 18 页)', () => {
    const lines = set([
      { text: '凝心聚力攻坚克难扎实推进', font: 'sansBold', size: SIZE },
      { text: '——第 18 页', font: 'sans', size: SIZE, noBreak: true },
    ]);
    const withRef = texts(lines).find((t) => t.includes('第')) ?? '';
    expect(withRef).toContain('——第18页');
  });

  it('reports a character the faces lack and sets it with a fallback face', () => {
    let reported = '';
    const lines = set('笑脸\u{1F600}符号', {}, (c) => (reported += c));
    expect(reported).toBe('\u{1F600}');
    const atom = lines[0].placed.find((p) => p.atom.text === '\u{1F600}')?.atom;
    expect(atom?.font).toBe('extra');
    expect(atom?.fallback).toBe(true);
  });

  it('centers and right-aligns without stretching', () => {
    const [c] = set('本期视点', { align: 'center' });
    expect(c.indent).toBeCloseTo(30, 5);
    expect(c.stretch).toBe(0);
    const [r] = set('返回目录', { align: 'right' });
    expect(r.indent).toBeCloseTo(60, 5);
  });
});

describe('fullWidthPunctuation', () => {
  it('sets half-width marks typed in Chinese text full-width', () => {
    expect(fullWidthPunctuation('傅卫:新医改的下一个“十年”,我们要关注什么?')).toBe('傅卫：新医改的下一个“十年”，我们要关注什么？');
    expect(fullWidthPunctuation('按疾病诊断相关分组(DRG)付费')).toBe('按疾病诊断相关分组（DRG）付费');
    expect(fullWidthPunctuation('存在的主要"短板"与不足')).toBe('存在的主要“短板”与不足');
    expect(fullWidthPunctuation('he said "ok" and left')).toBe('he said "ok" and left');
  });

  it('leaves numbers, Latin text and unpaired brackets alone', () => {
    expect(fullWidthPunctuation('收入3,000元')).toBe('收入3,000元');
    expect(fullWidthPunctuation('see (Smith, 2020): done')).toBe('see (Smith, 2020): done');
    expect(fullWidthPunctuation('见图1)')).toBe('见图1)');
  });

  it('is applied by the atoms of body text only when asked', () => {
    const runs = [{ text: '傅卫:新医改', font: 'serif' as const, size: SIZE }];
    expect(buildAtoms(runs, metrics).map((a) => a.text).join('')).toBe('傅卫:新医改');
    expect(buildAtoms(runs, metrics, undefined, { fullWidthPunctuation: true }).map((a) => a.text).join('')).toBe('傅卫：新医改');
  });
});

describe('compression inside a line', () => {
  it('pulls a closing mark into the line by setting the marks inside it tighter, instead of pushing a character out', () => {
    // 10 em: 一二，三四，五六七八 is 10 em; the 。 after it may not start a line. Pushing out would
    // move 八 down and stretch the line; the commas' blank halves make room for 。 instead.
    const lines = set('一二，三四，五六七八。九十一二三');
    expect(texts(lines)[0]).toBe('一二，三四，五六七八。');
    expect(lines[0].width).toBeCloseTo(100, 5);
    expect(lines[0].stretch).toBe(0);
    const commas = lines[0].placed.filter((p) => p.atom.text === '，');
    for (const c of commas) expect(c.advance).toBeLessThan(10);
  });

  it('does not squeeze marks when the natural break is allowed', () => {
    const lines = set('一二，三四，五六七八九十一二三');
    expect(texts(lines)[0]).toBe('一二，三四，五六七八');
    for (const p of lines[0].placed) if (p.atom.text === '，') expect(p.advance).toBe(10);
  });
});

describe('long Latin words', () => {
  it('breaks a long URL at its slashes, and cuts a word wider than the measure', () => {
    const url = 'http://www.nhsa.gov.cn/art/2024/11/18/art_14_14569.html?from=weixin&share=1';
    const lines = set(`详见国家医保局网站${url}的公告`, { width: 20 * SIZE });
    for (const line of lines) expect(line.width + line.indent).toBeLessThanOrEqual(20 * SIZE + 0.01);
    expect(lines.map(textOf).join('')).toBe(`详见国家医保局网站${url}的公告`);
    const word = 'A'.repeat(60);
    const cut = set(word, { width: 10 * SIZE });
    expect(cut.length).toBeGreaterThanOrEqual(3);
    for (const line of cut) expect(line.width).toBeLessThanOrEqual(10 * SIZE + 0.01);
    expect(cut.map(textOf).join('')).toBe(word);
  });
});

describe('spaces between Han characters', () => {
  it('keeps a space typed between Han words (names, title phrases) as a quarter em, drops one next to a mark', () => {
    const names = buildAtoms([{ text: '张三 李四', font: 'serif', size: SIZE }], metrics);
    expect(names.map((a) => a.glue)).toEqual([0, 0, 2.5, 0]);
    expect(names[2].glueIsSpace).toBe(true);
    const mark = buildAtoms([{ text: '医保， 医疗', font: 'serif', size: SIZE }], metrics);
    expect(mark.map((a) => a.glue)).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('lineItems', () => {
  it('draws an evenly spaced run as one letter-spaced item, and places pieces where marks are compressed', () => {
    const [even] = set('一二三四五六七八九十，一二三');
    const items = lineItems(even, 0, 10).filter((i): i is TextItem => i.kind === 'text');
    expect(items).toHaveLength(1);
    expect(items[0].pieces).toBeUndefined();
    expect(items[0].charSpacing).toBeCloseTo(even.stretch, 6);
    const [squeezed] = set('一二，三四，五六七八。九十一二三');
    const placed = lineItems(squeezed, 0, 10).filter((i): i is TextItem => i.kind === 'text');
    expect(placed[0].pieces?.map((p) => p.text).join('')).toBe('一二，三四，五六七八。');
    const dx = placed[0].pieces!.map((p) => p.dx);
    for (let k = 1; k < dx.length; k++) expect(dx[k]).toBeGreaterThan(dx[k - 1]);
  });
});
