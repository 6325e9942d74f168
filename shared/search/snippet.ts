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

interface Compact {
  chars: string;
  /** index in the original text of each compact character */
  origin: number[];
}

function compactOf(text: string): Compact {
  let chars = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = foldChar(text[i]);
    if (/\s/u.test(ch)) continue;
    chars += ch;
    origin.push(i);
  }
  return { chars, origin };
}

/** Every place in `text` where one of `words` occurs, sorted, overlaps merged. */
export function findMatches(text: string, words: string[]): Highlight[] {
  const { chars, origin } = compactOf(text);
  const found: Highlight[] = [];
  for (const word of words) {
    const needle = compactOf(word).chars;
    if (!needle) continue;
    for (let at = chars.indexOf(needle); at !== -1; at = chars.indexOf(needle, at + needle.length)) {
      found.push({ start: origin[at], end: origin[at + needle.length - 1] + 1 });
    }
  }
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
export function countMatchedWords(text: string, words: string[]): number {
  return words.filter((w) => findMatches(text, [w]).length > 0).length;
}

/**
 * The window of `text` holding the most matches (earliest on a tie), with line breaks shown as
 * spaces and ellipses where it was cut. Without matches, the beginning of the text.
 */
export function buildSnippet(text: string, words: string[], options: SnippetOptions = {}): Snippet {
  const maxLength = options.maxLength ?? 120;
  const lead = options.lead ?? 20;
  const flat = text.replace(/\s+/gu, (s) => ' '.repeat(s.length));
  const matches = findMatches(flat, words);
  let start = 0;
  if (matches.length > 0) {
    let best = -1;
    for (const m of matches) {
      const from = Math.max(0, m.start - lead);
      const count = matches.filter((o) => o.start >= from && o.end <= from + maxLength).length;
      if (count > best) {
        best = count;
        start = from;
      }
    }
  }
  // Prefer not to start mid-way through a run of spaces.
  while (start > 0 && start < flat.length && flat[start] === ' ') start++;
  const end = Math.min(flat.length, start + maxLength);
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < flat.length ? ELLIPSIS : '';
  const body = flat.slice(start, end);
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
