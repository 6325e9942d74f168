// The typesetter's line cache (least recently used dropped first, within its bound) and the article
// memo's key (made once per article object, naming its whole content).
import { describe, expect, it } from 'vitest';
import { ANCHORS, type DocumentArticle, type IssueDocument } from '../../../../shared/document/issueDocument';
import { layoutIssue } from '../../../../shared/layout/issueLayout';
import { Typesetter } from '../../../../shared/layout/typesetter';
import { issueMeta2024W47 } from '../../../helpers/model';
import { fakeMetrics } from './fakeMetrics';

const SENTENCES = ['国家医保局发布2024年医保药品目录调整方案，', '集采中选药品平均降价超过50%，', '多地试点按病种分值付费改革，', '基层医疗机构服务能力持续提升。'];

function article(k: number, paragraphs: number): DocumentArticle {
  return {
    id: `a${k}`,
    anchor: ANCHORS.article(k),
    column: '分析解读',
    firstInColumn: k === 0,
    title: `第${k + 1}篇：医保支付方式改革`,
    source: '健康报',
    author: null,
    blocks: Array.from({ length: paragraphs }, (_, j) => ({ kind: 'paragraph' as const, runs: [{ text: `${j + 1}. ${SENTENCES.slice(0, 1 + ((j + k) % 4)).join('')}` }] })),
  };
}

function issue(articles: DocumentArticle[]): IssueDocument {
  return {
    meta: issueMeta2024W47({ tags: ['医保'], readingNote: '', backCover: '北京先锋寰宇大健康管理有限公司' }),
    readingNote: '',
    viewpoint: [{ column: '分析解读', entries: articles.map((a) => ({ articleId: a.id, anchor: a.anchor, title: a.title, source: a.source, summary: '医保改革进展。' })) }],
    articles,
  };
}

describe('Typesetter line cache', () => {
  const runs = (text: string) => [{ text, font: 'serif' as const, size: 10 }];

  it('drops the least recently used paragraph first, and never holds more than its bound', () => {
    const ts = new Typesetter(fakeMetrics(), { maxLineEntries: 3 });
    const set = (text: string) => ts.set(runs(text), { width: 100 });
    set('医保一');
    set('医保二');
    set('医保三');
    set('医保一'); // used again: 医保二 is now the oldest
    set('医保四');
    expect(ts.cacheSize).toBe(3);
    const broken = ts.paragraphsBroken;
    set('医保一');
    set('医保三');
    set('医保四');
    expect(ts.paragraphsBroken).toBe(broken);
    set('医保二');
    expect(ts.paragraphsBroken).toBe(broken + 1);
  });

  it('keeps a memo that is used again (the articles not being edited) while new ones come and go', () => {
    const ts = new Typesetter(fakeMetrics());
    let made = 0;
    const memo = (key: string) => ts.memo(key, () => ++made);
    memo('article|unchanged');
    // an editing session: hundreds of edited versions of one article, the other one asked each time
    for (let k = 0; k < 500; k++) {
      memo(`article|edited-${k}`);
      memo('article|unchanged');
    }
    expect(made).toBe(501);
    expect(memo('article|edited-0')).toBe(502);
  });

  it('keys by everything that changes the lines: width, indent, alignment, face, size, style', () => {
    const ts = new Typesetter(fakeMetrics());
    const text = '医疗保障是减轻群众就医负担、增进民生福祉的重大制度安排。';
    const base = ts.set(runs(text), { width: 120 });
    const variants = [
      ts.set(runs(text), { width: 121 }),
      ts.set(runs(text), { width: 120, firstIndent: 20 }),
      ts.set(runs(text), { width: 120, restIndent: 20 }),
      ts.set(runs(text), { width: 120, align: 'left' }),
      ts.set(runs(text), { width: 120, avoidLoneLastLine: true }),
      ts.set(runs(text), { width: 120, fullWidthPunctuation: true }),
      ts.set([{ text, font: 'sans', size: 10 }], { width: 120 }),
      ts.set([{ text, font: 'serif', size: 11 }], { width: 120 }),
      ts.set([{ text, font: 'serif', size: 10, italic: true }], { width: 120 }),
      ts.set([{ text, font: 'serif', size: 10, link: 'https://www.nhsa.gov.cn/' }], { width: 120 }),
    ];
    expect(ts.cacheSize).toBe(1 + variants.length);
    for (const v of variants) expect(v).not.toBe(base);
    expect(ts.set(runs(text), { width: 120 })).toBe(base);
  });
});

describe('article memo key', () => {
  it('finds an unchanged article by its object, and by its content when it is another object', () => {
    const articles = [article(0, 12), article(1, 20), article(2, 8)];
    const ts = new Typesetter(fakeMetrics());
    const first = layoutIssue(issue(articles), ts, { pageMapOnly: true, keepArticleLines: true });
    const broken = ts.paragraphsBroken;
    const again = layoutIssue(issue(articles.map((a) => structuredClone(a))), ts, { pageMapOnly: true, keepArticleLines: true });
    expect(again.pageMap).toEqual(first.pageMap);
    expect(ts.paragraphsBroken).toBe(broken);
  });

  it('never gives a changed article the pages of the one it replaced', () => {
    const articles = [article(0, 12), article(1, 20), article(2, 8)];
    const ts = new Typesetter(fakeMetrics());
    layoutIssue(issue(articles), ts, { pageMapOnly: true, keepArticleLines: true });
    // the middle article grows by 60 paragraphs: the last one starts pages later
    const longer = { ...articles[1], blocks: [...articles[1].blocks, ...article(1, 60).blocks.map((b) => structuredClone(b))] };
    const edited = issue([articles[0], longer, articles[2]]);
    const warm = layoutIssue(edited, ts, { pageMapOnly: true, keepArticleLines: true });
    const fresh = layoutIssue(edited, new Typesetter(fakeMetrics()), { pageMapOnly: true });
    expect(warm.pageMap).toEqual(fresh.pageMap);
    expect(warm.pageMap.a2).toBeGreaterThan(layoutIssue(issue(articles), new Typesetter(fakeMetrics()), { pageMapOnly: true }).pageMap.a2);
  });

  it('keeps the pages of one look apart from another look of the same article', () => {
    const articles = [article(0, 30), article(1, 30)];
    const ts = new Typesetter(fakeMetrics());
    layoutIssue(issue(articles), ts, { size: 'A4', pageMapOnly: true, keepArticleLines: true });
    const small = layoutIssue(issue(articles), ts, { size: '16K', pageMapOnly: true, keepArticleLines: true });
    expect(small.pageMap).toEqual(layoutIssue(issue(articles), new Typesetter(fakeMetrics()), { size: '16K', pageMapOnly: true }).pageMap);
  });

  it("counts the front matter anew when a 本期视点 entry's 提要 or the numbers change (live numbers remember its count)", () => {
    const articles = Array.from({ length: 8 }, (_, k) => article(k, 10 + k * 3));
    const ts = new Typesetter(fakeMetrics());
    const live = { pageMapOnly: true, keepArticleLines: true };
    const doc = issue(articles);
    const first = layoutIssue(doc, ts, live);
    // longer 提要 push 本期视点 onto more pages: every article starts later
    const longer: IssueDocument = {
      ...doc,
      viewpoint: doc.viewpoint.map((c) => ({ ...c, entries: c.entries.map((e) => ({ ...e, summary: SENTENCES.join('').repeat(6) })) })),
    };
    const warm = layoutIssue(longer, ts, live);
    const fresh = layoutIssue(longer, new Typesetter(fakeMetrics()), { pageMapOnly: true });
    expect(warm.pageMap).toEqual(fresh.pageMap);
    expect(warm.pages.length).toBe(fresh.pages.length);
    expect(warm.pageMap.a0).toBeGreaterThan(first.pageMap.a0);
    // and back: the first count is found again, the same numbers come out
    expect(layoutIssue(doc, ts, live).pageMap).toEqual(first.pageMap);
  });
});
