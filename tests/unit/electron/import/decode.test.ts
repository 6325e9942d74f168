// Charset detection and decoding: BOM, declared charsets (meta, HTTP), GBK/GB18030/Big5, lying pages.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { declaredHtmlCharset, decodeText, headerCharset, isValidUtf8, normalizeCharset, sniffBytes } from '../../../../electron/engine/import/decode';
import { importBytes, importFiles } from '../../../../electron/engine/import/index';
import { seededRandom } from '../../../helpers/random';
import { fixture } from './helpers';

const TEXT = '国家医保局：推进医保支付方式改革，提升基金使用效率。';

/** What a fatal TextDecoder accepts: the definition isValidUtf8 must agree with. */
function decodesStrictly(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('isValidUtf8', () => {
  it('agrees with a fatal TextDecoder on edge cases and thousands of random byte strings', () => {
    const cases = [
      [], [0xef, 0xbb, 0xbf], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0x9f, 0xbf], [0xf4, 0x8f, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80],
      [0xf5, 0x80, 0x80, 0x80], [0xe4, 0xb8], [0x80], [0xff], [0xc2, 0xa0, 0x41], [...Buffer.from(TEXT)], [...iconv.encode(TEXT, 'gbk')],
    ];
    for (const c of cases) expect(isValidUtf8(Uint8Array.from(c)), c.join(' ')).toBe(decodesStrictly(Uint8Array.from(c)));
    const r = seededRandom(2534);
    const text = Buffer.from(`${TEXT}abc😀`);
    for (let i = 0; i < 3000; i++) {
      const bytes = Uint8Array.from(text.subarray(0, Math.floor(r() * text.length)));
      for (let k = Math.floor(r() * 3); k > 0; k--) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
      expect(isValidUtf8(bytes)).toBe(decodesStrictly(bytes));
    }
  });
});

describe('decodeText', () => {
  it('honours a UTF-8 BOM and UTF-16 BOMs', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(TEXT)]))).toEqual({ text: TEXT, charset: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, ...iconv.encode(TEXT, 'utf-16le')])).text).toBe(TEXT);
    expect(decodeText(Uint8Array.from([0xfe, 0xff, ...iconv.encode(TEXT, 'utf-16be')])).text).toBe(TEXT);
  });

  it('decodes GBK, GB2312 and GB18030 declarations as GB18030, and Big5 as Big5', () => {
    for (const label of ['gbk', 'GB2312', 'gb18030', 'x-gbk']) expect(decodeText(iconv.encode(TEXT, 'gbk'), label).text).toBe(TEXT);
    const big5 = '衛生福利部：推動健保支付制度改革。';
    expect(decodeText(iconv.encode(big5, 'big5'), 'big5').text).toBe(big5);
  });

  it('falls back to GB18030 for undeclared bytes that are not UTF-8, and to UTF-8 when they are', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, charset: 'gb18030' });
    expect(decodeText(Buffer.from(TEXT))).toEqual({ text: TEXT, charset: 'utf-8' });
  });

  it('does not trust a UTF-8 declaration on GBK bytes', () => {
    expect(decodeText(iconv.encode(TEXT, 'gbk'), 'utf-8').text).toBe(TEXT);
  });
});

describe('charset declarations', () => {
  it('reads <meta charset>, http-equiv and the XML prolog', () => {
    expect(declaredHtmlCharset(Buffer.from('<html><head><meta charset="GBK">'))).toBe('gb18030');
    expect(declaredHtmlCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=big5">'))).toBe('big5');
    expect(declaredHtmlCharset(Buffer.from('<?xml version="1.0" encoding="gb2312"?><html>'))).toBe('gb18030');
    expect(declaredHtmlCharset(Buffer.from('<html><head><title>x</title>'))).toBeNull();
  });

  it('reads the Content-Type header and ignores unknown names', () => {
    expect(headerCharset('text/html; charset="GB2312"')).toBe('gb18030');
    expect(headerCharset('text/html')).toBeNull();
    expect(normalizeCharset('klingon-8')).toBeNull();
  });
});

describe('sniffBytes', () => {
  it('knows zip, PDF, images and OLE (old .doc) by their magic bytes', () => {
    expect(sniffBytes(Buffer.from('PK\u0003\u0004rest', 'latin1'))).toBe('zip');
    expect(sniffBytes(Buffer.from('%PDF-1.7'))).toBe('pdf');
    expect(sniffBytes(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffBytes(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBe('ole');
    expect(sniffBytes(iconv.encode(TEXT, 'gbk'))).toBe('text');
    expect(sniffBytes(Uint8Array.from([0x3c, 0x70, 0x3e, 0, 0x41]))).toBe('binary');
  });
});

describe('encodings end to end', () => {
  it('imports a Big5 page declared by its meta', async () => {
    const html = '<html><head><meta charset="big5"><title>健保新制上路</title></head><body><article><h1>健保新制上路</h1><p>來源：中央社</p><p>衛生福利部宣布，健保部分負擔新制將於明年起實施。</p></article></body></html>';
    const c = await importBytes(iconv.encode(html, 'big5'), 'big5.html');
    expect([c.title, c.source]).toEqual(['健保新制上路', '中央社']);
    expect(c.content.root.children.length).toBeGreaterThan(0);
    expect(JSON.stringify(c.content)).toContain('衛生福利部宣布');
  });

  it('imports an undeclared GBK text file', async () => {
    const c = await importBytes(iconv.encode('医保快讯\n\n来源：健康报\n\n' + TEXT, 'gbk'), '快讯.txt');
    expect([c.title, c.source]).toEqual(['医保快讯', '健康报']);
  });
});

describe('importFiles', () => {
  it('goes on after a refused file and reports each outcome', async () => {
    const outcomes = await importFiles([fixture('text', '基层医疗卫生服务能力提升.txt'), fixture('does-not-exist.html'), fixture('markdown', '互联网医院发展观察.md')]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    const failed = outcomes[1];
    expect(failed.ok === false && failed.error.messageZh).toBe('无法导入“does-not-exist.html”：文件不存在或无法读取');
  });
});
