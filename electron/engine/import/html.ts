// The HTML pipeline: jsdom → Word-list repair → body extraction (WeChat / Readability / <article>) →
// DOMPurify → metadata and body clean-up → Lexical state. Every other format ends here as HTML.
import { normalizeAuthor, type MetadataLine } from '../../../shared/import/metadataLines';
import { normalizeTitle } from '../../../shared/import/punctuation';
import { convertWordLists } from '../../../shared/import/wordLists';
import { cleanBody } from './cleanBody';
import { ImportError } from './errors';
import { extractContent } from './extractContent';
import { parseHtml, textOf } from './htmlDocument';
import { htmlToLexical } from './htmlToLexical';
import { findPageByline, pickTitle, readPageMetadata } from './metadata';
import { sanitizeHtml } from './sanitize';
import type { ImportedClipping } from './types';

export interface HtmlImportContext {
  url?: string;
  fileName?: string;
  /** set by the Markdown / text / Word importers: the HTML is already a clean body */
  trusted?: boolean;
  warnings?: string[];
  /** reads an image a saved page refers to by a relative path (`页面_files/1.png`); returns a data: URL or null */
  localImage?: (relativePath: string) => string | null;
}

function stem(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const s = base.replace(/\.[^.]+$/, '').replace(/^\d+[-_\s]+/, '').trim();
  return s === '' ? null : s;
}

export function importHtmlText(html: string, ctx: HtmlImportContext = {}): ImportedClipping {
  const label = ctx.fileName ?? ctx.url ?? '粘贴内容';
  const warnings = [...(ctx.warnings ?? [])];
  const page = parseHtml(html, ctx.url);
  const doc = page.window.document;
  convertWordLists(doc.body ?? doc);
  const meta = readPageMetadata(doc);
  const pageByline: MetadataLine = ctx.trusted || meta.wechat ? {} : findPageByline(doc);
  const extracted = ctx.trusted ? { html: doc.body?.innerHTML ?? '', method: 'body' as const } : extractContent(doc);
  const { html: clean, removed } = sanitizeHtml(extracted.html, page);
  if (removed > 0 && !ctx.trusted) warnings.push(`已移除 ${removed} 处脚本、框架或不安全的属性`);

  const bodyDom = parseHtml(`<!DOCTYPE html><html><body>${clean}</body></html>`, ctx.url);
  const body = bodyDom.window.document.body;
  let title = pickTitle(meta);
  const { byline, warnings: cleanWarnings } = cleanBody(body, { title, baseUrl: ctx.url, localImage: ctx.localImage });
  warnings.push(...cleanWarnings);

  if (textOf(body) === '' && !body.querySelector('img')) {
    throw new ImportError('import-no-content', label, '没有找到正文内容', 'no article text was found');
  }
  if (!title) {
    title = stem(ctx.fileName) ?? normalizeTitle(textOf(body).slice(0, 40));
    warnings.push('页面没有标题，已用文件名或正文开头代替，请核对');
  }
  const source = byline.source ?? meta.wechat?.account ?? pageByline.source ?? meta.siteName ?? meta.authorMeta ?? (ctx.url ? new URL(ctx.url).hostname : '');
  if (source === '') warnings.push('没有找到来源，请补上“来源”');
  const authorRaw = byline.author ?? meta.wechat?.author ?? pageByline.author ?? null;
  const content = htmlToLexical(bodyDom.window.document);
  page.window.close();
  bodyDom.window.close();
  return {
    title: normalizeTitle(title),
    source: normalizeTitle(source),
    author: authorRaw ? normalizeAuthor(authorRaw) || null : null,
    url: ctx.url ?? meta.canonicalUrl ?? null,
    content,
    warnings,
  };
}
