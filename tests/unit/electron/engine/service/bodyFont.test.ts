// 正文字体 from 设置 reaches every layout the service asks for: PDF and DOCX exports, the render
// worker, and the 本期视点 preview (whose page numbers must be those of the face exported).
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultEngines } from '../../../../../electron/engine/service/defaultEngines';
import { createMemoryStore } from '../../../../../electron/engine/service/memoryStore';
import type { RenderOptions } from '../../../../../electron/engine/service/engines';
import { createService } from '../../../../../electron/engine/service/service';
import { createWorkerEngines } from '../../../../../electron/engine/service/workerEngines';
import type { WeeklyDeskHandlers } from '../../../../../shared/api/contract';
import { buildIssueDocument } from '../../../../../shared/document/issueDocument';
import type { Article, Issue } from '../../../../../shared/model/issue';
import { issueMeta2024W47 } from '../../../../helpers/model';
import { fakeEngines, paragraphs } from './fakes';

/** the one article these tests file, with the given 提要 */
function article(summary: string): Article {
  return {
    id: 'a-1',
    title: '医保支付方式改革全覆盖',
    source: '健康报',
    author: null,
    url: null,
    clippedAt: null,
    content: paragraphs('国家医保局要求各地在年底前完成支付方式改革全覆盖。'),
    summary,
    summaryEdited: false,
  };
}

/** one article, through the real document builder */
const doc = buildIssueDocument({
  id: '2024-W47',
  meta: issueMeta2024W47({ tags: ['医保'] }),
  columns: [
    {
      id: 'c-1',
      name: '医保快讯',
      articles: [
        article('各地年底前完成改革。'),
      ],
    },
  ],
});

function recordingService() {
  const seen: Array<{ kind: 'pdf' | 'docx' | 'pages'; options: RenderOptions }> = [];
  const base = fakeEngines();
  const engines = fakeEngines({
    renderPdf: async (doc, options) => {
      seen.push({ kind: 'pdf', options });
      return base.renderPdf(doc, options);
    },
    settlePages: async (doc, options) => {
      seen.push({ kind: 'pages', options });
      return base.settlePages(doc, options);
    },
    renderDocx: async (doc, options) => {
      seen.push({ kind: 'docx', options });
      return base.renderDocx(doc, options);
    },
  });
  const handlers = createService({ store: createMemoryStore(() => new Date('2024-11-18T08:00:00Z')), engines });
  return { handlers, seen };
}

async function finish(handlers: WeeklyDeskHandlers, jobId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const s = await handlers.export.status({ jobId });
    if (s.state === 'done') return;
    if (s.state === 'failed') throw new Error(s.messageZh);
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('job did not finish');
}

async function issueWithArticle(handlers: WeeklyDeskHandlers): Promise<Issue> {
  const issue = await handlers.issues.create({ isoWeek: '2024-W47', copyColumnsFrom: null, columns: ['医保快讯'] });
  const filled: Issue = {
    ...issue,
    columns: issue.columns.map((c) => ({
      ...c,
      articles: [
        article(''),
      ],
    })),
  };
  await handlers.issues.save(filled);
  return filled;
}

describe('bodyFont from 设置', () => {
  it('exports PDF and DOCX in the serif until 设置 chooses the sans, then in the sans', async () => {
    const { handlers, seen } = recordingService();
    const issue = await issueWithArticle(handlers);
    await finish(handlers, (await handlers.export.pdf({ issueId: issue.id })).jobId);
    await finish(handlers, (await handlers.export.docx({ issueId: issue.id })).jobId);
    await handlers.settings.set({ ...(await handlers.settings.get({})), bodyFont: 'sans' });
    await finish(handlers, (await handlers.export.pdf({ issueId: issue.id, pageSize: '16K' })).jobId);
    await finish(handlers, (await handlers.export.docx({ issueId: issue.id })).jobId);
    expect(seen.map((s) => [s.kind, s.options.pageSize, s.options.bodyFont])).toEqual([
      ['pdf', 'A4', 'serif'],
      ['docx', 'A4', 'serif'],
      ['pdf', '16K', 'sans'],
      ['docx', 'A4', 'sans'],
    ]);
  });

  it('lays 本期视点 out again in the new face when 设置 changes it, not from the serif cache', async () => {
    const { handlers, seen } = recordingService();
    const issue = await issueWithArticle(handlers);
    await handlers.issues.viewpoint({ id: issue.id });
    await handlers.issues.viewpoint({ id: issue.id });
    await handlers.settings.set({ ...(await handlers.settings.get({})), bodyFont: 'sans' });
    await handlers.issues.viewpoint({ id: issue.id });
    expect(seen.map((s) => s.options.bodyFont)).toEqual(['serif', 'sans']);
  });
});

describe('bodyFont through the render worker', () => {
  const engines = createWorkerEngines(fakeEngines());
  afterAll(() => engines.close());
  // pdfkit writes font dictionaries uncompressed: the embedded face's name is in the bytes
  const embeds = (pdf: Uint8Array, name: string): boolean => Buffer.from(pdf).includes(name);

  it('embeds the face asked for', async () => {
    const sans = await engines.renderPdf(doc, { pageSize: 'A4', bodyFont: 'sans' });
    expect(embeds(sans.pdf, 'NotoSansSC-Regular')).toBe(true);
    expect(embeds(sans.pdf, 'NotoSerifSC-Regular')).toBe(false);
    const serif = await engines.renderPdf(doc, { pageSize: 'A4', bodyFont: 'serif' });
    expect(embeds(serif.pdf, 'NotoSerifSC-Regular')).toBe(true);
    expect(embeds(serif.pdf, 'NotoSansSC-Regular')).toBe(false);
  });
});

describe('bodyFont in the Word file', () => {
  const documentXml = (docx: Uint8Array): string => strFromU8(unzipSync(docx)['word/document.xml']);

  it('names 宋体 with Times New Roman for body runs by default, 黑体 with Arial once the sans is chosen', async () => {
    const serif = documentXml((await defaultEngines.renderDocx(doc, { pageSize: 'A4', bodyFont: 'serif' })).docx);
    const sans = documentXml((await defaultEngines.renderDocx(doc, { pageSize: 'A4', bodyFont: 'sans' })).docx);
    expect(serif).toContain('w:eastAsia="SimSun"');
    expect(sans).not.toContain('w:eastAsia="SimSun"');
    expect(sans).toContain('w:eastAsia="SimHei"');
    expect(serif).toContain('w:ascii="Times New Roman"');
    expect(sans).not.toContain('w:ascii="Times New Roman"');
  });
});
