// The HTML pipeline: jsdom → Word-list repair → body extraction (WeChat / Readability / <article>) →
// DOMPurify → metadata and body clean-up → Lexical state. Every other format ends here as HTML.
// The page is parsed once and stays a DOM to the end: DOMPurify sanitises the extracted body in place.
import { normalizeAuthor, type MetadataLine } from '../../../shared/import/metadataLines';
import { normalizeTitle } from '../../../shared/import/punctuation';
import { convertWordLists } from '../../../shared/import/wordLists';
import { cleanBody } from './cleanBody';
import { ImportError } from './errors';
import { domDepth, extractContent } from './extractContent';
import { parseHtml, settleNoscript, textOf } from './htmlDocument';
import { htmlToLexical } from './htmlToLexical';
import { findPageByline, pickTitle, readPageMetadata, type PageMetadata } from './metadata';
import { sanitizeChildren } from './sanitize';
import type { ImportedClipping } from './types';

const MAX_DEPTH = 400;

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

/**
 * Pasted HTML (a selection copied from a browser or Word) is a fragment the editor chose: take it whole.
 * A saved or fetched page has <html>/<head>/<body> and goes through body extraction.
 */
export function isFragment(html: string): boolean {
  return /<!--\s*StartFragment\s*-->/i.test(html) || !/<(html|head|body)[\s>]/i.test(html.slice(0, 4096));
}

interface CleanedPage {
  meta: PageMetadata;
  pageByline: MetadataLine;
  byline: MetadataLine;
  title: string | null;
  /** the clean article body: a detached <body> */
  body: HTMLElement;
  warnings: string[];
}

/** The page parsed, with its <noscript> settled and Word's list paragraphs made lists. */
function preparedPage(html: string, ctx: HtmlImportContext): Document {
  const doc = parseHtml(html, ctx.url);
  // Nesting this deep is no article (real pages stay under ~60 levels); every later step would crawl.
  const depth = domDepth(doc.body);
  if (depth > MAX_DEPTH) {
    const label = ctx.fileName ?? ctx.url ?? '粘贴内容';
    throw new ImportError('import-failed', label, `网页结构嵌套过深（${depth} 层），无法识别正文`, `the page nests ${depth} levels deep`);
  }
  settleNoscript(doc);
  convertWordLists(doc.body ?? doc);
  return doc;
}

/** Everything up to the Lexical conversion: parse (once), repair, extract, sanitise, clean. */
function cleanPage(html: string, ctx: HtmlImportContext): CleanedPage {
  const warnings = [...(ctx.warnings ?? [])];
  const doc = preparedPage(html, ctx);
  const meta = readPageMetadata(doc);
  const pageByline: MetadataLine = ctx.trusted || meta.wechat ? {} : findPageByline(doc);
  // Word's clipboard points its images at local temp files; the sanitiser drops file: URLs, so count them first
  // (and before extraction rewrites the page).
  const localFiles = new Set(
    [...doc.getElementsByTagName('img'), ...doc.getElementsByTagName('imagedata')].map((i) => i.getAttribute('src') ?? '').filter((src) => /^file:|^[a-z]:\\/i.test(src)),
  );
  if (localFiles.size > 0) warnings.push(`有 ${localFiles.size} 张图片指向本机文件（file://），无法随剪报导入，已略去，请另行插入`);
  const wholeBody = ctx.trusted || isFragment(html);
  const extracted = wholeBody ? doc.body : extractContent(doc, () => preparedPage(html, ctx)).root;
  const { body, removed } = sanitizeChildren(extracted);
  if (removed > 0 && !ctx.trusted) warnings.push(`已移除 ${removed} 处脚本、框架或不安全的属性`);

  const title = pickTitle(meta);
  const { byline, warnings: cleanWarnings } = cleanBody(body, { title, baseUrl: ctx.url, localImage: ctx.localImage });
  warnings.push(...cleanWarnings);
  return { meta, pageByline, byline, title, body, warnings };
}

/** The clean body HTML the importer converts to Lexical (for the paste preview and the sanitiser tests). */
export function cleanHtml(html: string, ctx: HtmlImportContext = {}): { html: string; warnings: string[] } {
  const cleaned = cleanPage(html, ctx);
  return { html: cleaned.body.innerHTML, warnings: cleaned.warnings };
}

export function importHtmlText(html: string, ctx: HtmlImportContext = {}): ImportedClipping {
  const label = ctx.fileName ?? ctx.url ?? '粘贴内容';
  const { meta, pageByline, byline, body, warnings, title: pageTitle } = cleanPage(html, ctx);
  let title = pageTitle;
  if (textOf(body) === '' && body.getElementsByTagName('img').length === 0) {
    throw new ImportError('import-no-content', label, '没有找到正文内容', 'no article text was found');
  }
  if (!title) {
    title = stem(ctx.fileName) ?? normalizeTitle(textOf(body).slice(0, 40));
    warnings.push('页面没有标题，已用文件名或正文开头代替，请核对');
  }
  const source = byline.source ?? meta.wechat?.account ?? pageByline.source ?? meta.siteName ?? meta.authorMeta ?? (ctx.url ? new URL(ctx.url).hostname : '');
  if (source === '') warnings.push('没有找到来源，请补上“来源”');
  const authorRaw = byline.author ?? meta.wechat?.author ?? pageByline.author ?? null;
  return {
    title: normalizeTitle(title),
    source: normalizeTitle(source),
    author: authorRaw ? normalizeAuthor(authorRaw) || null : null,
    url: ctx.url ?? meta.canonicalUrl ?? null,
    content: htmlToLexical(body),
    warnings,
  };
}
