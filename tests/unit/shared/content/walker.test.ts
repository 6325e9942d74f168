import { describe, expect, it } from 'vitest';
import { blocksToPlainText, mergeRuns, toBlocks } from '../../../../shared/content/walker';
import type { SerializedEditorStateJson, SerializedLexicalNode } from '../../../../shared/content/lexicalJson';

const text = (t: string, format = 0): SerializedLexicalNode => ({ type: 'text', version: 1, text: t, format, style: '', mode: 'normal', detail: 0 });
const el = (type: string, children: SerializedLexicalNode[], extra: Record<string, unknown> = {}): SerializedLexicalNode => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
});
const doc = (...children: SerializedLexicalNode[]): SerializedEditorStateJson =>
  ({ root: { type: 'root', version: 1, children, direction: null, format: '', indent: 0 } }) as SerializedEditorStateJson;

describe('toBlocks', () => {
  it('turns paragraphs into styled runs and merges equal styles', () => {
    const blocks = toBlocks(doc(el('paragraph', [text('医保'), text('基金', 0), text('①', 64), text('监管', 1)])));
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ text: '医保基金' }, { text: '①', superscript: true }, { text: '监管', bold: true }] },
    ]);
  });

  it('maps heading tags to three levels', () => {
    const blocks = toBlocks(doc(el('heading', [text('一、总体要求')], { tag: 'h2' }), el('heading', [text('（一）目标')], { tag: 'h3' }), el('heading', [text('1. 细则')], { tag: 'h4' })));
    expect(blocks.map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([1, 2, 3]);
  });

  it('keeps links as run attributes, line breaks as newlines', () => {
    const blocks = toBlocks(doc(el('paragraph', [text('详见'), el('link', [text('国家医保局')], { url: 'https://www.nhsa.gov.cn/' }), { type: 'linebreak', version: 1 }, text('下一行')])));
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      runs: [{ text: '详见' }, { text: '国家医保局', link: 'https://www.nhsa.gov.cn/' }, { text: '\n下一行' }],
    });
  });

  it('walks lists including Lexical-style nested lists', () => {
    const nested = el('list', [el('listitem', [text('子项')], { value: 1 })], { listType: 'bullet', start: 1, tag: 'ul' });
    const list = el('list', [el('listitem', [text('第一项')], { value: 1 }), el('listitem', [nested], { value: 2 }), el('listitem', [text('第二项')], { value: 2 })], {
      listType: 'number',
      start: 3,
      tag: 'ol',
    });
    const [block] = toBlocks(doc(list));
    expect(block).toEqual({
      kind: 'list',
      ordered: true,
      start: 3,
      items: [{ runs: [{ text: '第一项' }], children: { kind: 'list', ordered: false, items: [{ runs: [{ text: '子项' }] }] } }, { runs: [{ text: '第二项' }] }],
    });
  });

  it('walks tables with header cells and spans', () => {
    const cell = (t: string, extra: Record<string, unknown> = {}) => el('tablecell', [el('paragraph', [text(t)])], { headerState: 0, colSpan: 1, ...extra });
    const table = el('table', [el('tablerow', [cell('地区', { headerState: 1 }), cell('金额', { headerState: 1 })]), el('tablerow', [cell('浙江', { colSpan: 2 })])]);
    const [block] = toBlocks(doc(table));
    expect(block).toEqual({
      kind: 'table',
      rows: [
        [{ paragraphs: [[{ text: '地区' }]], header: true }, { paragraphs: [[{ text: '金额' }]], header: true }],
        [{ paragraphs: [[{ text: '浙江' }]], colSpan: 2 }],
      ],
    });
  });

  it('keeps figures, also caption-only ones', () => {
    const [block] = toBlocks(doc({ type: 'figure', version: 1, src: '', altText: '', caption: '图 1 2023年医保基金收支' }));
    expect(block).toEqual({ kind: 'figure', src: '', altText: '', caption: '图 1 2023年医保基金收支' });
  });

  it('drops empty paragraphs but keeps the text of unknown containers', () => {
    const blocks = toBlocks(doc(el('paragraph', [text('  ')]), el('collapsible-container', [el('paragraph', [text('保留的文字')])])));
    expect(blocks).toEqual([{ kind: 'paragraph', runs: [{ text: '保留的文字' }] }]);
  });

  it('gives plain text block by block', () => {
    const blocks = toBlocks(doc(el('heading', [text('一、背景')], { tag: 'h2' }), el('paragraph', [text('正文。')])));
    expect(blocksToPlainText(blocks)).toBe('一、背景\n正文。');
  });
});

describe('mergeRuns', () => {
  it('drops empty runs and does not mutate its input', () => {
    const input = [{ text: 'a' }, { text: '' }, { text: 'b' }];
    expect(mergeRuns(input)).toEqual([{ text: 'ab' }]);
    expect(input[0].text).toBe('a');
  });
});
