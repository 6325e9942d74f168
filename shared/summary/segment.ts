// Chinese sentence segmentation for 提要 extraction.
//
// A sentence ends at 。！？!? (and their runs, e.g. `？！`), plus any closing quotes or brackets
// that follow. A terminator inside quotes or brackets does not end the sentence, so
// `他说：“……。”` stays one sentence, ending after the closing quote. An ASCII `.` ends only a
// Latin sentence (`… in 2020. The …`), never a decimal `85.2%`, a list mark `1.` or `No. 1`.
// Not terminators: `；`, `：`, and `……` (editors use it mid-sentence for "and so on");
// a paragraph's end always closes its last sentence.
// A `；` ends a unit only between two items of an enumeration (`1.……；2.……`, `一是……；二是……`),
// so each item of a run-on list paragraph can be picked on its own; `措施包括：一是……；二是……。`
// stays one sentence, since its head needs its items.

const TERMINATORS = new Set(['。', '！', '？', '!', '?']);
const OPENERS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '「': '」',
  '『': '』',
  '（': '）',
  '(': ')',
  '《': '》',
  '【': '】',
  '[': ']',
  '〔': '〕',
};
const CLOSERS = new Set(Object.values(OPENERS));
/** A quote the text never closes is ignored after this many characters, so one stray `“` cannot swallow a paragraph. */
const MAX_QUOTED = 160;
/** The next enumeration item, right after a `；`. */
const ITEM_START = /^\s*(?:\d{1,2}[.．、)）]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，,、是])/;

export interface Sentence {
  text: string;
  /** index of the paragraph the sentence came from */
  paragraph: number;
  /** index of the sentence inside its paragraph */
  position: number;
}

/** Splits one paragraph into sentences; whitespace at their edges is trimmed, empty ones dropped. */
export function splitSentences(paragraph: string): string[] {
  const chars = Array.from(paragraph);
  const out: string[] = [];
  let start = 0;
  // Stack of expected closers with the index where each opened.
  const stack: { close: string; at: number }[] = [];

  const push = (end: number): void => {
    const text = chars.slice(start, end).join('').trim();
    if (text !== '') out.push(text);
    start = end;
  };

  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    // Forget quotes that were opened long ago and never closed (clippings lose closers).
    while (stack.length > 0 && i - stack[stack.length - 1].at > MAX_QUOTED) stack.pop();

    if (ch === '\n') {
      push(i + 1);
      continue;
    }
    if (OPENERS[ch] !== undefined && !(ch === '“' && stack.length > 0 && stack[stack.length - 1].close === '”')) {
      stack.push({ close: OPENERS[ch], at: i });
      continue;
    }
    if (CLOSERS.has(ch)) {
      const idx = lastIndexOfClose(stack, ch);
      if (idx >= 0) stack.length = idx;
      continue;
    }
    if (ch === '；' || ch === ';') {
      if (
        stack.length === 0 &&
        ITEM_START.test(chars.slice(start, start + 8).join('')) &&
        ITEM_START.test(chars.slice(i + 1, i + 8).join(''))
      ) {
        push(i + 1);
      }
      continue;
    }
    if (!TERMINATORS.has(ch) && !(ch === '.' && endsLatinSentence(chars, i))) continue;

    // Absorb a run of terminators and closers: `。”` `？！` `。）`.
    let end = i + 1;
    while (end < chars.length && (TERMINATORS.has(chars[end]) || CLOSERS.has(chars[end]))) {
      if (CLOSERS.has(chars[end])) {
        const idx = lastIndexOfClose(stack, chars[end]);
        if (idx < 0) break;
        stack.length = idx;
      }
      end++;
    }
    if (stack.length === 0) {
      push(end);
    }
    i = end - 1;
  }
  push(chars.length);
  return out;
}

/** An ASCII `.` closes a Latin sentence: after a word, before a space and a capital or Han text. */
function endsLatinSentence(chars: string[], i: number): boolean {
  const prev = chars[i - 1] ?? '';
  const next = chars[i + 1] ?? '';
  const after = chars[i + 2] ?? '';
  if (!/[a-z)]/.test(prev) || !/\s/.test(next)) return false;
  // Abbreviations such as `e.g.`, `No.`, `Dr.` are followed by more of the same sentence.
  const word = chars.slice(Math.max(0, i - 4), i).join('').split(/[^A-Za-z.]/).pop() ?? '';
  if (/^(?:[A-Za-z]\.[A-Za-z]|No|Dr|Mr|Mrs|Ms|vs|etc|al|Inc|Co|Ltd|St)$/.test(word)) return false;
  return /[A-Z\p{Script=Han}“"]/u.test(after);
}

function lastIndexOfClose(stack: { close: string }[], ch: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k].close === ch) return k;
  return -1;
}

/** Characters as the editor counts them: code points, spaces excluded. */
export function summaryLength(text: string): number {
  return Array.from(text.replace(/\s+/g, '')).length;
}

const ENDS_SENTENCE = /(?:[。！？!?.；;]|……|…)[”’」』）)》]*$/;

/** True when the text ends with a sentence or item mark (possibly inside closing quotes). */
export function endsSentence(text: string): boolean {
  return ENDS_SENTENCE.test(text.trim());
}

/** Splits every paragraph, keeping where each sentence came from. */
export function segmentParagraphs(paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    splitSentences(p).forEach((text, position) => out.push({ text, paragraph, position }));
  });
  return out;
}

/**
 * Splits a sentence at clause marks (`，；：`), each piece keeping its mark.
 * Used only to shorten a first sentence longer than the hard limit.
 */
export function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of sentence) {
    cur += ch;
    if (OPENERS[ch] !== undefined) depth++;
    else if (CLOSERS.has(ch) && depth > 0) depth--;
    else if (depth === 0 && (ch === '，' || ch === '；' || ch === '：' || ch === ',' || ch === ';')) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur !== '') out.push(cur);
  return out;
}
