// 正文字体 in the PDF: the chosen face is the one poppler finds embedded on the article pages, and
// the page numbers 本期视点 prints are those of the face actually drawn.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANCHORS, type IssueDocument } from '../../../../shared/document/issueDocument';
import { renderIssuePdf, settlePageNumbers, type PdfResult } from '../../../../electron/engine/pdf/index';
import { issueMeta2024W47 } from '../../../helpers/model';
import { readPdf, squash } from '../../../helpers/pdfReader';

const PARAGRAPH = '国家医保局近日印发通知，要求各地在2024年底前完成DRG/DIP支付方式改革全覆盖，推动医保基金使用提质增效。';

function issue(): IssueDocument {
  const articles = Array.from({ length: 3 }, (_, k) => ({
    id: `a${k}`,
    anchor: ANCHORS.article(k),
    column: '医保快讯',
    firstInColumn: k === 0,
    title: `医保支付方式改革第${k + 1}篇`,
    source: '健康报',
    author: null,
    blocks: Array.from({ length: 30 + k * 10 }, () => ({ kind: 'paragraph' as const, runs: [{ text: PARAGRAPH }] })),
  }));
  return {
    meta: issueMeta2024W47({ tags: ['医保'], readingNote: '', backCover: '扫一扫\n关注药城公众号' }),
    readingNote: '（阅读提醒：请按页码提示阅读。）',
    viewpoint: [{ column: '医保快讯', entries: articles.map((a) => ({ articleId: a.id, anchor: a.anchor, title: a.title, source: a.source, summary: '各地须在年底前完成支付方式改革。' })) }],
    articles,
  };
}

/** `pdffonts` names (subset prefix dropped) of the fonts used on pages first..last */
function fontsOn(pdf: Uint8Array, first?: number, last?: number): string[] {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'wd-bodyfont-')), 'issue.pdf');
  writeFileSync(file, pdf);
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  const out = execFileSync('pdffonts', [...range, file], { encoding: 'utf8' });
  return out
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ''));
}

describe('renderIssuePdf bodyFont', () => {
  const doc = issue();
  let serif: PdfResult;
  let sans: PdfResult;
  beforeAll(async () => {
    serif = await renderIssuePdf(doc);
    sans = await renderIssuePdf(doc, { bodyFont: 'sans' });
  }, 60_000);

  it('embeds Noto Sans SC regular for the body when 黑体 is chosen, and no serif face at all', () => {
    const page = sans.pageMap.a0;
    expect(fontsOn(sans.pdf, page)).toContain('NotoSansSC-Regular');
    expect(fontsOn(sans.pdf, page)).not.toContain('NotoSerifSC-Regular');
    expect(fontsOn(sans.pdf).filter((f) => f.startsWith('NotoSerifSC'))).toEqual([]);
  });

  it('keeps Noto Serif SC for the body by default, without the sans regular', () => {
    const page = serif.pageMap.a0;
    expect(fontsOn(serif.pdf, page)).toContain('NotoSerifSC-Regular');
    expect(fontsOn(serif.pdf)).not.toContain('NotoSansSC-Regular');
  });

  it('prints in 本期视点 the page each title lands on in the sans layout, as settlePageNumbers predicts', async () => {
    const read = await readPdf(sans.pdf);
    for (const a of doc.articles) {
      const n = sans.pageMap[a.id];
      expect(read.pages[n - 1].flat, a.title).toContain(squash(a.title));
      expect(read.pages[sans.viewpointPage - 1].flat).toContain(squash(`${a.title}`));
    }
    expect(read.pages[sans.pageMap.a0 - 1].flat).toContain(squash(PARAGRAPH.slice(0, 12)));
    const counted = settlePageNumbers(doc, { bodyFont: 'sans' });
    expect(counted.pageMap).toEqual(sans.pageMap);
    expect(counted.pageCount).toBe(sans.pageCount);
  });
});
