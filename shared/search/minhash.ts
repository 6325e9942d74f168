// Near-duplicate detection: "did this clipping already run?". Two clippings of one article differ
// in punctuation, spacing, a trimmed paragraph or a changed headline, so they are compared as sets of
// character shingles (k consecutive letters/digits of the fingerprint form). MinHash estimates their
// Jaccard similarity from a fixed-size signature, and LSH banding finds candidates with an index
// lookup instead of a scan of the archive.
import { normalizeForFingerprint } from './normalize';

/** Characters per shingle: five Chinese characters are specific enough that unrelated articles share few. */
export const SHINGLE_SIZE = 5;
export const SIGNATURE_SIZE = 128;
/** 32 bands of 4 rows: pairs with Jaccard ≥ ~0.5 share a band with probability > 0.87. */
export const LSH_BANDS = 32;
export const LSH_ROWS = SIGNATURE_SIZE / LSH_BANDS;

const EMPTY = 0xffffffff;

/** FNV-1a over UTF-16 code units, 32-bit. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: a cheap, well-mixed permutation of 32-bit integers. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds (splitmix32 from a constant) so signatures stored years ago still compare. */
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let state = 0x9e3779b9;
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    state = (state + 0x9e3779b9) >>> 0;
    seeds[i] = fmix32(state);
  }
  return seeds;
})();

/** Hashes of the distinct k-character shingles of the text's fingerprint form. */
export function shingleHashes(text: string, k = SHINGLE_SIZE): Set<number> {
  const chars = Array.from(normalizeForFingerprint(text));
  const out = new Set<number>();
  if (chars.length === 0) return out;
  if (chars.length < k) {
    out.add(fnv1a(chars.join('')));
    return out;
  }
  for (let i = 0; i + k <= chars.length; i++) out.add(fnv1a(chars.slice(i, i + k).join('')));
  return out;
}

/** Exact Jaccard similarity of two shingle sets (0 when both are empty). */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

export function minHashSignature(shingles: Set<number>): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (const s of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = fmix32(s ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

export function isEmptySignature(sig: Uint32Array): boolean {
  return sig.every((v) => v === EMPTY);
}

/** Estimated Jaccard similarity: the share of signature positions that agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error('MinHash signatures of different sizes');
  if (isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** One key per band; two signatures sharing any (band, key) are duplicate candidates. */
export function lshBandKeys(sig: Uint32Array): number[] {
  if (isEmptySignature(sig)) return [];
  const keys: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h = 0x811c9dc5 ^ band;
    for (let r = 0; r < LSH_ROWS; r++) h = fmix32(Math.imul(h ^ sig[band * LSH_ROWS + r], 0x01000193));
    // Signed 32-bit so it fits SQLite's INTEGER without surprises on either side.
    keys.push(h | 0);
  }
  return keys;
}
