// Bytes → text: BOM, then the declared charset (HTTP header or <meta>), then strict UTF-8, then GB18030.
// GBK/GB2312 pages are decoded as GB18030 (a superset), Big5 as Big5; iconv-lite does the work.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type SniffedKind = 'zip' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'ole' | 'binary' | 'text';

/** What the first bytes say the file is, before trusting its name. */
export function sniffBytes(bytes: Uint8Array): SniffedKind {
  const b = bytes;
  const starts = (...sig: number[]): boolean => sig.every((v, i) => b[i] === v);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45) return 'webp';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'ole';
  if (utf16Bom(b)) return 'text';
  // Text files have no NUL bytes and few control characters.
  const n = Math.min(b.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return 'binary';
    if (c < 9 || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return n > 0 && control / n > 0.1 ? 'binary' : 'text';
}

function utf16Bom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  'x-euc-cn': 'gb18030',
  'euc-cn': 'gb18030',
  'big5-hkscs': 'big5',
  'x-big5': 'big5',
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
};

/** Normalises a charset label to one iconv-lite knows, or null when unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset an HTML document declares in its first bytes (`<meta charset>` or http-equiv), if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head);
  return m ? normalizeCharset(m[1]) : null;
}

/** Charset from a Content-Type header value. */
export function headerCharset(contentType: string | null | undefined): string | null {
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '');
  return m ? normalizeCharset(m[1]) : null;
}

/** Strict UTF-8, as a fatal TextDecoder reads it, checked without decoding the text (it is decoded once, below). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

export interface DecodedText {
  text: string;
  charset: string;
}

/**
 * Decodes a text file. Order: BOM, then `declared` (HTTP header / meta), then UTF-8 if the bytes are valid
 * UTF-8, else GB18030 — the commonest undeclared encoding of Chinese pages.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), charset: 'utf-8' };
  const bom = utf16Bom(buf);
  if (bom) return { text: iconv.decode(buf.subarray(2), bom), charset: bom };
  let charset = normalizeCharset(declared ?? null);
  // A page that says UTF-8 but is not (common on old government sites) is decoded by what it really is.
  if (charset === 'utf-8' && !isValidUtf8(buf)) charset = null;
  if (!charset) charset = isValidUtf8(buf) ? 'utf-8' : 'gb18030';
  const text = charset === 'utf-8' ? buf.toString('utf8') : iconv.decode(buf, charset);
  return { text, charset };
}
