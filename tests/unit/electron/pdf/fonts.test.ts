// The faces: resolved from node_modules, parsed once per process, measured as the PDF draws them;
// a character the faces lack is reported per article and drawn with a fallback face.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ANCHORS, type IssueDocument } from '../../../../shared/document/issueDocument';
import { loadFontSet, npmFontPath, textAdvance } from '../../../../electron/engine/fonts';
import { renderIssuePdf } from '../../../../electron/engine/pdf/index';
import { issueMeta2024W47 } from '../../../helpers/model';

const NOBODY_HAS = '\u{10FFFD}'; // private use: no face has it

function tinyIssue(body: string, title = '测试文章'): IssueDocument {
  return {
    meta: issueMeta2024W47({
      tags: ['医保'],
      readingNote: '',
      backCover: '扫一扫\n关注药城公众号',
    }),
    readingNote: '（阅读提醒：请按页码提示阅读。）',
    viewpoint: [{ column: '医保快讯', entries: [{ articleId: 'a1', anchor: ANCHORS.article(0), title, source: '健康报', summary: '一段提要。' }] }],
    articles: [
      {
        id: 'a1',
        anchor: ANCHORS.article(0),
        column: '医保快讯',
        firstInColumn: true,
        title,
        source: '健康报',
        author: null,
        blocks: [{ kind: 'paragraph', runs: [{ text: body }] }],
      },
    ],
  };
}

describe('font set', () => {
  it('resolves the Noto faces from node_modules and parses them once per process', () => {
    expect(npmFontPath('serif')).toMatch(/noto-serif-sc.*NotoSerifSC_400Regular\.ttf$/);
    expect(npmFontPath('sansBold')).toMatch(/noto-sans-sc.*NotoSansSC_700Bold\.ttf$/);
    expect(loadFontSet()).toBe(loadFontSet());
  });

  it('measures Han as one em, Latin proportionally and 破折号 as two ems', () => {
    const { metrics, fonts } = loadFontSet();
    expect(metrics.advance('医', 'serif')).toBe(1000);
    expect(metrics.advance('医保', 'sansBold')).toBe(2000);
    expect(metrics.advance('——', 'serif')).toBe(2000);
    expect(metrics.advance('DRG', 'serif')).toBeGreaterThan(1500);
    expect(metrics.advance('DRG', 'serif')).toBeLessThan(3000);
    expect(textAdvance(fonts.serif!, '医疗')).toBe(2000);
    expect(metrics.hasGlyph('serif', NOBODY_HAS.codePointAt(0)!)).toBe(false);
  });
});

describe('missing glyphs', () => {
  it('reports characters no Noto face has, per article, and still draws them', async () => {
    const r = await renderIssuePdf(tinyIssue(`亚美尼亚字母Ա出现在正文中，还有${NOBODY_HAS}。`));
    expect(r.missingGlyphs).toHaveLength(1);
    expect(r.missingGlyphs[0].articleId).toBe('a1');
    expect([...r.missingGlyphs[0].chars].sort()).toEqual(['Ա', NOBODY_HAS].sort());
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wd-font-')), 'x.pdf');
    writeFileSync(file, r.pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('字母Ա出现');
    // a character no face has is drawn as 〓 (never .notdef) and still extracts as itself
    expect(text).toContain(`还有${NOBODY_HAS}`);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    const extra = loadFontSet().fonts.extra;
    if (extra) expect(fonts).toContain(extra.postscriptName);
  });

  it('reports a missing character of a title as the article’s, and of front matter as null', async () => {
    const r = await renderIssuePdf(tinyIssue('正文。', `标题Ա`));
    const byArticle = new Map(r.missingGlyphs.map((m) => [m.articleId, m.chars]));
    expect(byArticle.get('a1')).toBe('Ա');
    expect(byArticle.get(null)).toBe('Ա'); // the title is also printed in 本期视点 and the TOC
  });
});

describe('figures', () => {
  /** A solid-colour RGB PNG of w×h pixels, built by hand (no image library needed). */
  function png(w: number, h: number): Buffer {
    const chunk = (type: string, data: Buffer): Buffer => {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(data.length);
      const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(body) >>> 0);
      return Buffer.concat([len, body, crc]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(w, 0);
    ihdr.writeUInt32BE(h, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0x40)]);
    const raw = Buffer.concat(Array.from({ length: h }, () => row));
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  }

  it('draws an inline image scaled to the measure, keeping its aspect ratio, with its caption below', async () => {
    const src = `data:image/png;base64,${png(1600, 800).toString('base64')}`;
    const doc = tinyIssue('正文段落。');
    doc.articles[0].blocks.push({ kind: 'figure', src, altText: '示意图', caption: '图 1 分级诊疗体系示意' });
    const r = await renderIssuePdf(doc);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wd-img-')), 'x.pdf');
    writeFileSync(file, r.pdf);
    const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(list).toHaveLength(1);
    const [, , , width, height] = list[0].trim().split(/\s+/);
    expect([Number(width), Number(height)]).toEqual([1600, 800]);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('图 1 分级诊疗体系示意');
  });
});

describe('edge cases', () => {
  it('renders an issue with no articles (cover, empty 本期视点 and TOC, back cover)', async () => {
    const doc = tinyIssue('');
    doc.articles = [];
    doc.viewpoint = [];
    const r = await renderIssuePdf(doc);
    expect(r.pageCount).toBe(4);
    expect(r.pageMap).toEqual({});
    expect([r.viewpointPage, r.tocPage]).toEqual([2, 3]);
  });

  it('renders an article without body blocks and without source', async () => {
    const doc = tinyIssue('');
    doc.articles[0].blocks = [];
    doc.articles[0].source = '';
    doc.viewpoint[0].entries[0].source = '';
    const r = await renderIssuePdf(doc);
    expect(r.pageMap.a1).toBe(4);
    expect(r.pageCount).toBe(5);
  });
});
