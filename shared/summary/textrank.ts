// Sentence centrality by TextRank (Mihalcea & Tarau 2004) over character bigrams: how much a
// sentence shares with the rest of the article. Used as one feature of the 提要 scorer and, alone,
// as the baseline the bench compares against.

/**
 * Distinct character bigrams of the letters and digits of a sentence, each packed into one number
 * (two UTF-16 code units), which keeps the sets small and fast on long articles.
 */
export function bigramSet(text: string): Set<number> {
  const s = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const out = new Set<number>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1));
  return out;
}

/** TextRank's sentence similarity: shared units over the log of the two sizes. */
export function similarity(a: Set<number>, b: Set<number>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return shared / (Math.log(a.size) + Math.log(b.size));
}

/**
 * PageRank scores of the sentence similarity graph (damping 0.85), summing to the sentence count.
 * Shared bigrams are counted through an inverted index, so long articles stay fast.
 */
export function textRank(texts: string[], iterations = 30, damping = 0.85): number[] {
  return textRankOfSets(texts.map(bigramSet), iterations, damping);
}

/** TextRank over sentences given as bigram sets (see bigramSet). */
export function textRankOfSets(sets: Set<number>[], iterations = 30, damping = 0.85): number[] {
  const n = sets.length;
  if (n === 0) return [];
  const postings = new Map<number, number[]>();
  sets.forEach((set, i) => {
    for (const b of set) {
      const list = postings.get(b);
      if (list) list.push(i);
      else postings.set(b, [i]);
    }
  });
  const shared = new Float64Array(n * n);
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      const row = list[x] * n;
      for (let y = x + 1; y < list.length; y++) shared[row + list[y]]++;
    }
  }
  const logSize = sets.map((set) => (set.size < 2 ? 0 : Math.log(set.size)));
  const w = new Float64Array(n * n);
  const outSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (logSize[i] === 0) continue;
    for (let j = i + 1; j < n; j++) {
      const c = shared[i * n + j];
      if (c === 0 || logSize[j] === 0) continue;
      const sim = c / (logSize[i] + logSize[j]);
      w[i * n + j] = sim;
      w[j * n + i] = sim;
      outSum[i] += sim;
      outSum[j] += sim;
    }
  }
  let score = new Float64Array(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n).fill(1 - damping);
    for (let j = 0; j < n; j++) {
      if (outSum[j] === 0) continue;
      const share = (damping * score[j]) / outSum[j];
      const row = j * n;
      for (let i = 0; i < n; i++) next[i] += w[row + i] * share;
    }
    score = next;
  }
  return Array.from(score);
}
