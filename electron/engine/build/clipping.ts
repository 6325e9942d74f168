// One manifest entry → one Article: import its clipping and propose a 提要 where the manifest has none.
// Runs on the calling thread or in an import worker (./importWorker.ts); the importers load on first use.
import { resolve } from 'node:path';
import { toBlocks } from '../../../shared/content/walker';
import { UserFacingError, describeError, isUserFacingError } from '../../../shared/errors';
import type { ManifestArticle } from '../../../shared/model/manifest';
import type { Article } from '../../../shared/model/issue';
import { summarize } from '../../../shared/summary/index';

export interface EntryOptions {
  /** default true: propose a 提要 for articles whose manifest entry has none */
  summaries?: boolean;
}

export interface ImportedEntry {
  article: Article;
  /** the clipping's warnings, each prefixed with the entry's file name */
  warnings: string[];
}

/** `n` numbers the entry across the whole manifest (1-based): the default article id a001, a002, … */
export async function importEntry(baseDir: string, entry: Pick<ManifestArticle, 'id' | 'clip' | 'summary'>, n: number, options: EntryOptions = {}): Promise<ImportedEntry> {
  const clipPath = resolve(baseDir, entry.clip);
  const { importFile } = await import('../import/index');
  let clipping;
  try {
    clipping = await importFile(clipPath);
  } catch (e) {
    if (isUserFacingError(e)) throw e;
    throw new UserFacingError('clip-failed', `剪报 ${clipPath} 导入失败：${describeError(e)}`, `Cannot import clipping ${clipPath}: ${describeError(e)}`, { cause: e });
  }
  const given = entry.summary?.trim();
  const summary = given ?? (options.summaries === false ? '' : summarize({ title: clipping.title, blocks: toBlocks(clipping.content) }));
  return {
    article: {
      id: entry.id ?? `a${String(n).padStart(3, '0')}`,
      title: clipping.title,
      source: clipping.source,
      author: clipping.author,
      url: clipping.url,
      clippedAt: null,
      content: clipping.content,
      summary,
      summaryEdited: given !== undefined,
    },
    warnings: clipping.warnings.map((w) => `${entry.clip}: ${w}`),
  };
}
