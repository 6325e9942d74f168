import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../../../../electron/engine/archive/index';
import { archiveStore } from '../../../../../electron/engine/service/archiveStore';
import { createDispatch } from '../../../../../electron/engine/service/dispatch';
import { createService } from '../../../../../electron/engine/service/service';
import { fakeEngines, paragraphs } from './fakes';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'weekly-svc-'));
  dirs.push(d);
  return d;
}

describe('the service over the SQLite archive', () => {
  it('creates, saves an article into its column, searches and lists', async () => {
    const store = archiveStore(openArchive(join(tempDir(), 'weekly-desk.db')));
    const h = createService({ store, engines: fakeEngines() });
    const issue = await h.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null, columns: ['医保速递'] });
    const article = {
      id: 'a-1',
      title: '医保 DRG 支付方式改革三年行动',
      source: '国家医疗保障局',
      author: null,
      url: null,
      clippedAt: null,
      content: paragraphs('到 2024 年底，全国所有统筹地区全部开展 DRG/DIP 支付方式改革工作。'),
      summary: '',
      summaryEdited: false,
    };
    await h.articles.save({ issueId: issue.id, columnId: issue.columns[0].id, article });
    expect((await h.issues.get({ id: issue.id })).columns[0].articles.map((a) => a.title)).toEqual([article.title]);
    expect((await h.issues.list({}))[0]).toMatchObject({ id: '2024-W47', articleCount: 1, columnCount: 1 });
    const hits = await h.search.query({ query: 'DRG', limit: 5 });
    expect(hits[0]).toMatchObject({ articleId: 'a-1', issueNumber: '2024年第47期', column: '医保速递' });
    await store.close();
  });

  it('opens a .weekly file sent as bytes through issues:importWeekly', async () => {
    const home = tempDir();
    const source = openArchive(join(home, 'a', 'weekly-desk.db'));
    const h1 = createService({ store: archiveStore(source), engines: fakeEngines() });
    const issue = await h1.issues.create({ isoWeek: '2022-W08', copyColumnsFrom: null, columns: ['专家观点'] });
    const file = join(home, '2022-W08.weekly');
    await source.exportWeekly(issue.id, file);
    source.close();

    const target = archiveStore(openArchive(join(home, 'b', 'weekly-desk.db')));
    const dispatch = createDispatch(createService({ store: target, engines: fakeEngines() }));
    const reply = await dispatch('issues:importWeekly', { name: '2022-W08.weekly', data: readFileSync(file).toString('base64') });
    expect(reply).toMatchObject({ ok: true, result: { id: '2022-W08', meta: { issueNumber: '2022年第8期' } } });
    const broken = await dispatch('issues:importWeekly', { name: '坏文件.weekly', data: Buffer.from('not a zip').toString('base64') });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error.messageZh).toMatch(/[\u4e00-\u9fff]/);
    await target.close();
  });

  it('exports an issue as .weekly bytes through issues:exportWeekly that another archive opens', async () => {
    const home = tempDir();
    const source = archiveStore(openArchive(join(home, 'a', 'weekly-desk.db')));
    const h1 = createService({ store: source, engines: fakeEngines() });
    const issue = await h1.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null, columns: ['专家观点'] });
    const article = {
      id: 'a-7',
      title: '雷海潮：以基层为重点加快建设分级诊疗体系',
      source: '国家卫生健康委',
      author: null,
      url: null,
      clippedAt: null,
      content: paragraphs('分级诊疗制度是五项基本医疗卫生制度之首。'),
      summary: '分级诊疗制度是五项基本医疗卫生制度之首。',
      summaryEdited: true,
    };
    await h1.articles.save({ issueId: issue.id, columnId: issue.columns[0].id, article });
    const exported = await createDispatch(h1)('issues:exportWeekly', { id: issue.id });
    if (!exported.ok) throw new Error(exported.error.messageZh);
    const file = exported.result as { fileName: string; data: string };
    expect(file.fileName).toBe('医周药事2024年第47期.weekly');
    expect(Buffer.from(file.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    await source.close();

    const target = archiveStore(openArchive(join(home, 'b', 'weekly-desk.db')));
    const h2 = createService({ store: target, engines: fakeEngines() });
    const opened = await h2.issues.importWeekly({ name: file.fileName, data: file.data, onConflict: 'error' });
    const again = await createDispatch(h2)('issues:importWeekly', { name: file.fileName, data: file.data });
    expect(again).toMatchObject({ ok: false, error: { code: 'weekly-file-exists' } });
    const copy = await h2.issues.importWeekly({ name: file.fileName, data: file.data, onConflict: 'copy' });
    expect(copy.id).not.toBe(opened.id);
    expect(opened.columns[0].articles[0]).toMatchObject({ title: article.title, summary: article.summary, summaryEdited: true });
    expect(await createDispatch(h2)('issues:exportWeekly', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'issue-not-found' } });
    await target.close();
  });

  it('names a damaged or foreign .weekly file in a clear Chinese message', async () => {
    const home = tempDir();
    const source = archiveStore(openArchive(join(home, 'a', 'weekly-desk.db')));
    const h = createService({ store: source, engines: fakeEngines() });
    const issue = await h.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null, columns: ['专家观点'] });
    const good = Buffer.from((await h.issues.exportWeekly({ id: issue.id })).data, 'base64');
    const dispatch = createDispatch(h);
    const open = (name: string, bytes: Uint8Array) => dispatch('issues:importWeekly', { name, data: Buffer.from(bytes).toString('base64') });

    const truncated = await open('第47期.weekly', good.subarray(0, Math.floor(good.length / 2)));
    expect(truncated).toEqual({
      ok: false,
      error: { code: 'weekly-file-damaged', messageZh: '文件 第47期.weekly 已损坏或不完整，无法导入。请重新导出或重新传输后再试。' },
    });
    const foreign = await open('报告.weekly', new TextEncoder().encode('%PDF-1.7 这是一个 PDF'));
    expect(foreign).toEqual({ ok: false, error: { code: 'weekly-file-foreign', messageZh: '文件 报告.weekly 不是周刊编辑台导出的 .weekly 期刊文件。' } });
    await source.close();
  });

  it('stores QR images from 设置 and hands them to the PDF engine as data: URLs with their captions', async () => {
    const docs: Array<{ meta: { qrCodes?: Array<{ image: string; caption: string }> } }> = [];
    const engines = fakeEngines({
      renderPdf: async (doc) => {
        docs.push(doc);
        return { pdf: new Uint8Array([37]), pageCount: 1, pageMap: {} };
      },
    });
    const store = archiveStore(openArchive(join(tempDir(), 'weekly-desk.db')));
    const h = createService({ store, engines });
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const { ref } = await h.media.put({ mimeType: 'image/png', data: png.toString('base64') });
    expect(ref).toMatch(/^media:[0-9a-f]{64}$/);
    expect(await h.media.get({ ref })).toEqual({ mimeType: 'image/png', data: png.toString('base64') });
    const settings = await h.settings.get({});
    await h.settings.set({ ...settings, qrCodes: [{ image: ref, caption: '扫一扫\n关注药城公众号' }] });
    expect((await h.settings.get({})).qrCodes).toEqual([{ image: ref, caption: '扫一扫\n关注药城公众号' }]);

    const issue = await h.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null, columns: ['专家观点'] });
    const { jobId } = await h.export.pdf({ issueId: issue.id });
    for (let i = 0; i < 200 && (await h.export.status({ jobId })).state === 'running'; i++) await new Promise((r) => setTimeout(r, 5));
    expect(docs[0].meta.qrCodes).toEqual([{ image: `data:image/png;base64,${png.toString('base64')}`, caption: '扫一扫\n关注药城公众号' }]);
    const missing = await createDispatch(h)('media:get', { ref: `media:${'0'.repeat(64)}` });
    expect(missing.ok).toBe(false);
    await store.close();
  });
});
