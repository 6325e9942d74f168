// Pasted HTML goes through importHtml: a fragment is taken whole (no Readability), Word's mso-list
// paragraphs become real lists (lexical#4761), and its file:// images are reported (lexical#5216).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runsText } from '../../../../shared/content/blocks';
import { importHtml } from '../../../../electron/engine/import/index';
import { isFragment } from '../../../../electron/engine/import/html';
import { blocksOf, countsOf, figures, fixture, importedOnce, textBlocks } from './helpers';

describe('pasting from Word', () => {
  const pasted = importedOnce(() => importHtml(readFileSync(fixture('paste', 'word-clipboard.html'), 'utf8')));

  it('makes a numbered list and a nested bullet list of the mso-list paragraphs, without typed markers', async () => {
    const lists = blocksOf(await pasted()).flatMap((b) => (b.kind === 'list' ? [b] : []));
    expect(lists).toHaveLength(2);
    expect(lists[0].ordered).toBe(true);
    expect(lists[0].items.map((i) => runsText(i.runs))).toEqual(['DRG付费覆盖全部二级以上定点医疗机构；', '基层病种实行同病同付，共64个；', '建立特例单议和年度清算机制。']);
    expect(lists[1].ordered).toBe(false);
    expect(lists[1].items.map((i) => runsText(i.runs))).toEqual(['完善核心要素管理与调整机制', '加强医保基金监测分析']);
    expect(lists[1].items[0].children?.items.map((i) => runsText(i.runs))).toEqual(['病组权重每年调整一次']);
  });

  it('keeps bold runs and drops Word\'s fonts and <o:p> without calling them unsafe', async () => {
    const c = await pasted();
    const second = blocksOf(c).flatMap((b) => (b.kind === 'list' ? b.items : []))[1];
    expect(second.runs.filter((r) => r.bold).map((r) => r.text).join('')).toBe('共64个');
    expect(c.warnings.join()).not.toContain('已移除');
    expect(JSON.stringify(c.content)).not.toMatch(/宋体|mso-|font-family/);
  });

  it('reports the file:// image and keeps its caption as a figure', async () => {
    const c = await pasted();
    expect(c.warnings).toContain('有 1 张图片指向本机文件（file://），无法随剪报导入，已略去，请另行插入');
    expect(figures(c)).toEqual([expect.objectContaining({ src: '', caption: '图1 各病组结算情况' })]);
  });

  it('keeps the paragraphs around the lists', async () => {
    expect(textBlocks(await pasted())).toEqual(['今年以来，我市医保部门围绕支付方式改革三年行动计划，重点推进了以下工作：', '下一步重点：']);
  });
});

describe('pasting from a browser or WeChat', () => {
  it('takes a copied fragment whole, even when short', async () => {
    const c = await importHtml('<p>第一句。</p><p>第二句。</p>');
    expect(textBlocks(c)).toEqual(['第一句。', '第二句。']);
  });

  it('keeps WeChat\'s lazy images and line structure from a copied selection', async () => {
    const html =
      '<section><p><span>医保基金是人民群众的“看病钱”。</span></p><p><span>各地要持续加强监管。</span></p>' +
      '<p><img data-src="https://mmbiz.qpic.cn/mmbiz_jpg/xyz/640?wx_fmt=jpeg" src="data:image/svg+xml,%3Csvg%3E"></p></section>';
    const c = await importHtml(html);
    expect(textBlocks(c)).toEqual(['医保基金是人民群众的“看病钱”。', '各地要持续加强监管。']);
    expect(countsOf(c).image).toBe(1);
  });

  it('tells fragments from whole pages', () => {
    expect(isFragment('<p>x</p>')).toBe(true);
    expect(isFragment('<html><body><!--StartFragment--><p>x</p><!--EndFragment--></body></html>')).toBe(true);
    expect(isFragment('<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>')).toBe(false);
  });
});
