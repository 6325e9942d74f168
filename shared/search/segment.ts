// Search segmentation for Chinese. SQLite's unicode61 tokenizer cannot split Chinese and the
// trigram tokenizer needs three characters, so text is indexed as character bigrams: 医保基金 →
// 医保 保基 基金 金 (the last character alone too, so a one-character query can prefix-match).
// Latin words and numbers stay whole ("DRG" → drg). The index stores these tokens separated by
// spaces; a query is segmented the same way and each query word becomes an FTS5 phrase of bigrams,
// so a two-character word like 医保, 集采 or DRG is exactly one token.
import { foldText, isCjk, isWordChar } from './normalize';

type RunKind = 'cjk' | 'word';

interface Run {
  kind: RunKind;
  text: string;
}

/** Splits folded text into runs of CJK characters and runs of word characters; everything else separates. */
function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  for (const ch of foldText(text.normalize('NFKC'))) {
    const kind: RunKind | null = isCjk(ch) ? 'cjk' : isWordChar(ch) ? 'word' : null;
    if (kind === null) {
      current = null;
      continue;
    }
    if (current && current.kind === kind) current.text += ch;
    else {
      current = { kind, text: ch };
      runs.push(current);
    }
  }
  return runs;
}

function cjkIndexTokens(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  tokens.push(chars[chars.length - 1]);
  return tokens;
}

/** The tokens a text is indexed under, in order. */
export function indexTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const run of runsOf(text)) {
    if (run.kind === 'word') tokens.push(run.text);
    else tokens.push(...cjkIndexTokens(run.text));
  }
  return tokens;
}

/** The text stored in the full-text index for one field: its tokens joined by spaces. */
export function segmentForIndex(text: string): string {
  return indexTokens(text).join(' ');
}

/** One word of a query: all of it must occur, contiguously. */
export interface QueryWord {
  /** the word as the editor typed it (folded), for highlighting */
  text: string;
  /** consecutive index tokens; a lone CJK character is a prefix token */
  tokens: string[];
  prefix: boolean;
}

/** Query words of this many CJK characters or more are split into dictionary words (see splitLongWord). */
const LONG_CJK_WORD = 5;

const wordSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;

/**
 * A long unspaced Chinese query (医保基金监管改革) is split into dictionary words with
 * Intl.Segmenter so a document need not contain it verbatim; single characters the dictionary
 * leaves alone (ICU splits 医保 into 医|保) are joined back to their neighbours.
 */
export function splitLongWord(word: string): string[] {
  if (!wordSegmenter) return [word];
  const parts: string[] = [];
  let pending = '';
  for (const { segment } of wordSegmenter.segment(word)) {
    if (Array.from(segment).length === 1) {
      pending += segment;
      continue;
    }
    if (pending) parts.push(pending);
    pending = '';
    parts.push(segment);
  }
  if (pending) parts.push(pending);
  // A lone leftover character reads better attached to the word before it (监管局 → 监管 + 局).
  const merged: string[] = [];
  for (const p of parts) {
    if (Array.from(p).length === 1 && merged.length > 0) merged[merged.length - 1] += p;
    else merged.push(p);
  }
  return merged;
}

function queryWordFrom(runs: Run[], text: string): QueryWord | null {
  const tokens: string[] = [];
  runs.forEach((run, i) => {
    if (run.kind === 'word') {
      tokens.push(run.text);
      return;
    }
    // Inside the word, a CJK run is tokenised as the index does (its last character alone
    // included) so the tokens stay adjacent; the word's last run ends at its last bigram, as the
    // text may go on.
    const isLast = i === runs.length - 1;
    tokens.push(...(isLast ? cjkQueryTokens(run.text) : cjkIndexTokens(run.text)));
  });
  if (tokens.length === 0) return null;
  const prefix = runs.length === 1 && runs[0].kind === 'cjk' && Array.from(runs[0].text).length === 1;
  return { text, tokens, prefix };
}

function cjkQueryTokens(run: string): string[] {
  const chars = Array.from(run);
  if (chars.length === 1) return chars;
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  return tokens;
}

const QUOTES = '"“”「」『』';
const QUERY_PIECE = new RegExp(`[${QUOTES}]([^${QUOTES}]*)[${QUOTES}]?|[^\\s\u3000${QUOTES}]+`, 'gu');

/**
 * Splits what the editor typed into query words: spaces separate words, punctuation is ignored,
 * and text in quotes ("…", “…”, 「…」) is one exact phrase, never split.
 */
export function parseQuery(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const m of query.matchAll(QUERY_PIECE)) {
    const quoted = m[1] !== undefined;
    const runs = runsOf(quoted ? m[1] : m[0]);
    if (runs.length === 0) continue;
    const longCjk = !quoted && runs.length === 1 && runs[0].kind === 'cjk' && Array.from(runs[0].text).length >= LONG_CJK_WORD;
    if (longCjk) {
      for (const part of splitLongWord(runs[0].text)) {
        const w = queryWordFrom([{ kind: 'cjk', text: part }], part);
        if (w) words.push(w);
      }
      continue;
    }
    const w = queryWordFrom(runs, runs.map((r) => r.text).join(''));
    if (w) words.push(w);
  }
  // The same word twice adds nothing to an AND query.
  const seen = new Set<string>();
  return words.filter((w) => {
    const key = `${w.prefix ? '*' : ''}${w.tokens.join(' ')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** FTS5 MATCH expression for the query words (all required), or null when nothing is searchable. */
export function toFtsMatch(words: QueryWord[]): string | null {
  if (words.length === 0) return null;
  return words
    .map((w) => {
      // Tokens hold only letters and digits, so quoting cannot be broken out of; escape anyway.
      const phrase = `"${w.tokens.join(' ').replace(/"/g, '""')}"`;
      return w.prefix ? `${phrase}*` : phrase;
    })
    .join(' AND ');
}
