// WeChat posts and a GBK-encoded government page, from realistic saved pages under tests/fixtures/import.
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../../electron/engine/import/index';
import { blocksOf, countsOf, figures, fixture, importedOnce, textBlocks } from './helpers';

const wechat = importedOnce(() => importFile(fixture('wechat', 'wechat-account-source.html')));
const gov = importedOnce(() => importFile(fixture('gov', 'hebei-notice-gbk.html')));

describe('WeChat posts', () => {
  it('reads #js_content, the title, the account as 来源 and the author; keeps data-src images, list and table', async () => {
    const c = await wechat();
    expect(c.title).toBe('DRG/DIP 2.0 版分组方案落地一周年：医院该如何应对？');
    expect(c.source).toBe('医保观察');
    expect(c.author).toBe('陈思远');
    expect(c.url).toMatch(/^http:\/\/mp\.weixin\.qq\.com\/s\?__biz=/);
    expect(countsOf(c)).toEqual({ paragraph: 5, heading: 2, table: 1, image: 2, list: 1 });
    const figs = figures(c);
    expect(figs.map((f) => f.src)).toEqual([
      'https://mmbiz.qpic.cn/mmbiz_png/Q3auHgzwzM5banner01/640?wx_fmt=png&from=appmsg',
      'https://mmbiz.qpic.cn/mmbiz_jpg/Q3auHgzwzM5chart02/640?wx_fmt=jpeg',
    ]);
    // The caption line under the chart becomes the figure's caption.
    expect(figs[1].caption).toBe('图 1 DRG 1.1 版与 2.0 版分组数量对比');
    expect(c.warnings).toEqual([]);
  });

  it('drops the follow / QR code / 在看 boilerplate at both ends, the QR image with it', async () => {
    const c = await wechat();
    const text = textBlocks(c).join('\n');
    expect(text).not.toMatch(/关注|二维码|在看|END/);
    expect(figures(c).some((f) => f.src.includes('qrcode'))).toBe(false);
    expect(textBlocks(c)[0]).toMatch(/^2024 年 7 月/);
  });

  it('prefers a 来源： line in the text over the account name, and lifts it and the 作者 line out', async () => {
    const c = await importFile(fixture('wechat', 'wechat-repost-source.html'));
    expect(c.title).toBe('国家医保局：2025 年起全面推行医保支付资格管理');
    expect(c.source).toBe('国家医疗保障局');
    expect(c.author).toBe('医保中心 政策研究组');
    const text = textBlocks(c);
    expect(text[0]).toMatch(/^近日，国家医保局印发/);
    expect(text.join('\n')).not.toMatch(/来源：|作者：|阅读原文/);
    expect(figures(c)).toEqual([expect.objectContaining({ src: 'https://mmbiz.qpic.cn/mmbiz_png/Wx4k9AbCdEfpolicy/640?wx_fmt=png', altText: '记分规则示意' })]);
  });
});

describe('a GBK government page', () => {
  it('decodes gb2312, takes ArticleTitle, the 来源 from the info bar, bold numbered headings and the table', async () => {
    const c = await gov();
    expect(c.title).toBe('河北省医疗保障局关于做好2025年城乡居民基本医疗保险参保缴费工作的通知');
    expect(c.source).toBe('河北省医疗保障局');
    expect(c.author).toBeNull();
    expect(countsOf(c)).toEqual({ paragraph: 8, heading: 4, table: 1, image: 1, list: 0 });
    const headings = blocksOf(c).flatMap((b) => (b.kind === 'heading' ? [b.runs.map((r) => r.text).join('')] : []));
    expect(headings).toEqual(['一、筹资标准', '二、集中缴费期', '三、各市参保任务', '四、工作要求']);
    const table = blocksOf(c).find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows.length : 0).toBe(4);
    // Navigation, breadcrumbs and footer stay out.
    expect(textBlocks(c).join('\n')).not.toMatch(/首页|您现在的位置|ICP|字体/);
  });

  it('keeps the image saved beside the page as a data: URL', async () => {
    const c = await gov();
    const [figure] = figures(c);
    expect(figure.src).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(figure.altText).toBe('缴费渠道示意图');
    expect(figure.width).toBe(600);
  });
});
