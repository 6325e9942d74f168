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

/**
 * TextRank over sentences given as bigram sets (see bigramSet).
 *
 * The graph is kept sparse (about a third of sentence pairs share no bigram), as its edges i < j in row
 * order. One pass over them per step hands each sentence its neighbours' shares in ascending order of
 * the neighbour (lower ones while their rows pass, higher ones in its own row): the same additions in
 * the same order as the dense matrix product, without the zero terms, so the scores are the same
 * numbers to the last bit.
 */
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
  // shared[i * n + j], i < j: how many bigrams sentences i and j have in common.
  const shared = new Uint32Array(n * n);
  for (const list of postings.values()) {
    for (let x = 0; x < list.length; x++) {
      const row = list[x] * n;
      for (let y = x + 1; y < list.length; y++) shared[row + list[y]]++;
    }
  }
  const logSize = sets.map((set) => (set.size < 2 ? 0 : Math.log(set.size)));
  // Edges i < j in row order: row i is rowStart[i] … rowStart[i + 1] - 1. outSum adds each sentence's
  // edges in ascending order of the other end, as the dense rows did.
  const rowStart = new Int32Array(n + 1);
  const other: number[] = [];
  const weights: number[] = [];
  const outSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rowStart[i] = other.length;
    if (logSize[i] === 0) continue;
    for (let j = i + 1; j < n; j++) {
      const c = shared[i * n + j];
      if (c === 0 || logSize[j] === 0) continue;
      const sim = c / (logSize[i] + logSize[j]);
      other.push(j);
      weights.push(sim);
      outSum[i] += sim;
      outSum[j] += sim;
    }
  }
  rowStart[n] = other.length;
  const column = Int32Array.from(other);
  const weight = Float64Array.from(weights);
  let score = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  const base = 1 - damping;
  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j < n; j++) share[j] = outSum[j] === 0 ? 0 : (damping * score[j]) / outSum[j];
    next.fill(base);
    for (let i = 0; i < n; i++) {
      // next[i] already holds its lower neighbours' terms; its own row adds the higher ones.
      const own = share[i];
      let sum = next[i];
      for (let k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
        const j = column[k];
        const w = weight[k];
        sum += w * share[j];
        next[j] += w * own;
      }
      next[i] = sum;
    }
    [score, next] = [next, score];
  }
  return Array.from(score);
}
