// The engine side of the API contract: one handler per channel, plain Node, no transport.
// Called through ./dispatch.ts by the web server and by Electron main's IPC handlers.
import { randomUUID } from 'node:crypto';
import {
  settingsSchema,
  type AlreadyRan,
  type Clipping,
  type ExportFile,
  type ImportResult,
  type PageSize,
  type ViewpointPreview,
  type WeeklyDeskHandlers,
} from '../../../shared/api/contract';
import { toBlocks } from '../../../shared/content/walker';
import { parseIsoWeek } from '../../../shared/dates/isoWeek';
import { buildIssueDocument } from '../../../shared/document/issueDocument';
import { UserFacingError, describeError, isUserFacingError } from '../../../shared/errors';
import { DEFAULT_READING_NOTE, issueSchema, type Issue } from '../../../shared/model/issue';
import { issueMetaForWeek } from '../../../shared/model/issueMeta';
import type { Engines, ImportedClipping, SummaryLength } from './engines';
import { stageShown } from './exportStages';
import { JobRegistry } from './jobs';
import type { IssueStore } from './store';
import { createViewpointCache } from './viewpoint';

export interface ServiceOptions {
  store: IssueStore;
  engines: Engines;
  /** issue to open first (web `--sample`) */
  startupIssueId?: string | null;
  version?: string;
  now?: () => Date;
  log?: (message: string) => void;
}

export function exportFileName(issue: Issue, ext: 'pdf' | 'docx' | 'weekly'): string {
  const name = `${issue.meta.title}${issue.meta.issueNumber}`.replace(/[\\/:*?"<>|]+/g, '-');
  return `${name}.${ext}`;
}

export function createService(options: ServiceOptions): WeeklyDeskHandlers {
  const { store, engines } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const jobs = new JobRegistry();

  async function requireIssue(id: string): Promise<Issue> {
    const issue = await store.getIssue(id);
    if (!issue) throw new UserFacingError('issue-not-found', '找不到这一期，它可能已被删除。', `Issue ${id} not found`);
    return issue;
  }

  // Every write below tells it what was saved, so it never reads the issue back per request.
  const viewpoint = createViewpointCache(engines, requireIssue);

  async function settings() {
    return (await store.getSettings()) ?? settingsSchema.parse({});
  }

  /** The settings' 提要 bounds: aim near the editors' usual 190 characters, within min..max. */
  async function summaryLength(): Promise<SummaryLength> {
    const s = await settings();
    const max = Math.max(s.summaryMinChars, s.summaryMaxChars);
    return { targetLength: Math.min(max, Math.max(s.summaryMinChars, 190)), maxLength: max };
  }

  async function toClipping(fileName: string, imported: ImportedClipping, issueId: string | null): Promise<Clipping> {
    const blocks = toBlocks(imported.content);
    let summary = '';
    try {
      summary = engines.summarize({ title: imported.title, blocks }, await summaryLength());
    } catch (e) {
      log(`summary failed for ${fileName}: ${describeError(e)}`);
    }
    let alreadyRan: AlreadyRan[] = [];
    try {
      alreadyRan = await store.findAlreadyRan({ title: imported.title, url: imported.url, content: imported.content, excludeIssueId: issueId });
    } catch (e) {
      log(`already-ran check failed for ${fileName}: ${describeError(e)}`);
    }
    return { fileName, ...imported, summary, alreadyRan };
  }

  async function importEach(items: Array<{ name: string; read: () => Promise<ImportedClipping> }>, issueId: string | null): Promise<ImportResult> {
    const result: ImportResult = { clippings: [], failures: [] };
    for (const item of items) {
      try {
        result.clippings.push(await toClipping(item.name, await item.read(), issueId));
      } catch (e) {
        log(`import failed for ${item.name}: ${describeError(e)}`);
        result.failures.push({ fileName: item.name, messageZh: isUserFacingError(e) ? e.messageZh : `无法读取该剪报：${describeError(e)}` });
      }
    }
    return result;
  }

  /** The back cover's QR codes (the issue's own, else those in 设置) with images the PDF can open. */
  async function withQrImages(issue: Issue): Promise<Issue> {
    const codes = issue.meta.qrCodes ?? (await settings()).qrCodes;
    if (codes.length === 0) return issue;
    const resolved = await Promise.all(
      codes.map(async (code) => {
        if (!code.image.startsWith('media:')) return code;
        try {
          if (!store.getMedia) throw new Error('this store holds no media');
          const m = await store.getMedia(code.image);
          return { ...code, image: `data:${m.mimeType};base64,${Buffer.from(m.bytes).toString('base64')}` };
        } catch (e) {
          log(`QR image ${code.image} not found: ${describeError(e)}`);
          return { ...code, image: '' }; // an empty frame with its caption
        }
      }),
    );
    return { ...issue, meta: { ...issue.meta, qrCodes: resolved } };
  }

  function startExport(kind: 'pdf' | 'docx', issueId: string, pageSize: PageSize | undefined): string {
    return jobs.start(
      kind,
      async (report): Promise<ExportFile> => {
        report.stage('读取期刊', 0.05);
        const issue = await requireIssue(issueId);
        const s = await settings();
        const size = pageSize ?? s.pageSize;
        report.stage('整理本期视点与正文', 0.15);
        const doc = buildIssueDocument(await withQrImages(issue));
        const showStage = (engineStage: string): void => {
          const shown = stageShown(engineStage);
          if (shown) report.stage(shown.stageZh, shown.progress);
        };
        if (kind === 'pdf') {
          const r = await engines.renderPdf(doc, { pageSize: size, bodyFont: s.bodyFont, onStage: showStage });
          report.stage('写入文件', 0.95);
          return {
            fileName: exportFileName(issue, 'pdf'),
            mimeType: 'application/pdf',
            data: Buffer.from(r.pdf).toString('base64'),
            pageCount: r.pageCount,
            pageMap: r.pageMap,
          };
        }
        const r = await engines.renderDocx(doc, { pageSize: size, bodyFont: s.bodyFont, onStage: showStage });
        report.stage('写入文件', 0.95);
        return {
          fileName: exportFileName(issue, 'docx'),
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          data: Buffer.from(r.docx).toString('base64'),
          pageCount: null,
          pageMap: {},
        };
      },
      (e) => log(`${kind} export of ${issueId} failed: ${describeError(e)}`),
    );
  }

  return {
    issues: {
      list: () => store.listIssues(),
      get: ({ id }) => requireIssue(id),
      create: async ({ isoWeek, copyColumnsFrom, columns }) => {
        try {
          parseIsoWeek(isoWeek);
        } catch (e) {
          throw new UserFacingError('week-invalid', `没有这一周：${isoWeek}`, describeError(e));
        }
        const existing = new Set((await store.listIssues()).map((i) => i.id));
        let id = isoWeek;
        for (let n = 2; existing.has(id); n++) id = `${isoWeek}-${n}`;
        let names = columns ?? [];
        if (copyColumnsFrom) names = (await requireIssue(copyColumnsFrom)).columns.map((c) => c.name);
        const s = await settings();
        const issue: Issue = issueSchema.parse({
          id,
          meta: issueMetaForWeek(isoWeek, { tags: ['医保', '医疗', '医药'], readingNote: DEFAULT_READING_NOTE, backCover: s.backCover }),
          columns: names.map((name) => ({ id: `c-${randomUUID()}`, name, articles: [] })),
        });
        await store.saveIssue(issue);
        return issue;
      },
      save: async (issue) => {
        await store.saveIssue(issue);
        viewpoint.issueSaved(issue);
        return { savedAt: now().toISOString() };
      },
      saveMeta: async ({ id, meta }) => {
        const issue = await requireIssue(id);
        await store.saveIssue({ ...issue, meta });
        viewpoint.metaSaved(id, meta);
        return { savedAt: now().toISOString() };
      },
      remove: async ({ id }) => {
        await store.deleteIssue(id);
        viewpoint.forget(id);
        return { ok: true as const };
      },
      columnNames: () => store.columnNames(),
      importWeekly: async ({ name, data, onConflict }) => {
        if (!store.importWeekly) {
          throw new UserFacingError('weekly-unsupported', `当前模式不能打开期刊文件“${name}”。`, 'This store cannot import .weekly files');
        }
        const imported = await store.importWeekly(new Uint8Array(Buffer.from(data, 'base64')), name, onConflict);
        viewpoint.forget(imported.id);
        return imported;
      },
      exportWeekly: async ({ id }) => {
        const issue = await requireIssue(id);
        if (!store.exportWeekly) {
          throw new UserFacingError('weekly-unsupported', '当前模式（不保存到磁盘）不能导出期刊文件。', 'This store cannot export .weekly files');
        }
        const bytes = await store.exportWeekly(id);
        return { fileName: exportFileName(issue, 'weekly'), data: Buffer.from(bytes).toString('base64') };
      },
      viewpoint: async ({ id }): Promise<ViewpointPreview> => {
        const s = await settings();
        return viewpoint.preview(id, [], { pageSize: s.pageSize, bodyFont: s.bodyFont }, log);
      },
      viewpointDraft: async ({ id, drafts }): Promise<ViewpointPreview> => {
        const s = await settings();
        return viewpoint.preview(id, drafts, { pageSize: s.pageSize, bodyFont: s.bodyFont }, log);
      },
    },
    articles: {
      save: async ({ issueId, columnId, article }) => {
        await store.saveArticle(issueId, columnId, article);
        viewpoint.articleSaved(issueId, columnId, article);
        return { savedAt: now().toISOString() };
      },
      summarize: async ({ title, content }) => ({ summary: engines.summarize({ title, blocks: toBlocks(content) }, await summaryLength()) }),
    },
    import: {
      files: ({ issueId, files }) =>
        importEach(
          files.map((f) => ({ name: f.name, read: () => engines.importBytes(new Uint8Array(Buffer.from(f.data, 'base64')), f.name) })),
          issueId,
        ),
      html: ({ issueId, html }) => importEach([{ name: '粘贴的内容', read: () => engines.importHtml(html) }], issueId),
      url: ({ issueId, url }) => importEach([{ name: url, read: () => engines.importUrl(url) }], issueId),
    },
    export: {
      pdf: async ({ issueId, pageSize }) => {
        await requireIssue(issueId);
        return { jobId: startExport('pdf', issueId, pageSize) };
      },
      docx: async ({ issueId, pageSize }) => {
        await requireIssue(issueId);
        return { jobId: startExport('docx', issueId, pageSize) };
      },
      status: async ({ jobId }) => jobs.status(jobId),
      result: async ({ jobId }) => jobs.result(jobId),
    },
    media: {
      put: async ({ mimeType, data }) => {
        if (!store.putMedia) throw new UserFacingError('media-unsupported', '当前模式（不保存到磁盘）不能保存图片。', 'This store cannot hold media');
        return { ref: await store.putMedia(new Uint8Array(Buffer.from(data, 'base64')), mimeType) };
      },
      get: async ({ ref }) => {
        if (!store.getMedia) throw new UserFacingError('media-unsupported', '当前模式（不保存到磁盘）不能读取图片。', 'This store cannot hold media');
        const m = await store.getMedia(ref);
        return { mimeType: m.mimeType, data: Buffer.from(m.bytes).toString('base64') };
      },
    },
    search: {
      query: ({ query, limit }) => store.search(query.trim(), limit),
    },
    settings: {
      get: () => settings(),
      set: async (s) => {
        await store.saveSettings(s);
        return s;
      },
    },
    layout: {
      metrics: () => engines.metricsPack(),
    },
    app: {
      startup: async () => ({ openIssueId: options.startupIssueId ?? null, version: options.version ?? '0.0.0' }),
    },
  };
}
