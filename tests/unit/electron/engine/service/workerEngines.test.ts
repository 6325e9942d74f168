import { afterAll, describe, expect, it } from 'vitest';
import { issueSchema } from '../../../../../shared/model/issue';
import { buildIssueDocument } from '../../../../../shared/document/issueDocument';
import { isUserFacingError } from '../../../../../shared/errors';
import { ArticleLedger, createWorkerEngines, YOUNG_GENERATION_MB } from '../../../../../electron/engine/service/workerEngines';
import { HeldArticles } from '../../../../../electron/engine/service/renderWorkerProtocol';
import { defaultEngines } from '../../../../../electron/engine/service/defaultEngines';
import { stageShown } from '../../../../../electron/engine/service/exportStages';
import { fakeEngines, paragraphs } from './fakes';

const issue = issueSchema.parse({
  id: '2024-W47',
  meta: { isoWeek: '2024-W47', issueNumber: '2024年第47期', dateRange: '2024.11.18—2024.11.24', tags: ['医保'] },
  columns: [
    {
      id: 'c-1',
      name: '政策聚焦',
      articles: [
        {
          id: 'a-1',
          title: '国家医保局发布新版药品目录',
          source: '健康报',
          author: null,
          url: null,
          clippedAt: null,
          content: paragraphs('国家医保局、人力资源社会保障部印发新版国家医保药品目录，新增91种药品。'),
          summary: '新版目录新增91种药品。',
        },
      ],
    },
  ],
});

describe('createWorkerEngines', () => {
  const engines = createWorkerEngines(fakeEngines());
  afterAll(() => engines.close());

  it('renders the PDF on the worker thread and reports the engine stages in order', async () => {
    const stages: string[] = [];
    const r = await engines.renderPdf(buildIssueDocument(issue), { pageSize: 'A4', bodyFont: 'serif', onStage: (s) => stages.push(s) });
    expect(new TextDecoder().decode(r.pdf.slice(0, 5))).toBe('%PDF-');
    expect(r.pageMap['a-1']).toBeGreaterThan(1);
    expect(r.pageCount).toBeGreaterThanOrEqual(r.pageMap['a-1']);
    expect(stages[0]).toBe('fonts');
    expect(stages).toContain('settle page numbers');
    expect(stages.at(-1)).toBe('done');
    // every stage the PDF engine reports has a Chinese name for the progress bar
    for (const s of stages) expect(stageShown(s), s).not.toBeNull();
  });

  it('renders DOCX there too, and keeps import and 提要 on the calling engines', async () => {
    const stages: string[] = [];
    const r = await engines.renderDocx(buildIssueDocument(issue), { pageSize: '16K', bodyFont: 'serif', onStage: (s) => stages.push(s) });
    expect([...r.docx.slice(0, 2)]).toEqual([0x50, 0x4b]);
    expect(r.docx.length).toBeGreaterThan(1000);
    expect(stages).toEqual(['docx:content', 'docx:layout', 'docx:done']);
    const clipping = await engines.importHtml('<p>粘贴</p>');
    expect(clipping.source).toBe('粘贴');
  });

  it('settles the page numbers the PDF prints without drawing it, in either face', async () => {
    const doc = buildIssueDocument(issue);
    for (const bodyFont of ['serif', 'sans'] as const) {
      const [pages, pdf] = await Promise.all([engines.settlePages(doc, { pageSize: '16K', bodyFont }), engines.renderPdf(doc, { pageSize: '16K', bodyFont })]);
      expect(pages).toEqual({ pageCount: pdf.pageCount, pageMap: pdf.pageMap });
      expect(pages.pageMap['a-1']).toBeGreaterThan(1);
    }
  });

  it('answers concurrent requests each with its own result', async () => {
    const doc = buildIssueDocument(issue);
    const [pdf, docx] = await Promise.all([engines.renderPdf(doc, { pageSize: 'A4', bodyFont: 'serif' }), engines.renderDocx(doc, { pageSize: 'A4', bodyFont: 'serif' })]);
    expect(new TextDecoder().decode(pdf.pdf.slice(0, 4))).toBe('%PDF');
    expect(docx.docx[0]).toBe(0x50);
  });
});

describe('page numbers: the worker holds the articles, the service sends what changed', () => {
  const twoArticles = issueSchema.parse({
    ...issue,
    columns: [{ ...issue.columns[0], articles: [...issue.columns[0].articles, { ...issue.columns[0].articles[0], id: 'a-2', title: '集采药品落地' }] }],
  });

  it('sends each article once, then only a new one; the worker rebuilds the same document', () => {
    const ledger = new ArticleLedger();
    const held = new HeldArticles();
    const doc = buildIssueDocument(twoArticles);
    const first = ledger.refs(doc);
    expect(first.doc.articles.map((r) => r.article !== undefined)).toEqual([true, true]);
    expect(held.resolve(first)).toEqual(doc);

    const edited = { ...doc, articles: [doc.articles[0], { ...doc.articles[1], title: '集采药品全面落地' }] };
    const second = ledger.refs(edited);
    expect(second.doc.articles.map((r) => r.article !== undefined)).toEqual([false, true]);
    expect(second.doc.meta).toBe(doc.meta);
    const resolved = held.resolve(second);
    expect(resolved).toEqual(edited);
    expect(resolved.articles[0]).toBe(first.doc.articles[0].article);
  });

  it('lets the worker forget articles no recent request used, and starts afresh after a reset', () => {
    const ledger = new ArticleLedger();
    const held = new HeldArticles();
    const doc = buildIssueDocument(twoArticles);
    held.resolve(ledger.refs(doc));
    let current = doc;
    for (let k = 0; k < 4; k++) {
      current = { ...current, articles: [current.articles[0], { ...current.articles[1], title: `第${k}版` }] };
      held.resolve(ledger.refs(current));
    }
    // the first version of the second article is gone (none of the last four requests used it)
    expect(held.size).toBe(1 + 4);
    const again = ledger.refs(doc);
    expect(again.doc.articles.map((r) => r.article !== undefined)).toEqual([false, true]);
    expect(held.resolve(again)).toEqual(doc);

    ledger.reset();
    const fresh = ledger.refs(doc);
    expect(fresh.reset).toBe(true);
    expect(fresh.doc.articles.every((r) => r.article !== undefined)).toBe(true);
    const emptyWorker = new HeldArticles();
    expect(emptyWorker.resolve(fresh)).toEqual(doc);
    expect(() => emptyWorker.resolve(ledger.refs({ ...doc, articles: [...doc.articles].reverse() }))).not.toThrow();
    expect(() => new HeldArticles().resolve({ doc: { ...doc, articles: [{ key: 999 }] }, reset: false, drop: [] })).toThrow(/does not hold/);
  });

  it('settles an edited issue on the worker exactly as a fresh layout of the whole document does', async () => {
    const engines = createWorkerEngines(fakeEngines());
    try {
      const doc = buildIssueDocument(twoArticles);
      await engines.settlePages(doc, { pageSize: 'A4', bodyFont: 'serif' });
      const long = paragraphs(...Array.from({ length: 40 }, (_, i) => `第${i + 1}段：国家医保局、人力资源社会保障部印发新版国家医保药品目录，新增91种药品，其中肿瘤用药26种。`));
      const edited = buildIssueDocument({
        ...twoArticles,
        columns: [{ ...twoArticles.columns[0], articles: [{ ...twoArticles.columns[0].articles[0], content: long }, twoArticles.columns[0].articles[1]] }],
      });
      const onWorker = await engines.settlePages({ ...edited, articles: [edited.articles[0], doc.articles[1]] }, { pageSize: 'A4', bodyFont: 'serif' });
      const inProcess = await defaultEngines.settlePages(edited, { pageSize: 'A4', bodyFont: 'serif' });
      expect(onWorker).toEqual(inProcess);
      expect(onWorker.pageMap['a-2']).toBeGreaterThan(onWorker.pageMap['a-1'] + 1);
    } finally {
      await engines.close();
    }
  });
});

describe('the render worker’s memory', () => {
  it('gives layout a larger young generation than V8’s default', async () => {
    const entry = new URL('./workers/limitsWorker.ts', import.meta.url);
    for (const [options, expected] of [[{}, YOUNG_GENERATION_MB], [{ youngGenerationMb: 64 }, 64]] as const) {
      const engines = createWorkerEngines(fakeEngines(), { entry, ...options });
      try {
        expect((await engines.settlePages(buildIssueDocument(issue), { pageSize: 'A4', bodyFont: 'serif' })).pageCount).toBe(expected);
      } finally {
        await engines.close();
      }
    }
    expect(YOUNG_GENERATION_MB).toBeGreaterThan(48);
  });
});

describe('createWorkerEngines when the worker dies', () => {
  it('fails the pending job with a Chinese message instead of hanging', async () => {
    const engines = createWorkerEngines(fakeEngines(), { entry: new URL('./workers/crashingWorker.ts', import.meta.url) });
    try {
      const e = await engines.renderPdf(buildIssueDocument(issue), { pageSize: 'A4', bodyFont: 'serif' }).catch((err: unknown) => err);
      expect(isUserFacingError(e)).toBe(true);
      expect((e as { messageZh: string }).messageZh).toContain('排版进程意外退出');
    } finally {
      await engines.close();
    }
  });
});

describe('stageShown', () => {
  it('names the DOCX stages and ignores stages it does not know', () => {
    expect(stageShown('docx:content')?.stageZh).toBe('生成 Word 正文');
    expect(stageShown('something new')).toBeNull();
  });
});
