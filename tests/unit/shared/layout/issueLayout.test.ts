import { describe, expect, it } from 'vitest';
import { ANCHORS, LABELS, type IssueDocument } from '../../../../shared/document/issueDocument';
import { layoutIssue, prepareArticle, prepareViewpointLines } from '../../../../shared/layout/issueLayout';
import type { StyledRun } from '../../../../shared/layout/atoms';
import type { SetOptions } from '../../../../shared/layout/typesetter';
import { Typesetter } from '../../../../shared/layout/typesetter';
import type { Page, TextItem } from '../../../../shared/layout/types';
import { fakeMetrics } from './fakeMetrics';
import { issueMeta2024W47 } from '../../../helpers/model';

const PARAGRAPH = '医疗保障是减轻群众就医负担、增进民生福祉、维护社会和谐稳定的重大制度安排。近年来，各地持续推进医保支付方式改革，DRG/DIP 付费覆盖面不断扩大。';

function issue(articles: number, paragraphsEach: (k: number) => number): IssueDocument {
  const columns = ['专家观点', '分析解读', '地方精彩'];
  const doc: IssueDocument = {
    meta: issueMeta2024W47({
      tags: ['医保', '医疗', '医药'],
      readingNote: '',
      backCover: '扫一扫\n关注药城公众号\n\n北京先锋寰宇大健康管理有限公司',
    }),
    readingNote: '（阅读提醒：请按页码提示阅读。）',
    viewpoint: [],
    articles: [],
  };
  for (let k = 0; k < articles; k++) {
    const column = columns[Math.floor((k * columns.length) / articles)];
    const anchor = ANCHORS.article(k);
    const title = `第${k + 1}篇：医保基金监管的新进展`;
    let col = doc.viewpoint.find((c) => c.column === column);
    if (!col) doc.viewpoint.push((col = { column, entries: [] }));
    col.entries.push({ articleId: `a${k}`, anchor, title, source: '健康报', summary: PARAGRAPH });
    doc.articles.push({
      id: `a${k}`,
      anchor,
      column,
      firstInColumn: col.entries.length === 1,
      title,
      source: '健康报',
      author: null,
      blocks: Array.from({ length: paragraphsEach(k) }, () => ({ kind: 'paragraph' as const, runs: [{ text: PARAGRAPH }] })),
    });
  }
  return doc;
}

const texts = (page: Page): string => page.items.filter((i): i is TextItem => i.kind === 'text').map((i) => i.text).join('');

describe('layoutIssue', () => {
  // 45 articles of 1–4 pages: page numbers cross 9→10 and 99→100 while 本期视点 grows
  const doc = issue(50, (k) => 8 + ((k * 7) % 30));
  const layout = layoutIssue(doc, new Typesetter(fakeMetrics()));

  it('prints in 本期视点 and the TOC the page on which each title is set', () => {
    expect(Math.max(...Object.values(layout.pageMap))).toBeGreaterThan(100);
    const front = layout.pages.filter((p) => p.role === 'viewpoint' || p.role === 'toc').map(texts).join('');
    for (const a of doc.articles) {
      const n = layout.pageMap[a.id];
      const page = layout.pages[n - 1];
      expect(page.items.some((i) => i.kind === 'dest' && i.name === a.anchor), a.title).toBe(true);
      expect(texts(page)).toContain(a.title);
      expect(front).toContain(`${a.title}${LABELS.viewpointSource(a.source)}${LABELS.pageRef(n)}`.replace(/\s/g, ''));
    }
    expect(layout.rounds).toBeLessThanOrEqual(4);
  });

  it('starts every article on a new page, numbers pages in footers, none on the covers', () => {
    const starts = doc.articles.map((a) => layout.pageMap[a.id]);
    expect(new Set(starts).size).toBe(starts.length);
    expect(layout.pages[0].role).toBe('cover');
    expect(layout.pages[layout.pages.length - 1].role).toBe('back');
    for (const page of layout.pages) {
      const last = page.items.filter((i): i is TextItem => i.kind === 'text').pop();
      if (page.footer) expect(last?.text).toBe(String(page.number));
      else expect(page.role === 'cover' || page.role === 'back').toBe(true);
    }
    expect(layout.pages.find((p) => p.role === 'toc')?.number).toBe(layout.tocPage);
  });

  it('gives the same page numbers when it only counts pages', () => {
    const counted = layoutIssue(doc, new Typesetter(fakeMetrics()), { pageMapOnly: true });
    expect(counted.pageMap).toEqual(layout.pageMap);
    expect(counted.pages.length).toBe(layout.pages.length);
  });

  it('lays out a 16开 issue on smaller pages with more of them', () => {
    const small = layoutIssue(doc, new Typesetter(fakeMetrics()), { size: '16K' });
    expect(small.style.geometry.width).toBeLessThan(layout.style.geometry.width);
    expect(small.pages.length).toBeGreaterThan(layout.pages.length);
  });

  it('moves the text block to the binding side on even pages when mirrored', () => {
    const mirrored = layoutIssue(doc, new Typesetter(fakeMetrics()), { mirror: true, margins: { inner: 30, outer: 15 } });
    const firstX = (p: Page): number => Math.min(...p.items.filter((i): i is TextItem => i.kind === 'text').map((i) => i.x));
    const odd = mirrored.pages.find((p) => p.role === 'article' && p.number % 2 === 1)!;
    const even = mirrored.pages.find((p) => p.role === 'article' && p.number % 2 === 0)!;
    expect(firstX(odd)).toBeGreaterThan(firstX(even) + 30);
  });
});

describe('back cover QR codes', () => {
  it('draws each QR image from 设置 in its frame with its caption, in place of the text placeholders', () => {
    const doc = issue(2, () => 3);
    doc.meta.qrCodes = [
      { image: 'data:image/png;base64,AAAA', caption: '扫一扫\n关注药城公众号' },
      { image: 'data:image/png;base64,BBBB', caption: '扫一扫\n下载医周药事' },
    ];
    const back = layoutIssue(doc, new Typesetter(fakeMetrics())).pages.at(-1)!;
    const images = back.items.filter((i) => i.kind === 'image');
    expect(images.map((i) => i.kind === 'image' && i.src)).toEqual(['data:image/png;base64,AAAA', 'data:image/png;base64,BBBB']);
    expect(back.items.some((i) => i.kind === 'box' && i.dash)).toBe(false);
    expect(texts(back)).toContain('关注药城公众号');
    expect(texts(back)).toContain('下载医周药事');
    expect(texts(back)).toContain('北京先锋寰宇大健康管理有限公司');
  });

  it('keeps the dashed placeholder frames when no images are set', () => {
    const back = layoutIssue(issue(2, () => 3), new Typesetter(fakeMetrics())).pages.at(-1)!;
    expect(back.items.filter((i) => i.kind === 'image')).toEqual([]);
    expect(back.items.filter((i) => i.kind === 'box' && i.dash).length).toBe(1);
  });
});

/** keys of the per-article memos the typesetter has to compute from now on (cache misses) */
function recordMade(ts: Typesetter): string[] {
  const made: string[] = [];
  const memo = ts.memo.bind(ts);
  ts.memo = <T>(key: string, make: () => T): T =>
    memo(key, () => {
      made.push(key);
      return make();
    });
  return made;
}

describe('prepareArticle', () => {
  it('lays an article out ahead of the issue, whose layout then reuses those pages unchanged', () => {
    const doc = issue(4, (k) => 3 + k * 4);
    const fresh = layoutIssue(doc, new Typesetter(fakeMetrics()), { size: 'A4' });
    const ts = new Typesetter(fakeMetrics());
    for (const article of doc.articles) prepareArticle(article, ts, { size: 'A4' });
    const made = recordMade(ts);
    const prepared = layoutIssue(doc, ts, { size: 'A4' });
    expect(made).toEqual([]);
    expect(prepared.pages).toEqual(fresh.pages);
    expect(prepared.pageMap).toEqual(fresh.pageMap);
  });

  it('does not stand in for a layout with other options', () => {
    const doc = issue(2, () => 5);
    const ts = new Typesetter(fakeMetrics());
    for (const article of doc.articles) prepareArticle(article, ts, { size: 'A4' });
    const made = recordMade(ts);
    const other = layoutIssue(doc, ts, { size: '16K' });
    expect(made.length).toBe(2);
    expect(other.pages).toEqual(layoutIssue(doc, new Typesetter(fakeMetrics()), { size: '16K' }).pages);
  });
});

/** A typesetter that records the paragraphs it had to set (line cache misses), as their text. */
class MissRecordingTypesetter extends Typesetter {
  readonly misses: string[] = [];
  override set(runs: StyledRun[], opts: SetOptions, onMissing?: (chars: string) => void): ReturnType<Typesetter['set']> {
    const before = this.cacheSize;
    const lines = super.set(runs, opts, onMissing);
    if (this.cacheSize > before) this.misses.push(runs.map((r) => r.text).join(''));
    return lines;
  }
}

describe('prepareViewpointLines', () => {
  it('sets the 提要, TOC title and first-round head of each entry ahead: settling page numbers sets none of them again', () => {
    const doc = issue(6, (k) => 2 + k);
    const entries = doc.viewpoint.flatMap((c) => c.entries);
    entries.forEach((e, k) => (e.summary = `${k + 1}. ${e.summary}`));
    const isEntryText = (text: string): boolean => entries.some((e) => text.includes(e.title) || text.includes(e.summary));

    const cold = new MissRecordingTypesetter(fakeMetrics());
    const fresh = layoutIssue(doc, cold, { size: 'A4' });
    // without it, every entry's 提要, TOC title and head are set by the issue's layout
    expect(cold.misses.filter((t) => t.includes(LABELS.summaryMark)).length).toBe(entries.length);

    const ts = new MissRecordingTypesetter(fakeMetrics());
    for (const entry of entries) prepareViewpointLines(entry, ts, { size: 'A4' });
    expect(ts.misses.length).toBe(3 * entries.length);
    ts.misses.length = 0;
    const prepared = layoutIssue(doc, ts, { size: 'A4' });
    // only the heads with the settled page numbers (round 2 on) and the articles' own titles remain
    const entryMisses = ts.misses.filter(isEntryText);
    expect(entryMisses.filter((t) => t.includes(LABELS.summaryMark))).toEqual([]);
    expect(entryMisses.every((t) => t.startsWith('▶') ? !t.includes(LABELS.pageRef('00')) : true)).toBe(true);
    expect(prepared.pages).toEqual(fresh.pages);
    expect(prepared.pageMap).toEqual(fresh.pageMap);
  });
});
