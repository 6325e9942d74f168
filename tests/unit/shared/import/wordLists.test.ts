import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { convertWordLists } from '../../../../shared/import/wordLists';

function body(html: string): HTMLElement {
  return new JSDOM(`<!DOCTYPE html><body>${html}</body>`).window.document.body;
}

const item = (list: string, level: number, marker: string, text: string, form: 'ignore' | 'comments' = 'ignore'): string =>
  form === 'ignore'
    ? `<p class=MsoListParagraph style="text-indent:-18pt;mso-list:${list} level${level} lfo1"><span style="mso-list:Ignore">${marker}<span style="font:7.0pt">&nbsp;&nbsp;</span></span>${text}</p>`
    : `<p class=MsoListParagraph style="mso-list:${list} level${level} lfo1"><![if !supportLists]><span>${marker}<span>&nbsp;</span></span><![endif]>${text}</p>`;

describe('convertWordLists', () => {
  it('turns numbered mso-list paragraphs into one <ol> without the typed numbers', () => {
    const b = body(`<p>前言</p>${item('l0', 1, '1.', '第一项')}${item('l0', 1, '2.', '第二项')}<p>后记</p>`);
    expect(convertWordLists(b)).toBe(1);
    expect(b.innerHTML).toBe('<p>前言</p><ol><li>第一项</li><li>第二项</li></ol><p>后记</p>');
  });

  it('recognises Chinese and parenthesised numbering as ordered, symbols as bullets', () => {
    for (const marker of ['一、', '（一）', '(1)', 'a)', 'iv.']) {
      const b = body(item('l0', 1, marker, '项'));
      convertWordLists(b);
      expect(b.firstElementChild?.tagName, marker).toBe('OL');
    }
    for (const marker of ['·', '\u00d8', '\u00a7', '•', '-']) {
      const b = body(item('l0', 1, marker, '项'));
      convertWordLists(b);
      expect(b.firstElementChild?.tagName, marker).toBe('UL');
    }
  });

  it('nests level 2 under the previous item and returns to level 1', () => {
    const b = body(item('l1', 1, '·', '甲') + item('l1', 2, '\u00a7', '甲一') + item('l1', 2, '\u00a7', '甲二') + item('l1', 1, '·', '乙'));
    convertWordLists(b);
    expect(b.innerHTML).toBe('<ul><li>甲<ul><li>甲一</li><li>甲二</li></ul></li><li>乙</li></ul>');
  });

  it('removes the marker between [if !supportLists] and [endif] when there is no mso-list:Ignore span', () => {
    const b = body(item('l0', 1, '3.', '第三项', 'comments') + item('l0', 1, '4.', '第四项', 'comments'));
    convertWordLists(b);
    expect(b.innerHTML).toBe('<ol><li>第三项</li><li>第四项</li></ol>');
  });

  it('keeps separate runs of list paragraphs as separate lists, and leaves other paragraphs alone', () => {
    const b = body(`${item('l0', 1, '1.', '一')}<p>中间段落</p>${item('l1', 1, '·', '二')}`);
    expect(convertWordLists(b)).toBe(2);
    expect(b.innerHTML).toBe('<ol><li>一</li></ol><p>中间段落</p><ul><li>二</li></ul>');
  });

  it('keeps inline formatting of the item text', () => {
    const b = body(item('l0', 1, '1.', '共<b>64</b>个'));
    convertWordLists(b);
    expect(b.innerHTML).toBe('<ol><li>共<b>64</b>个</li></ol>');
  });

  it('does nothing on HTML without Word lists', () => {
    const b = body('<p>普通段落</p><ul><li>已是列表</li></ul>');
    expect(convertWordLists(b)).toBe(0);
    expect(b.innerHTML).toBe('<p>普通段落</p><ul><li>已是列表</li></ul>');
  });
});
