// 正文字体 in 设置: body text, lists, quotes, table cells, 提要 and TOC entries follow the chosen face;
// headings and titles stay in the sans bold; page numbers follow the face's own widths.
import { describe, expect, it } from 'vitest';
import { ANCHORS, type IssueDocument } from '../../../../shared/document/issueDocument';
import { layoutIssue } from '../../../../shared/layout/issueLayout';
import { pageStyle } from '../../../../shared/layout/pageStyle';
import { Typesetter } from '../../../../shared/layout/typesetter';
import type { FontKey, FontMetrics, Page, TextItem } from '../../../../shared/layout/types';
import { issueMeta2024W47 } from '../../../helpers/model';
import { fakeMetrics } from './fakeMetrics';

const PARAGRAPH = '国家医保局近日印发通知，要求各地在2024年底前完成DRG/DIP支付方式改革全覆盖，推动医保基金使用提质增效。';
const BOLD = '重点任务';
const QUOTE = '“医保改革要让群众看得见、摸得着。”';
const LIST_ITEM = '完善医保目录动态调整机制';
const CELL = '门诊统筹';
const SUMMARY = '各地须在年底前完成支付方式改革全覆盖。';

function doc(paragraphs = 2): IssueDocument {
  return {
    meta: issueMeta2024W47({ tags: ['医保'], backCover: '北京先锋寰宇大健康管理有限公司' }),
    readingNote: '（阅读提醒：请按页码提示阅读。）',
    viewpoint: [{ column: '医保快讯', entries: [{ articleId: 'a0', anchor: ANCHORS.article(0), title: '医保支付方式改革全覆盖', source: '健康报', summary: SUMMARY }] }],
    articles: [
      {
        id: 'a0',
        anchor: ANCHORS.article(0),
        column: '医保快讯',
        firstInColumn: true,
        title: '医保支付方式改革全覆盖',
        source: '健康报',
        author: null,
        blocks: [
          { kind: 'heading', level: 3, runs: [{ text: '三级标题' }] },
          ...Array.from({ length: paragraphs }, () => ({ kind: 'paragraph' as const, runs: [{ text: PARAGRAPH }, { text: BOLD, bold: true }] })),
          { kind: 'quote', runs: [{ text: QUOTE }] },
          { kind: 'list', ordered: true, items: [{ runs: [{ text: LIST_ITEM }] }] },
          {
            kind: 'table',
            rows: [
              [{ paragraphs: [[{ text: '项目' }]], header: true }, { paragraphs: [[{ text: '进度' }]], header: true }],
              [{ paragraphs: [[{ text: CELL }]] }, { paragraphs: [[{ text: '已完成' }]] }],
            ],
          },
        ],
      },
    ],
  };
}

const textItems = (pages: Page[]): TextItem[] => pages.flatMap((p) => p.items.filter((i): i is TextItem => i.kind === 'text'));
/** faces of the text items whose text contains `needle` (a set line may be split into several items) */
const facesOf = (pages: Page[], needle: string): Set<FontKey> => new Set(textItems(pages).filter((i) => i.text.includes(needle)).map((i) => i.font));

describe('pageStyle body faces', () => {
  it('sets the body in the serif unless the sans is chosen, and small print follows the body', () => {
    expect(pageStyle().faces).toEqual({ small: 'serif', body: 'serif', bodyBold: 'serifBold' });
    expect(pageStyle({ bodyFont: 'serif' }).faces).toEqual({ small: 'serif', body: 'serif', bodyBold: 'serifBold' });
    expect(pageStyle({ bodyFont: 'sans' }).faces).toEqual({ small: 'sans', body: 'sans', bodyBold: 'sansBold' });
  });
});

describe('layoutIssue with bodyFont', () => {
  // One typesetter for both: its article memo must not hand the serif pages to the sans layout.
  const ts = new Typesetter(fakeMetrics());
  const serif = layoutIssue(doc(), ts);
  const sans = layoutIssue(doc(), ts, { bodyFont: 'sans' });

  it('sets paragraphs, bold runs, quotes, list items and table cells in the chosen face', () => {
    for (const [text, serifFace, sansFace] of [
      ['国家医保局近日印发通知', 'serif', 'sans'],
      [BOLD, 'serifBold', 'sansBold'],
      ['医保改革要让群众看得见', 'serif', 'sans'],
      [LIST_ITEM, 'serif', 'sans'],
      ['1.', 'serif', 'sans'],
      [CELL, 'serif', 'sans'],
    ] as const) {
      expect(facesOf(serif.pages, text), text).toEqual(new Set([serifFace]));
      expect(facesOf(sans.pages, text), text).toEqual(new Set([sansFace]));
    }
  });

  it('sets 提要 in 本期视点 and titles in the TOC in the chosen face; headings stay sans bold', () => {
    const front = (l: typeof serif): Page[] => l.pages.filter((p) => p.role === 'viewpoint' || p.role === 'toc');
    expect(facesOf(front(serif), '各地须在年底前')).toEqual(new Set(['serif']));
    expect(facesOf(front(sans), '各地须在年底前')).toEqual(new Set(['sans']));
    const toc = (l: typeof serif): Page[] => l.pages.filter((p) => p.role === 'toc');
    const tocTitleFaces = (l: typeof serif): Set<FontKey> => facesOf(toc(l), '医保支付方式改革全覆盖');
    expect([...tocTitleFaces(sans)]).toContain('sans');
    expect([...tocTitleFaces(serif)]).not.toContain('sans');
    // the article title is a heading: sans bold in both
    const article = (l: typeof serif): Page[] => l.pages.filter((p) => p.role === 'article');
    expect(facesOf(article(serif), '医保支付方式改革全覆盖')).toEqual(new Set(['sansBold']));
    expect(facesOf(article(sans), '医保支付方式改革全覆盖')).toEqual(new Set(['sansBold']));
    // a level-3 heading is set bold in the body face
    expect(facesOf(serif.pages, '三级标题')).toEqual(new Set(['serifBold']));
    expect(facesOf(sans.pages, '三级标题')).toEqual(new Set(['sansBold']));
  });

  it('uses no serif face at all in a sans issue (the serif is never loaded for it)', () => {
    const faces = new Set(textItems(sans.pages).map((i) => i.font));
    expect(faces.has('serif')).toBe(false);
    expect(faces.has('serifBold')).toBe(false);
    expect(faces.has('sans')).toBe(true);
    // and the default issue does not use the sans regular
    expect(new Set(textItems(serif.pages).map((i) => i.font)).has('sans')).toBe(false);
  });
});

/** A sans whose characters are half as wide again as the serif's: paragraphs take more lines. */
function widerSans(): FontMetrics {
  const base = fakeMetrics();
  return { ...base, advance: (text, font) => base.advance(text, font) * (font === 'sans' || font === 'sansBold' ? 1.5 : 1) };
}

describe('page numbers with a wider sans body', () => {
  const many = (): IssueDocument => {
    const d = doc(40);
    const first = d.articles[0];
    for (let k = 1; k < 6; k++) {
      const anchor = ANCHORS.article(k);
      const title = `第${k + 1}篇：医保基金监管`;
      d.articles.push({ ...first, id: `a${k}`, anchor, title, firstInColumn: false });
      d.viewpoint[0].entries.push({ articleId: `a${k}`, anchor, title, source: '健康报', summary: SUMMARY });
    }
    return d;
  };

  it('settles the numbers of the face actually printed, counted or drawn alike', () => {
    const ts = new Typesetter(widerSans());
    const serif = layoutIssue(many(), ts);
    const sans = layoutIssue(many(), ts, { bodyFont: 'sans' });
    const counted = layoutIssue(many(), ts, { bodyFont: 'sans', pageMapOnly: true });
    expect(sans.pages.length).toBeGreaterThan(serif.pages.length);
    expect(sans.pageMap).not.toEqual(serif.pageMap);
    expect(counted.pageMap).toEqual(sans.pageMap);
    expect(counted.pages.length).toBe(sans.pages.length);
  });
});
