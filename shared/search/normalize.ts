// Text normalisation shared by indexing, queries, snippets and duplicate checks.
// `foldChar` is length-preserving (one UTF-16 unit in, one out) so offsets found in folded
// text are offsets in the original; the fingerprint form may drop characters freely.

const FULLWIDTH_START = 0xff01;
const FULLWIDTH_END = 0xff5e;
const FULLWIDTH_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

/** Full-width ASCII → half-width, ideographic space → space, Latin lower-cased; anything else unchanged. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch.length !== 1) return ch;
  if (code >= FULLWIDTH_START && code <= FULLWIDTH_END) return String.fromCharCode(code - FULLWIDTH_OFFSET).toLowerCase();
  if (code === IDEOGRAPHIC_SPACE) return ' ';
  if (code < 0x80) return ch.toLowerCase();
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** `foldChar` over a whole string (same length as the input). */
export function foldText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]);
  return out;
}

/** Whitespace folded to single spaces, full-width ASCII to half-width, lower case, trimmed. */
export function normalizeText(text: string): string {
  return foldText(text.normalize('NFKC')).replace(/\s+/gu, ' ').trim();
}

/**
 * The form two copies of one article share however they were clipped: NFKC, lower case, and only
 * letters and digits (punctuation, spaces and symbols differ between clippers and are dropped).
 */
export function normalizeForFingerprint(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Chinese (and other CJK) characters are indexed as overlapping pairs, not as words. */
export function isCjk(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x2e80) return false;
  if (c >= 0x4e00 && c <= 0x9fff) return true;
  return CJK.test(ch);
}

/** Letters and digits outside CJK (Latin, digits, Greek…) form space-free words like "drg", "5g", "2025". */
export function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c >= 0x4e00 && c <= 0x9fff) return false;
  return WORD_CHAR.test(ch) && !CJK.test(ch);
}
