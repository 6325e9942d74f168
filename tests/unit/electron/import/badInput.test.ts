// Input the importers must refuse with a clear Chinese reason naming the file, or survive unharmed.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate, deflateSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError, importBytes, importFile, importHtml } from '../../../../electron/engine/import/index';
import { countsOf, figures, fixture, importedOnce, textBlocks } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'weekly-import-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function refusal(work: Promise<unknown>): Promise<ImportError> {
  const e = await work.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);

describe('refused input', () => {
  it('a binary file named .html', async () => {
    const e = await refusal(importFile(file('报告.html', PNG)));
    expect(e.code).toBe('import-binary');
    expect(e.messageZh).toBe('无法导入“报告.html”：文件内容是PNG 图片，不是网页或文本');
    expect(e.message).toMatch(/^Cannot import "报告\.html"/);
  });

  it('random bytes named .txt', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect((await refusal(importFile(file('notes.txt', bytes)))).code).toBe('import-binary');
  });

  it('an empty file, and one with only white space', async () => {
    const empty = await refusal(importFile(file('空白.html', '')));
    expect(empty.code).toBe('import-empty');
    expect(empty.messageZh).toContain('空白.html');
    expect((await refusal(importFile(file('blank.md', ' \n\t\n')))).code).toBe('import-empty');
  });

  it('a page without any text', async () => {
    const e = await refusal(importFile(file('shell.html', '<html><head><title>x</title><script>1</script></head><body><div></div></body></html>')));
    expect(e.code).toBe('import-no-content');
    expect(e.messageZh).toContain('没有找到正文内容');
  });

  it('a 50 MB page, before reading it', async () => {
    const path = file('huge.html', '');
    truncateSync(path, 50 * 1024 * 1024); // sparse: costs no disk or time
    const e = await refusal(importFile(path));
    expect(e.code).toBe('import-too-large');
    expect(e.messageZh).toMatch(/文件太大（50\.0 MB，上限 \d+\.0 MB）/);
  });

  it('a 50 MB upload through importBytes and pasted HTML over the limit', async () => {
    expect((await refusal(importBytes(new Uint8Array(50 * 1024 * 1024), 'big.html'))).code).toBe('import-too-large');
    expect((await refusal(importHtml('<p>' + '长'.repeat(21 * 1024 * 1024) + '</p>'))).code).toBe('import-too-large');
  });

  it('a .docx that is not a zip', async () => {
    const e = await refusal(importFile(file('周报.docx', '<html><body>这其实是网页</body></html>')));
    expect(e.code).toBe('import-docx-invalid');
    expect(e.messageZh).toContain('不是有效的 Word 文档');
  });

  it('a zip that is not a Word document, and a truncated one', async () => {
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    expect((await refusal(importFile(file('not-word.docx', zip)))).code).toBe('import-docx-invalid');
    const real = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document/>'.repeat(2000)) });
    expect((await refusal(importFile(file('cut.docx', real.subarray(0, 200))))).code).toBe('import-docx-invalid');
  });

  it('a zip bomb dressed as .docx, stopped by the expansion guard', async () => {
    // 16 MB of zeros deflate to ~16 KB: a 1000× expansion.
    const zip = zipSync({ '[Content_Types].xml': new Uint8Array(10), 'word/document.xml': [new Uint8Array(16 * 1024 * 1024), { level: 1 }] });
    expect(zip.byteLength).toBeLessThan(200 * 1024);
    const e = await refusal(importFile(file('bomb.docx', zip)));
    expect(e.code).toBe('import-zip-bomb');
    expect(e.messageZh).toContain('疑似压缩炸弹');
  });

  it('a zip bomb whose headers lie about the sizes (streamed, no sizes in the headers)', async () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, chunk) => {
      if (err) throw err;
      chunks.push(chunk);
    });
    const entry = new ZipDeflate('word/document.xml', { level: 1 });
    zip.add(entry);
    const zeros = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 16; i++) entry.push(zeros, i === 15);
    zip.end();
    const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let offset = 0;
    for (const c of chunks) {
      bytes.set(c, offset);
      offset += c.byteLength;
    }
    expect((await refusal(importFile(file('stream-bomb.docx', bytes)))).code).toBe('import-zip-bomb');
  });

  it('an unsupported file type', async () => {
    const e = await refusal(importFile(file('表格.xlsx.bak', 'a,b,c')));
    expect(e.code).toBe('import-unsupported');
    expect(e.messageZh).toContain('不支持 .bak 格式');
  });

  it('a missing file', async () => {
    const e = await refusal(importFile(join(dir, 'gone.html')));
    expect(e.code).toBe('import-unreadable');
    expect(e.messageZh).toBe('无法导入“gone.html”：文件不存在或无法读取');
  });

  it('never lets a library error escape as anything but an ImportError', async () => {
    const deflated = deflateSync(new TextEncoder().encode('<w:document>'));
    const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...deflated, 1, 2, 3]);
    expect(await importFile(file('garbage.docx', garbage)).catch((e: unknown) => e)).toBeInstanceOf(ImportError);
  });
});

describe('survived input', () => {
  it('malformed HTML: unclosed tags, stray end tags, tables in paragraphs', async () => {
    const html = '<html><head><title>畸形页面</title><body><h1>医保支付改革</h1><p>第一段没有闭合<p>第二段<b>粗体<i>斜体</b>结束</i><table><tr><td>单元格<td>另一格</table></span></div></div><p>最后一段';
    const c = await importHtml(html, { fileName: 'broken.html' });
    expect(c.title).toBe('医保支付改革');
    const text = textBlocks(c).join('\n');
    expect(text).toContain('第一段没有闭合');
    expect(text).toContain('最后一段');
    expect(countsOf(c).table).toBe(1);
  });

  it('an image that is not an image is dropped with a warning, the text stays', async () => {
    const fake = Buffer.from('<script>alert(1)</script>').toString('base64');
    const c = await importHtml(`<article><h1>标题</h1><p>正文内容。</p><p><img src="data:image/png;base64,${fake}"></p><figure><img src="data:image/jpeg;base64,${fake}"><figcaption>图 1 说明</figcaption></figure></article>`);
    expect(figures(c)).toEqual([expect.objectContaining({ src: '', caption: '图 1 说明' })]);
    expect(c.warnings.join()).toContain('2 张图片不是可识别的图片格式');
    expect(textBlocks(c)).toEqual(['正文内容。']);
  });

  it('a Word-pasted file:// image is reported, not kept broken', async () => {
    const c = await importHtml('<h1>标题</h1><p>正文。</p><p><img src="file:///C:/Users/ed/AppData/Local/Temp/msohtmlclip1/01/clip_image002.png"></p>');
    expect(figures(c)).toEqual([]);
    expect(c.warnings.join()).toContain('1 张图片指向本机文件（file://）');
  });
});

describe('a page full of scripts, frames, handlers, javascript: links and inline SVG', () => {
  const hostile = importedOnce(() => importFile(fixture('hostile', 'every-trick.html')));

  it('keeps the article and reports what it removed', async () => {
    const c = await hostile();
    expect(c.title).toBe('医保基金监管典型案例通报');
    expect(c.source).toBe('某地医保局');
    const text = textBlocks(c).join('\n');
    for (const part of ['3 起欺诈骗保典型案例', '案例一', '案例二', '串换金额 12.6 万元', '案例三']) expect(text).toContain(part);
    expect(countsOf(c).table).toBe(1);
    expect(c.warnings.join()).toMatch(/已移除 \d+ 处脚本、框架或不安全的属性/);
  });

  it('stores nothing executable in the Lexical JSON', async () => {
    const json = JSON.stringify((await hostile()).content);
    expect(json).not.toMatch(/__pwned|javascript:|<script|onerror|onload|srcdoc|<svg/i);
    // Links that were javascript: or data: lose their target and keep their text.
    expect(json).not.toMatch(/"url":"(?!https?:|mailto:)/);
    expect(json).toContain('查看详情，原文，附件');
  });
});

describe('pathological nesting', () => {
  it('refuses a page nested hundreds of levels deep instead of crawling through it', async () => {
    const html = `<html><body><article><h1>标题</h1><p>正文。</p>${'<div><span>'.repeat(300)}深处</article></body></html>`;
    const e = await refusal(importHtml(html, { fileName: 'deep.html' }));
    expect(e.messageZh).toMatch(/^无法导入“deep\.html”：网页结构嵌套过深（\d+ 层）/);
  });

  it('still imports a page nested deeper than Readability can handle but within reason', async () => {
    const html = `<html><body><article><h1>标题</h1><p>正文开头。</p>${'<div>'.repeat(150)}<p>深处的文字。</p>${'</div>'.repeat(150)}</article></body></html>`;
    const c = await importHtml(html, { fileName: 'nested.html' });
    expect(textBlocks(c)).toEqual(['正文开头。', '深处的文字。']);
  });
});
