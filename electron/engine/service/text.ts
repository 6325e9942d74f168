// Small text helpers for search results and duplicate checks (pure).

/** Titles compare equal across clippers: no spaces, no punctuation, Latin letters lower-cased. */
export function normalizeTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A window of text around the first match, with the ranges of every term for highlighting. */
export function highlightSnippet(text: string, terms: string[], radius = 60): { snippet: string; highlights: Array<{ start: number; end: number }> } {
  const flat = text.replace(/\s+/g, ' ');
  const first = terms.map((t) => flat.indexOf(t)).filter((i) => i >= 0).sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, first - radius);
  const end = Math.min(flat.length, first + radius * 2);
  const snippet = (start > 0 ? '…' : '') + flat.slice(start, end) + (end < flat.length ? '…' : '');
  const highlights: Array<{ start: number; end: number }> = [];
  const sorted = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length > 0) {
    const pattern = new RegExp(sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    for (const m of snippet.matchAll(pattern)) highlights.push({ start: m.index, end: m.index + m[0].length });
  }
  return { snippet, highlights };
}
