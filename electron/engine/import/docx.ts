// Word .docx → HTML with mammoth (style map: title and headings, Word lists, tables, embedded images),
// guarded against zip bombs, then the shared HTML pipeline.
import mammoth from 'mammoth';
import { ImportError, formatBytes } from './errors';
import { importHtmlText } from './html';
import { imageDataUrl } from './images';
import { LIMITS } from './limits';
import type { ImportedClipping } from './types';
import { checkZip } from './zipGuard';

/** Word style names (English and Chinese Word) → HTML. The article title is h1; 一、 level headings h2. */
export const DOCX_STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='Heading 1'] => h2:fresh",
  "p[style-name='heading 1'] => h2:fresh",
  "p[style-name='标题 1'] => h2:fresh",
  "p[style-name='Heading 2'] => h3:fresh",
  "p[style-name='heading 2'] => h3:fresh",
  "p[style-name='标题 2'] => h3:fresh",
  "p[style-name='Heading 3'] => h4:fresh",
  "p[style-name='标题 3'] => h4:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='题注'] => p.caption:fresh",
];

export async function importDocx(bytes: Uint8Array, ctx: { url?: string; fileName: string }): Promise<ImportedClipping> {
  const file = ctx.fileName;
  const zip = checkZip(bytes, LIMITS.maxDocxUnzippedBytes, LIMITS.maxDocxRatio);
  if (!zip.ok) {
    if (zip.reason === 'too-large' || zip.reason === 'ratio') {
      throw new ImportError('import-zip-bomb', file, `解压后体积异常（超过 ${formatBytes(zip.unzippedBytes)}），疑似压缩炸弹，已拒绝`, `the archive expands abnormally (over ${formatBytes(zip.unzippedBytes)}); refusing a possible zip bomb`);
    }
    throw new ImportError('import-docx-invalid', file, '不是有效的 Word 文档（压缩包已损坏）', 'not a valid .docx (corrupt zip archive)');
  }
  if (!zip.entries.includes('word/document.xml')) {
    throw new ImportError('import-docx-invalid', file, '不是有效的 Word 文档（缺少 word/document.xml）', 'not a valid .docx (no word/document.xml)');
  }

  const warnings: string[] = [];
  let badImages = 0;
  let bigImages = 0;
  const convertImage = mammoth.images.imgElement(async (image) => {
    const data = await image.readAsBuffer();
    if (data.byteLength > LIMITS.maxImageBytes) {
      bigImages++;
      return { src: '' };
    }
    const src = imageDataUrl(data);
    if (!src) badImages++;
    return { src: src ?? '' };
  });
  let result;
  try {
    result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { styleMap: DOCX_STYLE_MAP, convertImage });
  } catch (e) {
    throw new ImportError('import-docx-invalid', file, '不是有效的 Word 文档（内容无法解析）', `not a valid .docx (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  if (badImages > 0) warnings.push(`有 ${badImages} 张图片不是可识别的图片格式，已略去`);
  if (bigImages > 0) warnings.push(`有 ${bigImages} 张图片超过 ${formatBytes(LIMITS.maxImageBytes)}，已略去`);
  const unsupported = result.messages.filter((m) => m.type === 'error').length;
  if (unsupported > 0) warnings.push(`Word 文档中有 ${unsupported} 处内容无法转换`);
  return importHtmlText(`<!DOCTYPE html><html><body>${result.value}</body></html>`, { ...ctx, trusted: true, warnings });
}
