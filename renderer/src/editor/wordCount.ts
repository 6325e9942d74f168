// 字数 as Chinese editors count it: every CJK character and full-width punctuation mark is one,
// a run of Latin letters or digits is one word; whitespace does not count.
const WORD = /[A-Za-z0-9]+(?:[.'’-][A-Za-z0-9]+)*/g;

export function countWords(text: string): number {
  const latinWords = text.match(WORD)?.length ?? 0;
  const rest = text.replace(WORD, '').replace(/\s+/g, '');
  return latinWords + [...rest].length;
}
