// Half-width punctuation typed in Chinese text, set full-width (GB/T 15834).
import { isCjk, isSpace } from './charClasses';

const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

/**
 * Half-width punctuation typed inside Chinese text (`傅卫:新医改`, `什么?`) set as the full-width
 * marks GB/T 15834 asks for: a comma, colon, semicolon, question or exclamation mark after a
 * CJK character, and a pair of parentheses or straight quotes touching CJK text. Numbers (3,000)
 * and Latin text keep theirs. Lengths are unchanged (one UTF-16 unit each way).
 */
export function fullWidthPunctuation(text: string): string {
  if (!/[,:;?!()"]/.test(text)) return text;
  const out = text.split('');
  const cjkAt = (i: number): boolean => i >= 0 && i < text.length && isCjk(text.charCodeAt(i)) && !isSpace(text.charCodeAt(i));
  // straight double quotes in pairs: “…” when the pair touches Chinese text
  const quotes: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '"') quotes.push(i);
  if (quotes.length % 2 === 0) {
    for (let k = 0; k < quotes.length; k += 2) {
      const [a, b] = [quotes[k], quotes[k + 1]];
      if (cjkAt(a - 1) || cjkAt(a + 1) || cjkAt(b - 1) || cjkAt(b + 1)) {
        out[a] = '“';
        out[b] = '”';
      }
    }
  }
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') open.push(i);
    else if (ch === ')') {
      const o = open.pop();
      if (o !== undefined && (cjkAt(o - 1) || cjkAt(o + 1) || cjkAt(i - 1) || cjkAt(i + 1))) {
        out[o] = FULL_WIDTH['('];
        out[i] = FULL_WIDTH[')'];
      }
    } else if (FULL_WIDTH[ch] && cjkAt(i - 1)) out[i] = FULL_WIDTH[ch];
  }
  return out.join('');
}
