// Styled text → atoms: the units the line breaker places. A Han character or CJK mark is one
// atom; a Latin word or number is one atom; —— and …… are one atom each (never split).
// Spacing between Han and Latin (a quarter em, clreq §3.2) and the compression of adjacent
// full-width marks are decided here, once per paragraph.
import { CHAR, charFlags, isAlnumCode, isCjk, isHan, isSpace } from './charClasses';
import { fullWidthPunctuation } from './punctuation';
import type { FontKey, FontMetrics } from './types';

export { fullWidthPunctuation } from './punctuation';

export interface StyledRun {
  text: string;
  font: FontKey;
  size: number;
  /** baseline shift in points (superscript > 0) */
  rise?: number;
  color?: string;
  /** `#dest` for a named destination, otherwise an external URL */
  link?: string;
  underline?: boolean;
  /** slanted (the CJK faces have no italic: the writer slants the upright glyphs, as word processors do) */
  italic?: boolean;
  /** the whole run stays on one line (e.g. `——第 18 页`) */
  noBreak?: boolean;
}

export interface Atom {
  text: string;
  font: FontKey;
  size: number;
  rise: number;
  color?: string;
  link?: string;
  underline?: boolean;
  italic?: boolean;
  kind: 'cjk' | 'latin';
  /** advance after mandatory compression, points */
  width: number;
  /** width before any compression: drawn segments are merged only across uncompressed atoms */
  naturalWidth: number;
  /** space before this atom: a quarter em (Han–Latin) or a word space */
  glue: number;
  /** the glue is a word space: dropped at a line start, may shrink */
  glueIsSpace: boolean;
  /** a line may end before this atom */
  breakBefore: boolean;
  /** a hard line break precedes this atom */
  forcedBreakBefore: boolean;
  /** how much may be removed at a line end (blank right half of a closing mark) */
  endShrink: number;
  /** how much may be removed at a line start (blank left half of an opening mark) */
  startShrink: number;
  /** glyph origin relative to the atom's position (negative when the blank left half is cut) */
  offset: number;
  /** set with a fallback face because the wanted face has no glyph */
  fallback?: boolean;
}

export interface MissingGlyphSink {
  (chars: string): void;
}

const QUARTER_EM = 0.25;


function sameStyle(a: StyledRun, b: StyledRun): boolean {
  return a === b || (a.font === b.font && a.size === b.size && (a.rise ?? 0) === (b.rise ?? 0) && a.color === b.color && a.link === b.link && !!a.underline === !!b.underline && !!a.italic === !!b.italic);
}

/** The face that has the glyph: the wanted one, else the first fallback that has it, else null. */
function fallbackFace(cp: number, wanted: FontKey, metrics: FontMetrics): FontKey | null {
  for (const f of metrics.fallbacks(wanted)) if (metrics.hasGlyph(f, cp)) return f;
  return null;
}

interface Token {
  text: string;
  run: StyledRun;
  kind: 'cjk' | 'latin';
  font: FontKey;
  fallback: boolean;
  spaceBefore: boolean;
  forcedBreakBefore: boolean;
  /** a long Latin word (URL) was cut here: a line may break without a space */
  softBreak?: boolean;
  /** first and last code point of the text */
  first: number;
  last: number;
}

function tokenize(runs: StyledRun[], metrics: FontMetrics, onMissing?: MissingGlyphSink, normalize = false): Token[] {
  // One joined string with per-code-point arrays: no object per character.
  let s = '';
  for (const run of runs) s += run.text;
  if (normalize) s = fullWidthPunctuation(s);
  const n = s.length;
  const cps: number[] = [];
  const starts: number[] = [];
  const runOf: StyledRun[] = [];
  let offset = 0;
  for (const run of runs) {
    const end = offset + run.text.length;
    for (let u = offset; u < end; ) {
      const cp = s.codePointAt(u) ?? 0;
      cps.push(cp);
      starts.push(u);
      runOf.push(run);
      u += cp > 0xffff ? 2 : 1;
    }
    offset = end;
  }
  starts.push(n);
  const count = cps.length;
  const tokens: Token[] = [];
  let pendingSpace = false;
  let pendingBreak = false;
  let missing = '';
  const push = (from: number, to: number, run: StyledRun, kind: Token['kind'], font: FontKey, fallback: boolean): void => {
    const text = s.slice(starts[from], starts[to]);
    tokens.push({ text, run, kind, font, fallback, spaceBefore: pendingSpace, forcedBreakBefore: pendingBreak, first: cps[from], last: cps[to - 1] });
    pendingSpace = false;
    pendingBreak = false;
  };
  let i = 0;
  let cut = false;
  while (i < count) {
    const cp = cps[i];
    const run = runOf[i];
    const wasCut = cut;
    cut = false;
    if (cp === 0x0a || cp === 0x2028) {
      pendingBreak = tokens.length > 0;
      pendingSpace = false;
      i++;
      continue;
    }
    if (isSpace(cp)) {
      // An ideographic space at a paragraph start is an indent the clipping typed; the layout indents itself.
      pendingSpace = tokens.length > 0 && !pendingBreak;
      i++;
      continue;
    }
    let font = run.font;
    let fallback = false;
    if (!metrics.hasGlyph(font, cp)) {
      fallback = true;
      font = fallbackFace(cp, run.font, metrics) ?? run.font;
      missing += s.slice(starts[i], starts[i + 1]);
    }
    if (isCjk(cp) || fallback) {
      let j = i + 1;
      if (charFlags(cp) & CHAR.doubled) {
        while (j < count && cps[j] === cp && sameStyle(runOf[j], run)) j++;
      }
      push(i, j, run, 'cjk', font, fallback);
      i = j;
      continue;
    }
    // Latin word or number: up to a space, a CJK character, a style change or a missing glyph.
    let j = i + 1;
    while (j < count) {
      const d = cps[j];
      if (isSpace(d) || d === 0x0a || d === 0x2028 || isCjk(d) || !sameStyle(runOf[j], run)) break;
      if (!metrics.hasGlyph(run.font, d)) break;
      j++;
      // a slash or hyphen inside a long word is a break opportunity (URLs, DRG/DIP lists)
      if (starts[j] - starts[i] >= 24 && (d === 0x2f || d === 0x2d || d === 0x5f || d === 0x2e || d === 0x3f || d === 0x26 || d === 0x3d)) {
        cut = j < count && !isSpace(cps[j]) && !isCjk(cps[j]) && sameStyle(runOf[j], run);
        break;
      }
    }
    push(i, j, run, 'latin', font, false);
    if (wasCut) tokens[tokens.length - 1].softBreak = true;
    i = j;
  }
  if (missing && onMissing) onMissing(missing);
  return tokens;
}

/** CJK punctuation only (a space next to it is dropped: the mark carries its own blank). */
function isMarkText(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** Code point of the last character of `s`. */
function lastCode(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  const lo = s.charCodeAt(n - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && n >= 2) {
    const hi = s.charCodeAt(n - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000;
  }
  return lo;
}

/** May a line end between tokens a and b? */
function canBreakBetween(a: Token, b: Token): boolean {
  if (a.run.noBreak && b.run.noBreak && a.run === b.run) return false;
  if ((b.run.rise ?? 0) > 0 && !b.spaceBefore) return false; // note marks stay with their word
  const la = a.last;
  const fb = b.first;
  const fbFlags = charFlags(fb);
  if (fbFlags & CHAR.startProhibited || charFlags(la) & CHAR.endProhibited) return false;
  if (a.kind === 'latin' && b.kind === 'latin' && !b.spaceBefore) return false;
  if (la >= 0x30 && la <= 0x39 && fbFlags & CHAR.unit) return false; // 2024年, 3000 元, 85.2%
  if (a.kind === 'latin' && !b.spaceBefore && b.kind === 'cjk' && !isHan(fb) && !isCjk(fb)) return false;
  return true;
}

export interface AtomOptions {
  /** set half-width punctuation typed in Chinese text full-width (body text; titles stay as written) */
  fullWidthPunctuation?: boolean;
  /** a Latin word wider than this (points) is cut into pieces that fit (a long URL in a table cell) */
  maxWidth?: number;
}

/** Cuts Latin tokens wider than `maxWidth` into pieces that fit; a line may break between pieces. */
function cutWideTokens(tokens: Token[], metrics: FontMetrics, maxWidth: number): Token[] {
  const out: Token[] = [];
  for (const t of tokens) {
    if (t.kind !== 'latin' || (metrics.advance(t.text, t.font) * t.run.size) / 1000 <= maxWidth) {
      out.push(t);
      continue;
    }
    let piece = '';
    let w = 0;
    let first = true;
    const flush = (): void => {
      const ends = { text: piece, first: piece.codePointAt(0) ?? 0, last: lastCode(piece) };
      out.push(first ? { ...t, ...ends } : { ...t, ...ends, spaceBefore: false, forcedBreakBefore: false, softBreak: true });
      first = false;
      piece = '';
      w = 0;
    };
    for (const ch of t.text) {
      const cw = (metrics.advance(ch, t.font) * t.run.size) / 1000;
      if (piece && w + cw > maxWidth) flush();
      piece += ch;
      w += cw;
    }
    if (piece) flush();
  }
  return out;
}

export function buildAtoms(runs: StyledRun[], metrics: FontMetrics, onMissing?: MissingGlyphSink, options: AtomOptions = {}): Atom[] {
  let tokens = tokenize(runs, metrics, onMissing, options.fullWidthPunctuation);
  if (options.maxWidth !== undefined) tokens = cutWideTokens(tokens, metrics, options.maxWidth);
  const atoms: Atom[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const prev = k > 0 ? tokens[k - 1] : undefined;
    const size = t.run.size;
    const width = (metrics.advance(t.text, t.font) * size) / 1000;
    let glue = 0;
    let glueIsSpace = false;
    if (prev) {
      const hanLatin = (isHan(prev.last) && isAlnumCode(t.first)) || (isAlnumCode(prev.last) && isHan(t.first));
      if (hanLatin) glue = QUARTER_EM * Math.min(size, prev.run.size);
      else if (t.spaceBefore && prev.kind === 'latin' && t.kind === 'latin') {
        glue = (metrics.advance(' ', t.font) * size) / 1000;
        glueIsSpace = true;
      } else if (t.spaceBefore && (prev.kind === 'latin' || t.kind === 'latin')) {
        // a space between Latin and a CJK mark: keep a quarter em, not a full word space
        glue = QUARTER_EM * size;
      } else if (t.spaceBefore && !isMarkText(prev.text) && !isMarkText(t.text)) {
        // a space typed between Han characters separates something (names 张三 李四, 凝心聚力 攻坚克难):
        // keep it as a breakable, shrinkable word space
        glue = QUARTER_EM * size;
        glueIsSpace = true;
      }
    }
    const half = size / 2;
    atoms.push({
      text: t.text,
      font: t.font,
      size,
      rise: t.run.rise ?? 0,
      // every atom has the same shape (monomorphic objects keep the breaker fast)
      color: t.run.color,
      link: t.run.link,
      underline: !!t.run.underline,
      italic: !!t.run.italic,
      kind: t.kind,
      width,
      naturalWidth: width,
      glue,
      glueIsSpace,
      breakBefore: prev ? canBreakBetween(prev, t) || t.forcedBreakBefore || !!t.softBreak : false,
      forcedBreakBefore: t.forcedBreakBefore,
      endShrink: t.kind === 'cjk' && t.text.length === 1 && charFlags(t.last) & CHAR.closing ? half : 0,
      startShrink: t.kind === 'cjk' && t.text.length === 1 && charFlags(t.first) & CHAR.opening ? half : 0,
      offset: 0,
      fallback: t.fallback,
    });
  }
  compressAdjacentMarks(atoms);
  return atoms;
}

/** Two full-width marks in a row (。” ）、 “《) share one em's blank: set the first closing, or the second opening, half-width. */
function compressAdjacentMarks(atoms: Atom[]): void {
  for (let k = 0; k + 1 < atoms.length; k++) {
    const a = atoms[k];
    const b = atoms[k + 1];
    if (a.kind !== 'cjk' || b.kind !== 'cjk' || b.glue !== 0) continue;
    const bIsMark = b.endShrink > 0 || b.startShrink > 0 || /[！？]/.test(b.text);
    if (a.endShrink > 0 && bIsMark && a.width === a.naturalWidth) {
      a.width -= a.endShrink;
      a.endShrink = 0;
    } else if (a.startShrink > 0 && b.startShrink > 0 && b.width === b.naturalWidth) {
      b.width -= b.startShrink;
      b.offset = -b.startShrink;
      b.startShrink = 0;
    }
  }
}
