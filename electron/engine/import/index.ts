// Import one clipping — a saved web page, a WeChat post, a Word file, Markdown, plain text, a URL or
// pasted HTML — into an article: title, 来源, 作者, and the body as Lexical's serialized state.
// Every refusal is an ImportError with a Chinese message naming the file and the reason.
// The Word (mammoth), Markdown (markdown-it) and URL paths load on first use: importing saved web pages,
// the usual case, never pays for them.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { describeError, isUserFacingError } from '../../../shared/errors';
import { declaredHtmlCharset, decodeText, sniffBytes, type SniffedKind } from './decode';
import { ImportError, formatBytes } from './errors';
import { importHtmlText } from './html';
import { localImageReader } from './localImages';
import { LIMITS } from './limits';
import { plainTextToHtml } from './plainText';
import type { ImportedClipping, ImportOptions } from './types';

export { ImportError } from './errors';
export type { ImportErrorCode } from './errors';
export type { FetchLimits, ImportedClipping, ImportOptions } from './types';
import type { FetchedImage, FetchImageOptions } from './fetchImage';
export type { FetchedImage, FetchImageOptions } from './fetchImage';

export type ClippingKind = 'html' | 'docx' | 'markdown' | 'text';

const EXTENSIONS: Record<string, ClippingKind> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.docx': 'docx',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.text': 'text',
};

const BINARY_NAMES: Partial<Record<SniffedKind, string>> = {
  pdf: 'PDF 文件',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
  ole: '旧版 Word（.doc）或其他 Office 二进制文件',
  zip: '压缩包',
  binary: '二进制文件',
};

/** Which importer a file goes to: by its name, checked against its first bytes. */
export function clippingKind(fileName: string, bytes: Uint8Array): ClippingKind {
  const ext = extname(fileName).toLowerCase();
  const sniffed = sniffBytes(bytes);
  const byName = EXTENSIONS[ext];
  if (byName === 'docx') {
    if (sniffed !== 'zip') {
      throw new ImportError('import-docx-invalid', fileName, `不是有效的 Word 文档（.docx 应为 zip 格式，实为${BINARY_NAMES[sniffed] ?? '文本'}）`, 'not a valid .docx (not a zip archive)');
    }
    return 'docx';
  }
  if (sniffed !== 'text') {
    if (sniffed === 'zip' && !byName) return 'docx';
    throw new ImportError('import-binary', fileName, `文件内容是${BINARY_NAMES[sniffed] ?? '二进制数据'}，不是网页或文本`, `the file is ${sniffed} data, not a web page or text`);
  }
  if (byName) return byName;
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body|p|div|article)[\s>]/.test(head)) return 'html';
  if (ext === '') return 'text';
  throw new ImportError('import-unsupported', fileName, `不支持 ${ext} 格式（可导入 .html、.docx、.md、.txt）`, `unsupported file type ${ext}`);
}

function sizeLimit(kind: ClippingKind): number {
  return kind === 'docx' ? LIMITS.maxDocxBytes : LIMITS.maxTextBytes;
}

function checkSize(fileName: string, size: number, limit: number): void {
  if (size === 0) throw new ImportError('import-empty', fileName, '文件是空的', 'the file is empty');
  if (size > limit) {
    throw new ImportError('import-too-large', fileName, `文件太大（${formatBytes(size)}，上限 ${formatBytes(limit)}）`, `the file is too large (${formatBytes(size)}, limit ${formatBytes(limit)})`);
  }
}

interface ConvertContext {
  declaredCharset?: string | null;
  /** folder of a saved page on disk, for its relative images */
  folder?: string;
}

async function convert(bytes: Uint8Array, fileName: string, options: ImportOptions, more: ConvertContext = {}): Promise<ImportedClipping> {
  checkSize(fileName, bytes.byteLength, LIMITS.maxDocxBytes);
  const kind = clippingKind(fileName, bytes);
  checkSize(fileName, bytes.byteLength, sizeLimit(kind));
  const declaredCharset = more.declaredCharset;
  const ctx = { url: options.url, fileName, localImage: more.folder ? localImageReader(more.folder) : undefined };
  if (kind === 'docx') return (await import('./docx')).importDocx(bytes, ctx);
  const { text } = decodeText(bytes, declaredCharset ?? (kind === 'html' ? declaredHtmlCharset(bytes) : null));
  if (text.trim() === '') throw new ImportError('import-empty', fileName, '文件里没有文字', 'the file has no text');
  switch (kind) {
    case 'html':
      return importHtmlText(text, ctx);
    case 'markdown':
      return importHtmlText((await import('./markdown')).markdownToHtml(text), { ...ctx, trusted: true });
    case 'text': {
      const { html } = plainTextToHtml(text);
      return importHtmlText(html, { ...ctx, trusted: true });
    }
  }
}

/** Wraps anything unexpected from a library into an ImportError, so callers only ever see clear errors. */
async function guarded<T>(fileName: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUserFacingError(e)) throw e;
    throw new ImportError('import-failed', fileName, `文件内容无法解析（${describeError(e).slice(0, 120)}）`, `cannot parse the file: ${describeError(e)}`, { cause: e });
  }
}

export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportedClipping> {
  const fileName = options.fileName ?? basename(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new Error('not a regular file');
    size = s.size;
  } catch (e) {
    throw new ImportError('import-unreadable', path, '文件不存在或无法读取', `cannot read the file (${describeError(e)})`, { cause: e });
  }
  checkSize(path, size, LIMITS.maxDocxBytes);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new ImportError('import-unreadable', path, '文件无法读取', `cannot read the file (${describeError(e)})`, { cause: e });
  }
  return guarded(path, () => convert(bytes, fileName, options, { folder: dirname(path) }));
}

export async function importBytes(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportedClipping> {
  return guarded(fileName, () => convert(bytes, fileName, options));
}

export async function importHtml(html: string, options: { url?: string; fileName?: string } = {}): Promise<ImportedClipping> {
  const label = options.fileName ?? options.url ?? '粘贴内容';
  if (html.trim() === '') throw new ImportError('import-empty', label, '内容是空的', 'the content is empty');
  if (html.length > LIMITS.maxTextBytes) {
    throw new ImportError('import-too-large', label, `内容太大（上限 ${formatBytes(LIMITS.maxTextBytes)}）`, 'the content is too large');
  }
  return guarded(label, async () => importHtmlText(html, options));
}

export async function importUrl(url: string, options: ImportOptions = {}): Promise<ImportedClipping> {
  const { fetchClipping } = await import('./fetchUrl');
  const fetched = await fetchClipping(url, options.fetch);
  const clipping = await guarded(url, () => convert(fetched.bytes, fetched.fileName, { ...options, url: fetched.finalUrl }, { declaredCharset: fetched.charset }));
  if (options.keepRemoteImages) return clipping;
  const [{ inlineRemoteImages }, { fetchImage }] = await Promise.all([import('./inlineImages'), import('./fetchImage')]);
  return inlineRemoteImages(clipping, (src) => fetchImage(src));
}

export type ImportOutcome =
  | { path: string; ok: true; clipping: ImportedClipping }
  | { path: string; ok: false; error: ImportError };

/**
 * Imports several files (a multi-file drop): each one on its own, so a refused file is reported with its
 * reason and the others still import. Nothing is written anywhere; the caller adds the successes.
 */
export async function importFiles(paths: string[], options: ImportOptions = {}): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const path of paths) {
    try {
      outcomes.push({ path, ok: true, clipping: await importFile(path, { ...options, fileName: undefined }) });
    } catch (e) {
      const error = e instanceof ImportError ? e : new ImportError('import-failed', path, `导入失败（${describeError(e).slice(0, 120)}）`, describeError(e), { cause: e });
      outcomes.push({ path, ok: false, error });
    }
  }
  return outcomes;
}

/** Downloads one image of a clipping for the media store (loaded on first use, like the URL importer). */
export async function fetchImage(url: string, options?: FetchImageOptions): Promise<FetchedImage> {
  return (await import('./fetchImage')).fetchImage(url, options);
}
