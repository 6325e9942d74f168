// Highlighted snippets for search hits, cut from the original text (not from the segmented index,
// whose bigrams are not readable). Matching ignores case, full/half width and whitespace, so "DRG付费"
// finds "DRG 付费".
import { foldChar } from './normalize';

export interface Highlight {
  /** offsets into the snippet text, end exclusive */
  start: number;
  end: number;
}

export interface Snippet {
  text: string;
  highlights: Highlight[];
}

export interface SnippetOptions {
  /** characters of text around the matches, not counting the ellipses; default 120 */
  maxLength?: number;
  /** characters shown before the first match; default 20 */
  lead?: number;
}

const ELLIPSIS = '…';

/** Text with whitespace removed and characters folded, and where each character came from. */
export interface PreparedText {
  text: string;
  chars: string;
  /** index in the original text of each compact character */
  origin: Uint32Array;
}

// Decoding the folded code units in one call is far faster than building the string piecewise.
const utf16 = new TextDecoder('utf-16le');

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b);
}

/** Folds once so several words can be looked up cheaply (this runs for every search hit). */
export function prepareText(text: string): PreparedText {
  const origin = new Uint32Array(text.length);
  const codes = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 0x80 && (c < 0x3000 || c > 0x9fff)) c = foldChar(text[i]).charCodeAt(0);
    codes[n] = c;
    origin[n] = i;
    n++;
  }
  const chars = utf16.decode(codes.subarray(0, n));
  return { text, chars, origin: origin.subarray(0, n) };
}

function matchesIn(prepared: PreparedText, word: string): Highlight[] {
  const needle = prepareText(word).chars;
  const out: Highlight[] = [];
  if (!needle) return out;
  const { chars, origin } = prepared;
  for (let at = chars.indexOf(needle); at !== -1; at = chars.indexOf(needle, at + needle.length)) {
    out.push({ start: origin[at], end: origin[at + needle.length - 1] + 1 });
  }
  return out;
}

/** Every place in `text` where one of `words` occurs, sorted, overlaps merged. */
export function findMatches(text: string | PreparedText, words: string[]): Highlight[] {
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  const found = words.flatMap((w) => matchesIn(prepared, w));
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Highlight[] = [];
  for (const h of found) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.end) last.end = Math.max(last.end, h.end);
    else merged.push({ ...h });
  }
  return merged;
}

/** How many of `words` occur in `text` (each counted once): used to pick the field to cut from. */
export function countMatchedWords(text: string | PreparedText, words: string[]): number {
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  return words.filter((w) => matchesIn(prepared, w).length > 0).length;
}

/** Matches before index i that still start at or after `from` (the lead can reach back over them). */
function countBefore(matches: Highlight[], i: number, from: number): number {
  let n = 0;
  for (let k = i - 1; k >= 0 && matches[k].start >= from; k--) n++;
  return n;
}

/**
 * The window of `text` holding the most matches (earliest on a tie), with line breaks shown as
 * spaces and ellipses where it was cut. Without matches, the beginning of the text.
 */
export function buildSnippet(text: string | PreparedText, words: string[], options: SnippetOptions = {}): Snippet {
  const maxLength = options.maxLength ?? 120;
  const lead = options.lead ?? 20;
  const prepared = typeof text === 'string' ? prepareText(text) : text;
  const matches = findMatches(prepared, words);
  let start = 0;
  if (matches.length > 0) {
    let best = -1;
    // Sliding window over the sorted matches: count those inside [from, from + maxLength).
    let j = 0;
    for (let i = 0; i < matches.length; i++) {
      const from = Math.max(0, matches[i].start - lead);
      if (j < i) j = i;
      while (j < matches.length && matches[j].end <= from + maxLength) j++;
      const count = j - i + (i > 0 ? countBefore(matches, i, from) : 0);
      if (count > best) {
        best = count;
        start = from;
      }
    }
  }
  // Prefer not to start mid-way through a run of spaces.
  const full = prepared.text;
  while (start > 0 && start < full.length && /\s/u.test(full[start])) start++;
  const end = Math.min(full.length, start + maxLength);
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < full.length ? ELLIPSIS : '';
  // Whitespace (line breaks between blocks) shows as spaces; same length, so offsets hold.
  const body = full.slice(start, end).replace(/\s/gu, ' ');
  const highlights = matches
    .filter((m) => m.start >= start && m.start < end)
    .map((m) => ({ start: m.start - start + prefix.length, end: Math.min(m.end, end) - start + prefix.length }));
  return { text: prefix + body + suffix, highlights };
}

/** The snippet with each highlight wrapped in `open`/`close`, e.g. for a terminal or Markdown. */
export function markSnippet(snippet: Snippet, open = '**', close = '**'): string {
  let out = '';
  let at = 0;
  for (const h of snippet.highlights) {
    out += snippet.text.slice(at, h.start) + open + snippet.text.slice(h.start, h.end) + close;
    at = h.end;
  }
  return out + snippet.text.slice(at);
}
