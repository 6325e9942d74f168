// The whole build: manifest → Issue → IssueDocument → PDF / DOCX / issue.json, stage by stage.
// Outputs are written to temporary files and renamed at the end, so a failed build leaves no half PDF.
// Each exporter loads only when its format is asked for: `--format pdf` never loads the DOCX library.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIssueDocument, documentArticle, viewpointEntry, type ArticlePlace, type DocumentArticle, type IssueDocument, type PageMap, type ViewpointEntry } from '../../../shared/document/issueDocument';
import type { BodyFont } from '../../../shared/layout/pageStyle';
import type { Article, Issue } from '../../../shared/model/issue';
import { prefetchFaces } from '../fonts/fontFiles';
import { loadIssueFromManifest } from './manifest';

export type OutputFormat = 'pdf' | 'docx';

export interface BuildOptions {
  outDir: string;
  formats?: OutputFormat[];
  pageSize?: 'A4' | '16K';
  /** 正文字体: 宋体 (serif, the default) or 黑体 (sans), as 设置 offers in the app */
  bodyFont?: BodyFont;
  /** called once per finished stage with its duration in ms */
  onStage?: (stage: string, ms: number) => void;
  onWarning?: (message: string) => void;
}

export interface IssueSummaryJson {
  pages: number | null;
  articles: Array<{ id: string; column: string; title: string; source: string; author: string | null; startPage: number | null; summary: string }>;
  missingGlyphs?: Array<{ articleId: string | null; chars: string }>;
}

export interface BuildResult {
  issue: Issue;
  files: string[];
  json: IssueSummaryJson;
}

export function issueJson(doc: IssueDocument, pages: number | null, pageMap: PageMap | null): IssueSummaryJson {
  const summaries = new Map(doc.viewpoint.flatMap((c) => c.entries.map((e) => [e.articleId, e.summary] as const)));
  return {
    pages,
    articles: doc.articles.map((a) => ({
      id: a.id,
      column: a.column,
      title: a.title,
      source: a.source,
      author: a.author,
      startPage: pageMap ? (pageMap[a.id] ?? null) : null,
      summary: summaries.get(a.id) ?? '',
    })),
  };
}

async function timed<T>(stage: string, options: BuildOptions, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await work();
  options.onStage?.(stage, performance.now() - start);
  return result;
}

export async function buildIssueFromManifest(manifestPath: string, options: BuildOptions): Promise<BuildResult> {
  const pdf = (options.formats ?? ['pdf', 'docx']).includes('pdf');
  // The body and title faces are read from disk on the thread pool while the first clippings import.
  if (pdf) prefetchFaces([options.bodyFont === 'sans' ? 'sans' : 'serif', 'sansBold']);
  // This thread lays out each article as soon as it is imported, between the clippings it imports itself:
  // the issue's layout then finds those pages in the typesetter's memo.
  const preparer = pdf ? articlePreparer(options) : null;
  try {
    const issue = await timed('import', options, () =>
      loadIssueFromManifest(manifestPath, { onWarning: options.onWarning, parallel: true, ...(preparer ? { onArticle: preparer.add } : {}) }),
    );
    return await buildIssue(issue, options);
  } finally {
    preparer?.stop();
  }
}

/**
 * Lays out imported articles (and their 本期视点 entries) for the PDF one at a time, each in its own
 * turn of the event loop so this thread's own imports and the workers' messages go on in between. A
 * failure is left to the issue's layout, which lays that article out again and reports it.
 */
function articlePreparer(options: BuildOptions): { add: (article: Article, place: ArticlePlace) => void; stop: () => void } {
  const queue: Array<{ article: DocumentArticle; entry: ViewpointEntry }> = [];
  let stopped = false;
  let running = false;
  const pump = async (): Promise<void> => {
    running = true;
    try {
      const engine = await loadPdfEngine();
      for (let next = queue.shift(); next && !stopped; next = queue.shift()) {
        engine.prepareArticlePdf(next.article, look(options), next.entry);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } catch {
      // the issue's layout does the work again and reports what failed
    } finally {
      running = false;
    }
  };
  return {
    add: (article, place) => {
      if (stopped) return;
      const documented = documentArticle(article, place);
      queue.push({ article: documented, entry: viewpointEntry(article, documented) });
      if (!running) void pump();
    },
    stop: () => {
      stopped = true;
      queue.length = 0;
    },
  };
}

/** What the pages look like: laying out ahead, the warm-up and both exporters must agree on it. */
function look(options: BuildOptions): { pageSize?: 'A4' | '16K'; bodyFont?: BodyFont } {
  return { ...(options.pageSize ? { pageSize: options.pageSize } : {}), ...(options.bodyFont ? { bodyFont: options.bodyFont } : {}) };
}

function loadPdfEngine(): Promise<typeof import('../pdf/index')> {
  return import('../pdf/index');
}

export async function buildIssue(issue: Issue, options: BuildOptions): Promise<BuildResult> {
  const formats = options.formats ?? ['pdf', 'docx'];
  const doc = buildIssueDocument(issue);
  const pending: Array<{ tmp: string; final: string }> = [];
  let json = issueJson(doc, null, null);
  try {
    await mkdir(options.outDir, { recursive: true });
    const stage = async (name: string, bytes: Uint8Array | string): Promise<void> => {
      const final = join(options.outDir, name);
      const tmp = `${final}.partial-${process.pid}`;
      await writeFile(tmp, bytes);
      pending.push({ tmp, final });
    };
    if (formats.includes('pdf')) {
      const pdf = await timed('pdf', options, async () => (await loadPdfEngine()).renderIssuePdf(doc, look(options)));
      for (const m of pdf.missingGlyphs) {
        options.onWarning?.(`characters missing from the font${m.articleId ? ` in article ${m.articleId}` : ''}: ${m.chars} (drawn with a fallback font)`);
      }
      json = issueJson(doc, pdf.pageCount, pdf.pageMap);
      if (pdf.missingGlyphs.length > 0) json.missingGlyphs = pdf.missingGlyphs;
      await stage('issue.pdf', pdf.pdf);
    }
    if (formats.includes('docx')) {
      const docx = await timed('docx', options, async () => (await import('../docx/index')).renderIssueDocx(doc, look(options)));
      await stage('issue.docx', docx.docx);
    }
    await stage('issue.json', `${JSON.stringify(json, null, 2)}\n`);
    for (const p of pending) await rename(p.tmp, p.final);
    return { issue, files: pending.map((p) => p.final), json };
  } catch (e) {
    await Promise.all(pending.map((p) => rm(p.tmp, { force: true })));
    throw e;
  }
}
