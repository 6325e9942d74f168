import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../shared/content/blocks';
import { blockSlices } from '../../../../shared/layout/blockFlow';
import { tagger } from '../../../../shared/layout/flowContext';
import { looksLikeHeaderRow } from '../../../../shared/layout/tableFlow';
import { paginate, type Frame, type Slice } from '../../../../shared/layout/paginate';
import { pageStyle } from '../../../../shared/layout/pageStyle';
import { Typesetter } from '../../../../shared/layout/typesetter';
import type { PageItem, TextItem } from '../../../../shared/layout/types';
import { fakeMetrics } from './fakeMetrics';

const frame: Frame = { left: 50, top: 100, bottom: 200 }; // room for exactly 10 slices of 10

function line(label: string, extra: Partial<Slice> = {}): Slice {
  return {
    height: 10,
    spaceBefore: 0,
    keepWithNext: false,
    render: (x, y): PageItem[] => [{ kind: 'text', x, y, text: label, font: 'serif', size: 10, charSpacing: 0 }],
    ...extra,
  };
}

function paragraph(name: string, n: number): Slice[] {
  return Array.from({ length: n }, (_, k) => line(`${name}${k + 1}`, { keepWithNext: n >= 2 && (k === 0 || k === n - 2) }));
}

const labels = (page: PageItem[]): string[] => page.filter((i): i is TextItem => i.kind === 'text').map((i) => i.text);

describe('paginate', () => {
  it('fills pages top to bottom and records marks', () => {
    const slices = paragraph('a', 25);
    slices[12].mark = 'm';
    const p = paginate(slices, frame);
    expect(p.pages.map((pg) => pg.length)).toEqual([10, 10, 5]);
    expect(p.marks.get('m')).toBe(1);
    const first = p.pages[0][0] as TextItem;
    expect([first.x, first.y]).toEqual([50, 100]);
  });

  it('never leaves the last line of a paragraph alone at a page top (widow)', () => {
    const p = paginate([...paragraph('a', 9), ...paragraph('b', 2)], frame);
    expect(labels(p.pages[1])).toEqual(['b1', 'b2']);
    const q = paginate([...paragraph('a', 8), ...paragraph('b', 3)], frame);
    expect(labels(q.pages[1])).toEqual(['b1', 'b2', 'b3']);
    const r = paginate([...paragraph('a', 5), ...paragraph('b', 6)], frame);
    expect(labels(r.pages[0]).pop()).toBe('b4');
    expect(labels(r.pages[1])).toEqual(['b5', 'b6']);
  });

  it('never leaves the first line of a paragraph alone at a page bottom (orphan)', () => {
    const p = paginate([...paragraph('a', 9), ...paragraph('b', 5)], frame);
    expect(labels(p.pages[0])).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9']);
    expect(labels(p.pages[1])[0]).toBe('b1');
  });

  it('keeps a heading with the first lines after it, so no page ends with a heading', () => {
    const heading = line('H', { keepWithNext: true, isHeading: true, spaceBefore: 5 });
    const p = paginate([...paragraph('a', 8), heading, ...paragraph('b', 4)], frame);
    expect(p.endsWithHeading.every((e) => !e)).toBe(true);
    expect(labels(p.pages[1]).slice(0, 3)).toEqual(['H', 'b1', 'b2']);
    // the heading's space before is dropped at the page top
    expect((p.pages[1][0] as TextItem).y).toBe(100);
  });

  it('breaks before a slice that asks for a new page, and repeats a table header row', () => {
    const header = line('TH');
    const rows = Array.from({ length: 14 }, (_, k) => line(`r${k + 1}`, { repeatHeader: header }));
    const p = paginate([line('x'), line('y', { pageBreakBefore: true }), header, ...rows], frame);
    expect(labels(p.pages[0])).toEqual(['x']);
    expect(labels(p.pages[2])[0]).toBe('TH');
    expect(labels(p.pages[1]).concat(labels(p.pages[2]).slice(1))).toEqual(['y', 'TH', ...rows.map((_, k) => `r${k + 1}`)]);
  });
});

describe('block flow', () => {
  const ts = new Typesetter(fakeMetrics());
  const style = pageStyle({ size: 'A4' });
  const missing: string[] = [];
  const ctx = { ts, style, tag: tagger('t'), onMissing: (c: string): void => void missing.push(c) };

  it('indents paragraphs by two ems and sets them on the body grid', () => {
    const blocks: Block[] = [{ kind: 'paragraph', runs: [{ text: '　　医疗保障是减轻群众就医负担、增进民生福祉、维护社会和谐稳定的重大制度安排。'.repeat(3) }] }];
    const slices = blockSlices(blocks, ctx);
    expect(slices.length).toBeGreaterThan(1);
    for (const s of slices) expect(s.height).toBeCloseTo(style.body.leading, 5);
    const first = slices[0].render(0, 0).find((i): i is TextItem => i.kind === 'text');
    expect(first?.x).toBeCloseTo(2 * style.body.size, 5);
    expect(first?.text.startsWith('医')).toBe(true); // typed ideographic spaces removed, not doubled
  });

  it('sets a header-less table as a grid, one slice per row, columns as wide as the measure', () => {
    const cell = (t: string) => ({ paragraphs: [[{ text: t }]] });
    const table: Block = { kind: 'table', rows: [[cell('政策名称'), cell('发布时间')], [cell('《关于深化医疗保障制度改革的意见》'), cell('2020年2月')]] };
    const slices = blockSlices([table], ctx);
    const rowItems = slices.slice(0, 2).map((s) => s.render(0, 0));
    const boxes = rowItems[0].filter((i) => i.kind === 'box');
    expect(boxes).toHaveLength(2);
    const total = boxes.reduce((w, b) => w + (b.kind === 'box' ? b.w : 0), 0);
    expect(total).toBeCloseTo(style.measure, 3);
    // the longer text gets the wider column
    expect(boxes[0].kind === 'box' && boxes[1].kind === 'box' && boxes[0].w > boxes[1].w).toBe(true);
  });

  it('reads a first row of short labels as the header of a header-less table, and repeats it on a new page', () => {
    const cell = (t: string) => ({ paragraphs: [[{ text: t }]] });
    const rows = [[cell('药物名称'), cell('日期'), cell('适应症')], ...Array.from({ length: 60 }, (_, k) => [cell(`药品${k}`), cell(`3/${k}/2019`), cell('慢性丙肝病毒感染')])];
    expect(looksLikeHeaderRow({ kind: 'table', rows })).toBe(true);
    expect(looksLikeHeaderRow({ kind: 'table', rows: [[cell('2019'), cell('2020')], [cell('1'), cell('2')], [cell('3'), cell('4')]] })).toBe(false);
    expect(looksLikeHeaderRow({ kind: 'table', rows: [[cell('这是一段很长的说明文字，不是表头。'), cell('x')], [cell('1'), cell('2')], [cell('3'), cell('4')]] })).toBe(false);
    const slices = blockSlices([{ kind: 'table', rows }], ctx);
    const pages = paginate(slices, { left: 0, top: 0, bottom: 400 });
    expect(pages.pages.length).toBeGreaterThan(2);
    for (const page of pages.pages.slice(1)) {
      const texts = page.filter((i): i is TextItem => i.kind === 'text').map((i) => i.text);
      if (texts.length > 0) expect(texts[0]).toBe('药物名称');
    }
  });

  it('sets a caption-only figure as a centred caption', () => {
    const slices = blockSlices([{ kind: 'figure', src: '', altText: '', caption: '图 1 中国医疗资源分配情况及体系' }], ctx);
    const text = slices.flatMap((s) => s.render(0, 0)).find((i): i is TextItem => i.kind === 'text');
    expect(text?.font).toBe(style.faces.small);
    expect(text && text.x > 2 * style.body.size).toBe(true);
  });

  it('slants italic runs and links external URLs', () => {
    const slices = blockSlices([{ kind: 'paragraph', runs: [{ text: '详见' }, { text: 'in italics', italic: true }, { text: '国家医保局官网', link: 'https://www.nhsa.gov.cn' }] }], ctx);
    const items = slices.flatMap((s) => s.render(0, 100));
    const italic = items.find((i): i is TextItem => i.kind === 'text' && i.text.includes('italics'));
    expect(italic?.italic).toBe(true);
    expect(italic?.text).toBe('in italics');
    const link = items.find((i) => i.kind === 'link');
    expect(link && link.kind === 'link' && link.url).toBe('https://www.nhsa.gov.cn');
  });

  it('raises superscript note marks and keeps them with the word before', () => {
    const slices = blockSlices([{ kind: 'paragraph', runs: [{ text: '保费收入9035亿元' }, { text: '①', superscript: true }, { text: '，商业健康保险' }] }], ctx);
    const items = slices[0].render(0, 100).filter((i): i is TextItem => i.kind === 'text');
    const mark = items.find((i) => i.text === '①');
    const body = items.find((i) => i.text.includes('保'));
    expect(mark && body && mark.y < body.y && mark.size < body.size).toBe(true);
  });
});

describe('tall table rows', () => {
  it('cuts a row taller than half a page into pieces of whole lines, so no row runs off a page', () => {
    const ts = new Typesetter(fakeMetrics());
    const style = pageStyle({ size: 'A4' });
    const ctx = { ts, style, tag: tagger('t'), onMissing: (): void => {} };
    const long = '医保基金监管工作持续推进，'.repeat(300);
    const cell = (t: string) => ({ paragraphs: [[{ text: t }]] });
    const slices = blockSlices([{ kind: 'table', rows: [[cell('说明'), cell(long)]] }], ctx);
    const room = style.geometry.height - style.geometry.top - style.geometry.bottom;
    expect(slices.length).toBeGreaterThan(3);
    for (const s of slices) expect(s.height).toBeLessThanOrEqual(room * 0.5 + 1);
    const text = slices
      .flatMap((s) => s.render(0, 0))
      .filter((i): i is TextItem => i.kind === 'text')
      .map((i) => i.text)
      .join('');
    expect(text.replace('说明', '')).toBe(long);
  });
});
