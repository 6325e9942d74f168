// Manifest file → Issue: read and validate the manifest, import every clipping it names,
// fill in 期号/dates from the ISO week where missing, and propose a 提要 where the manifest has none.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { toBlocks } from '../../../shared/content/walker';
import { parseIsoWeek } from '../../../shared/dates/isoWeek';
import { UserFacingError, describeError, isUserFacingError } from '../../../shared/errors';
import { manifestSchema, type Manifest } from '../../../shared/model/manifest';
import { DEFAULT_READING_NOTE, issueSchema, type Article, type Issue } from '../../../shared/model/issue';
import { issueMetaForWeek } from '../../../shared/model/issueMeta';
import { summarize } from '../../../shared/summary/index';
import { importFile } from '../import/index';

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
}

export async function loadIssueFromManifest(manifestPath: string, options: LoadOptions = {}): Promise<Issue> {
  const manifest = await readManifest(manifestPath);
  const baseDir = dirname(resolve(manifestPath));
  parseIsoWeek(manifest.isoWeek); // an impossible week fails before any clipping is imported
  const columns: Issue['columns'] = [];
  let n = 0;
  for (const [s, section] of manifest.sections.entries()) {
    const articles: Article[] = [];
    for (const entry of section.articles) {
      n++;
      const clipPath = resolve(baseDir, entry.clip);
      let clipping;
      try {
        clipping = await importFile(clipPath);
      } catch (e) {
        if (isUserFacingError(e)) throw e;
        throw new UserFacingError('clip-failed', `剪报 ${clipPath} 导入失败：${describeError(e)}`, `Cannot import clipping ${clipPath}: ${describeError(e)}`, { cause: e });
      }
      for (const w of clipping.warnings) options.onWarning?.(`${entry.clip}: ${w}`);
      const given = entry.summary?.trim();
      const summary =
        given ?? (options.summaries === false ? '' : summarize({ title: clipping.title, blocks: toBlocks(clipping.content) }));
      articles.push({
        id: entry.id ?? `a${String(n).padStart(3, '0')}`,
        title: clipping.title,
        source: clipping.source,
        author: clipping.author,
        url: clipping.url,
        clippedAt: null,
        content: clipping.content,
        summary,
        summaryEdited: given !== undefined,
      });
    }
    columns.push({ id: `c${s + 1}`, name: section.name, articles });
  }
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
