// Picks sentences for the 提要 within the length budget and joins them in the article's order.
import type { Sentence } from './segment';
import { splitClauses } from './segment';

export interface SelectOptions {
  title: string;
  targetLength: number;
  maxLength: number;
}

/** Characters as the editor counts them (code points, spaces excluded). */
export function summaryLength(text: string): number {
  return Array.from(text.replace(/\s+/g, '')).length;
}

export function selectSentences(sentences: Sentence[], options: SelectOptions): string {
  const { targetLength, maxLength } = options;
  const chosen: Sentence[] = [];
  let length = 0;
  for (const s of sentences) {
    const len = summaryLength(s.text);
    if (length + len > maxLength) {
      if (chosen.length === 0) continue; // an overlong lead: try the next sentence that fits
      break;
    }
    chosen.push(s);
    length += len;
    if (length >= targetLength) break;
  }
  if (chosen.length === 0 && sentences.length > 0) return fitOverlong(sentences, maxLength);
  return joinSentences(chosen);
}

/** Joins sentences; a sentence closed by a clause mark (`；`) is closed with `。` when it ends the 提要. */
export function joinSentences(sentences: Sentence[]): string {
  const text = sentences.map((s) => s.text).join('');
  return text.replace(/[；;，,：:]$/, '。');
}

/**
 * Every sentence is over the limit: the longest run of whole clauses from the start of the first
 * sentence that fits, closed with `。`. Cutting at a clause mark keeps each clause whole, and an
 * ellipsis would print text the article never had.
 */
function fitOverlong(sentences: Sentence[], maxLength: number): string {
  let out = '';
  for (const clause of splitClauses(sentences[0].text)) {
    if (summaryLength(out + clause) > maxLength) break;
    out += clause;
  }
  if (out === '') return '';
  return out.replace(/[，,；;：:、。！？!?]$/, '') + '。';
}
