// Manifest file → Issue: read and validate the manifest, import every clipping it names,
// fill in 期号/dates from the ISO week where missing, and propose a 提要 where the manifest has none.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseIsoWeek } from '../../../shared/dates/isoWeek';
import { UserFacingError, describeError } from '../../../shared/errors';
import { manifestSchema, type Manifest } from '../../../shared/model/manifest';
import { DEFAULT_READING_NOTE, issueSchema, type Article, type Issue } from '../../../shared/model/issue';
import { issueMetaForWeek } from '../../../shared/model/issueMeta';
import type { ArticlePlace } from '../../../shared/document/issueDocument';
import { debug, importEntries, importWorkerCount } from './parallelImport';

export class ManifestError extends UserFacingError {
  constructor(file: string, reasonEn: string, reasonZh: string, cause?: unknown) {
    super('manifest-invalid', `无法使用期刊清单 ${file}：${reasonZh}`, `Cannot use manifest ${file}: ${reasonEn}`, { cause });
    this.name = 'ManifestError';
  }
}

export async function readManifest(manifestPath: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (e) {
    throw new ManifestError(manifestPath, `cannot read it (${describeError(e)})`, '文件无法读取', e);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ManifestError(manifestPath, `not valid JSON (${describeError(e)})`, '不是有效的 JSON', e);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first.path.join('.') || '(root)';
    throw new ManifestError(manifestPath, `${where}: ${first.message}`, `字段 ${where} 有误：${first.message}`);
  }
  return parsed.data;
}

export interface LoadOptions {
  /** default true: propose a 提要 for articles whose manifest entry has none */
  summaries?: boolean;
  onWarning?: (message: string) => void;
  /**
   * import clippings in worker threads too, when the built CLI runs on a machine with a core to spare
   * (./parallelImport.ts); the issue is the same either way
   */
  parallel?: boolean;
  /**
   * called as each clipping is imported, in whatever order they finish, with its place in the issue
   * (`index` counts articles across columns); the Issue comes later, when all are imported
   */
  onArticle?: (article: Article, place: ArticlePlace) => void;
}


export async function loadIssueFromManifest(manifestPath: string, options: LoadOptions = {}): Promise<Issue> {
  const manifest = await readManifest(manifestPath);
  const baseDir = dirname(resolve(manifestPath));
  parseIsoWeek(manifest.isoWeek); // an impossible week fails before any clipping is imported
  const entries = manifest.sections.flatMap((section) => section.articles);
  const places: ArticlePlace[] = manifest.sections.flatMap((section) => section.articles.map((_, i) => ({ column: section.name, firstInColumn: i === 0 })))
    .map((p, index) => ({ index, ...p }));
  const onArticle = options.onArticle;
  const workers = options.parallel ? importWorkerCount(entries.length) : 0;
  debug(`${workers} import worker(s)`);
  const outcomes = await importEntries(baseDir, entries, {
    summaries: options.summaries,
    workers,
    ...(onArticle ? { onEntry: (index: number, result: { article: Article }) => onArticle(result.article, places[index]) } : {}),
  });
  // Warnings and the first failure in manifest order, as a one-by-one import reports them.
  const articles: Article[] = [];
  for (const outcome of outcomes) {
    if (!outcome) break;
    if (!outcome.ok) throw outcome.error;
    for (const w of outcome.result.warnings) options.onWarning?.(w);
    articles.push(outcome.result.article);
  }
  let taken = 0;
  const columns: Issue['columns'] = manifest.sections.map((section, s) => {
    const columnArticles = articles.slice(taken, taken + section.articles.length);
    taken += section.articles.length;
    return { id: `c${s + 1}`, name: section.name, articles: columnArticles };
  });
  const issue: Issue = {
    id: manifest.isoWeek,
    meta: issueMetaForWeek(manifest.isoWeek, {
      series: manifest.series,
      title: manifest.title,
      subtitle: manifest.subtitle,
      // a manifest may leave 期号 and dates empty (null): they follow from the week
      issueNumber: manifest.issueNumber || undefined,
      dateRange: manifest.dateRange || undefined,
      tags: manifest.tags,
      readingNote: manifest.readingNote ?? DEFAULT_READING_NOTE,
      backCover: manifest.backCover,
    }),
    columns,
  };
  return issueSchema.parse(issue);
}
