import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../../electron/engine/service/dispatch';
import { createMemoryStore } from '../../../../../electron/engine/service/memoryStore';
import { createService } from '../../../../../electron/engine/service/service';
import type { WeeklyDeskHandlers } from '../../../../../shared/api/contract';
import type { Issue } from '../../../../../shared/model/issue';
import { base64, fakeEngines, paragraphs } from './fakes';

function setup(engines = fakeEngines()) {
  const store = createMemoryStore(() => new Date('2024-11-18T08:00:00Z'));
  const handlers = createService({ store, engines, now: () => new Date('2024-11-18T09:00:00Z') });
  return { store, handlers, engines, dispatch: createDispatch(handlers) };
}

async function waitForJob(handlers: WeeklyDeskHandlers, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const s = await handlers.export.status({ jobId });
    if (s.state !== 'running') return s;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('job did not finish');
}

function withArticles(issue: Issue, columnName: string, titles: string[]): Issue {
  return {
    ...issue,
    columns: [
      ...issue.columns,
      {
        id: `c-${columnName}`,
        name: columnName,
        articles: titles.map((title, i) => ({
          id: `${columnName}-${i}`,
          title,
          source: '健康报',
          author: null,
          url: null,
          clippedAt: null,
          content: paragraphs(`${title}的正文。`),
          summary: '',
          summaryEdited: false,
        })),
      },
    ],
  };
}

describe('issues', () => {
  it('creates an issue from its ISO week with 期号 and Monday–Sunday dates', async () => {
    const { handlers } = setup();
    const issue = await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null });
    expect(issue.id).toBe('2024-W47');
    expect(issue.meta.issueNumber).toBe('2024年第47期');
    expect(issue.meta.dateRange).toBe('2024.11.18-2024.11.24');
    expect(issue.columns).toEqual([]);
    expect((await handlers.issues.list({})).map((i) => i.id)).toEqual(['2024-W47']);
  });

  it('gives a second issue of the same week its own id', async () => {
    const { handlers } = setup();
    await handlers.issues.create({ isoWeek: '2022-W08', copyColumnsFrom: null });
    const second = await handlers.issues.create({ isoWeek: '2022-W08', copyColumnsFrom: null });
    expect(second.id).toBe('2022-W08-2');
    expect(second.meta.dateRange).toBe('2022.02.21-2022.02.27');
  });

  it('reuses the columns of an earlier issue, without its articles', async () => {
    const { handlers } = setup();
    const old = await handlers.issues.create({ isoWeek: '2024-W46', copyColumnsFrom: null });
    await handlers.issues.save(withArticles(withArticles(old, '专家观点', ['甲']), '医保速递', ['乙']));
    const next = await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: old.id });
    expect(next.columns.map((c) => c.name)).toEqual(['专家观点', '医保速递']);
    expect(next.columns.every((c) => c.articles.length === 0)).toBe(true);
    expect(await handlers.issues.columnNames({})).toEqual(expect.arrayContaining(['专家观点', '医保速递']));
  });

  it('refuses a week that does not exist, in Chinese', async () => {
    const { dispatch } = setup();
    const r = await dispatch('issues:create', { isoWeek: '2021-W53' });
    expect(r).toEqual({ ok: false, error: { code: 'week-invalid', messageZh: '没有这一周：2021-W53' } });
  });

  it('saves one article into its column (the autosave path)', async () => {
    const { handlers } = setup();
    const issue = withArticles(await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null }), '专家观点', ['甲', '乙']);
    await handlers.issues.save(issue);
    const edited = { ...issue.columns[0].articles[1], summary: '新提要', summaryEdited: true };
    await handlers.articles.save({ issueId: issue.id, columnId: issue.columns[0].id, article: edited });
    const back = await handlers.issues.get({ id: issue.id });
    expect(back.columns[0].articles.map((a) => [a.title, a.summary, a.summaryEdited])).toEqual([
      ['甲', '', false],
      ['乙', '新提要', true],
    ]);
  });
});

describe('import', () => {
  it('returns each clipping with a proposed 提要, and names files it could not read', async () => {
    const { handlers } = setup();
    const result = await handlers.import.files({
      issueId: null,
      files: [
        { name: '01-a.html', data: base64('医保支付改革|国家医疗保障局|按病种付费全面推开。') },
        { name: 'broken.docx', data: base64('not a clipping') },
      ],
    });
    expect(result.clippings).toHaveLength(1);
    expect(result.clippings[0]).toMatchObject({ fileName: '01-a.html', title: '医保支付改革', source: '国家医疗保障局', summary: '按病种付费全面推开。', alreadyRan: [] });
    expect(result.failures).toEqual([{ fileName: 'broken.docx', messageZh: '无法读取该剪报：cannot read broken.docx' }]);
  });

  it('warns when a clipping already ran in an earlier issue, but not for the issue it goes into', async () => {
    const { handlers } = setup();
    const old = withArticles(await handlers.issues.create({ isoWeek: '2021-W08', copyColumnsFrom: null }), '专家观点', ['医保支付改革']);
    await handlers.issues.save(old);
    const file = { name: 'x.html', data: base64('医保支付改革|国家医疗保障局|正文') };
    const fresh = await handlers.import.files({ issueId: null, files: [file] });
    expect(fresh.clippings[0].alreadyRan).toEqual([{ issueId: '2021-W08', issueNumber: '2021年第8期', articleId: '专家观点-0', title: '医保支付改革' }]);
    const same = await handlers.import.files({ issueId: '2021-W08', files: [file] });
    expect(same.clippings[0].alreadyRan).toEqual([]);
  });

  it('validates URLs before fetching', async () => {
    const { dispatch } = setup();
    const r = await dispatch('import:url', { url: 'javascript:alert(1)' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-input');
  });
});

describe('export', () => {
  it('runs a PDF export as a job with stages, then hands over the file and its page count', async () => {
    const { handlers } = setup();
    const issue = withArticles(await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null }), '专家观点', ['甲', '乙']);
    await handlers.issues.save(issue);
    const { jobId } = await handlers.export.pdf({ issueId: issue.id });
    const first = await handlers.export.status({ jobId });
    expect(first.state).toBe('running');
    const done = await waitForJob(handlers, jobId);
    expect(done).toMatchObject({ state: 'done', progress: 1 });
    const file = await handlers.export.result({ jobId });
    expect(file.fileName).toBe('医周药事2024年第47期.pdf');
    expect(file.pageCount).toBe(10);
    expect(file.pageMap).toEqual({ '专家观点-0': 5, '专家观点-1': 8 });
    expect(Buffer.from(file.data, 'base64').toString()).toBe('%PDF-1.7 fake');
  });

  it('shows the engine stages in Chinese while the render runs', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const { handlers } = setup(
      fakeEngines({
        renderPdf: async (_doc, options) => {
          options.onStage?.('layout articles');
          options.onStage?.('settle page numbers');
          await held;
          return { pdf: new Uint8Array([37]), pageCount: 1, pageMap: {} };
        },
      }),
    );
    const issue = await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null });
    const { jobId } = await handlers.export.pdf({ issueId: issue.id });
    let s = await handlers.export.status({ jobId });
    for (let i = 0; i < 100 && s.stage !== '核定页码'; i++) {
      await new Promise((r) => setTimeout(r, 5));
      s = await handlers.export.status({ jobId });
    }
    expect(s).toMatchObject({ state: 'running', stage: '核定页码', progress: 0.55 });
    release();
    expect(await waitForJob(handlers, jobId)).toMatchObject({ state: 'done', stage: '完成' });
  });

  it('reports a failed export in Chinese', async () => {
    const { handlers } = setup(
      fakeEngines({
        renderPdf: async () => {
          throw new Error('font missing');
        },
      }),
    );
    const issue = await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null });
    const { jobId } = await handlers.export.pdf({ issueId: issue.id });
    const s = await waitForJob(handlers, jobId);
    expect(s).toMatchObject({ state: 'failed', messageZh: '导出失败：font missing' });
    await expect(handlers.export.result({ jobId })).rejects.toMatchObject({ code: 'job-failed' });
  });

  it('refuses to export an issue that does not exist', async () => {
    const { dispatch } = setup();
    expect(await dispatch('export:docx', { issueId: 'nope' })).toEqual({ ok: false, error: { code: 'issue-not-found', messageZh: '找不到这一期，它可能已被删除。' } });
  });
});

describe('本期视点 preview', () => {
  it('shows entries by column with page numbers from the layout, and lays out unchanged content once', async () => {
    const engines = fakeEngines();
    const { handlers } = setup(engines);
    let issue = await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null });
    issue = withArticles(withArticles(issue, '分析解读', ['甲', '乙']), '专家观点', ['丙']);
    await handlers.issues.save(issue);
    const preview = await handlers.issues.viewpoint({ id: issue.id });
    expect(preview.exact).toBe(true);
    expect(preview.columns.map((c) => [c.column, c.entries.map((e) => [e.title, e.page])])).toEqual([
      ['分析解读', [['甲', 5], ['乙', 8]]],
      ['专家观点', [['丙', 11]]],
    ]);
    await handlers.issues.viewpoint({ id: issue.id });
    expect(engines.layoutCalls).toBe(1);
  });
});

describe('提要', () => {
  it('keeps a regenerated 提要 within the length set in 设置', async () => {
    const { handlers } = setup();
    const content = paragraphs('医保基金监管是守护人民群众看病钱、救命钱的重要举措，各地持续加大打击欺诈骗保力度。');
    expect((await handlers.articles.summarize({ title: '监管', content })).summary.length).toBe(41);
    await handlers.settings.set({ ...(await handlers.settings.get({})), summaryMinChars: 20, summaryMaxChars: 30 });
    expect((await handlers.articles.summarize({ title: '监管', content })).summary.length).toBe(30);
  });
});

describe('search and settings', () => {
  it('finds articles by every term and marks the matches', async () => {
    const { handlers } = setup();
    const issue = withArticles(await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null }), '医保速递', ['医保 DRG 支付改革', '中医药传承']);
    await handlers.issues.save(issue);
    const hits = await handlers.search.query({ query: '医保 DRG', limit: 10 });
    expect(hits.map((h) => h.title)).toEqual(['医保 DRG 支付改革']);
    const h = hits[0];
    expect(h.highlights.map((r) => h.snippet.slice(r.start, r.end))).toEqual(expect.arrayContaining(['医保', 'DRG']));
  });

  it('returns default settings until some are saved', async () => {
    const { handlers } = setup();
    expect((await handlers.settings.get({})).pageSize).toBe('A4');
    const saved = await handlers.settings.set({ ...(await handlers.settings.get({})), publisher: '北京先锋寰宇', pageSize: '16K' });
    expect(saved.publisher).toBe('北京先锋寰宇');
    expect(await handlers.settings.get({})).toMatchObject({ publisher: '北京先锋寰宇', pageSize: '16K' });
  });
});
