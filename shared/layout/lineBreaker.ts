// The CJK line breaker: greedy filling that counts what compression can save, then moves the
// break back to the last place the clreq prohibitions allow, then justifies the line by
// shrinking (line-end mark, word spaces, a line-start opening mark) or by spreading the leftover
// width evenly between characters.
import type { Atom } from './atoms';

export interface PlacedAtom {
  atom: Atom;
  /** position of the atom's box, from the line start (add atom.offset for the glyph origin) */
  x: number;
  /** drawn advance of this atom in this line (may be shorter than atom.width at the line end) */
  advance: number;
}

export interface Line {
  placed: PlacedAtom[];
  /** set width of the line content, points */
  width: number;
  /** inter-character stretch used on this line (0 for a ragged line) */
  stretch: number;
  /** true when the line was set flush on both edges */
  justified: boolean;
  /** left offset of the line inside the measure (indent, centering) */
  indent: number;
}

export interface BreakOptions {
  /** measure, points */
  width: number;
  /** first-line indent, points */
  firstIndent?: number;
  /** indent of the other lines (hanging lists) */
  restIndent?: number;
  align?: 'justify' | 'left' | 'center' | 'right';
  /** move a character down so the last line is never a lone character */
  avoidLoneLastLine?: boolean;
}

const EPS = 0.01;
/** a word space may shrink to two thirds of its width */
const SPACE_SHRINK = 1 / 3;

interface Span {
  start: number;
  end: number;
}

/** Narrowest the atoms start..end-1 can be set as one line: every shrink used. */
function minLineWidth(atoms: Atom[], start: number, end: number): number {
  let w = 0;
  for (let i = start; i < end; i++) {
    const a = atoms[i];
    const glue = i > start ? a.glue : 0;
    w += glue - (i > start && a.glueIsSpace ? glue * SPACE_SHRINK : 0) + a.width - a.endShrink;
  }
  return w - atoms[start].startShrink;
}

function lineSpans(atoms: Atom[], opts: BreakOptions): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start < atoms.length) {
    const avail = opts.width - (spans.length === 0 ? (opts.firstIndent ?? 0) : (opts.restIndent ?? 0));
    let x = 0;
    let spaceShrink = 0;
    let lastBreak = -1;
    let end = atoms.length;
    const startShrink = atoms[start].startShrink;
    for (let i = start; i < atoms.length; i++) {
      const a = atoms[i];
      if (i > start && a.forcedBreakBefore) {
        end = i;
        break;
      }
      const glue = i > start ? a.glue : 0;
      const xi = x + glue + a.width;
      const shrinkNow = spaceShrink + (i > start && a.glueIsSpace ? glue * SPACE_SHRINK : 0);
      const minWidth = xi - a.endShrink - shrinkNow - startShrink;
      if (i > start && minWidth > avail + EPS) {
        end = lastBreak > start ? lastBreak : i;
        if (end < i) {
          // A prohibition pushes characters out (推出). Rather pull them in (推入) when the
          // blank halves of the marks inside the line make room up to the next legal break.
          let next = i + 1;
          while (next < atoms.length && !atoms[next].breakBefore) next++;
          if (next - i <= 2 && minLineWidth(atoms, start, next) <= avail + EPS) end = next;
        }
        break;
      }
      x = xi;
      spaceShrink = shrinkNow;
      if (i + 1 < atoms.length && atoms[i + 1].breakBefore) lastBreak = i + 1;
    }
    spans.push({ start, end });
    start = end;
  }
  return spans;
}

function isMark(a: Atom): boolean {
  return a.kind === 'cjk' && !/[\p{L}\p{N}]/u.test(a.text);
}

/** A last line holding one character (with or without its punctuation) takes one more from the line above. */
function avoidLoneLastLine(atoms: Atom[], spans: Span[], opts: BreakOptions): void {
  if (spans.length < 2) return;
  const last = spans[spans.length - 1];
  const prev = spans[spans.length - 2];
  if (atoms[last.start].forcedBreakBefore) return;
  const content = atoms.slice(last.start, last.end).filter((a) => !isMark(a));
  if (content.length > 1) return;
  for (let b = last.start - 1; b > prev.start + 1; b--) {
    if (!atoms[b].breakBefore) continue;
    const avail = opts.width - (opts.restIndent ?? 0);
    if (naturalWidth(atoms, b, last.end) - atoms[last.end - 1].endShrink > avail + EPS) return;
    // the line above is stretched by what it gives away: at most a fifth of an em per gap
    if (naturalWidth(atoms, b, last.start) / Math.max(1, b - prev.start - 1) > 0.2 * atoms[b].size) return;
    prev.end = b;
    last.start = b;
    return;
  }
}

function naturalWidth(atoms: Atom[], start: number, end: number): number {
  let w = 0;
  for (let i = start; i < end; i++) w += (i > start ? atoms[i].glue : 0) + atoms[i].width;
  return w;
}

function setLine(atoms: Atom[], span: Span, avail: number, justify: boolean, indent: number): Line {
  const n = span.end - span.start;
  const advances: number[] = [];
  const glues: number[] = [];
  for (let i = span.start; i < span.end; i++) {
    advances.push(atoms[i].width);
    glues.push(i > span.start ? atoms[i].glue : 0);
  }
  const first = atoms[span.start];
  const lastAtom = atoms[span.end - 1];
  let startCut = 0;
  // Line-end closing mark: set half-width so the ink, not the blank, meets the right edge.
  if (justify || lastAtom.endShrink > 0) advances[n - 1] -= lastAtom.endShrink;
  let width = advances.reduce((s, a) => s + a, 0) + glues.reduce((s, g) => s + g, 0);
  let stretch = 0;
  if (width > avail + EPS) {
    // shrink word spaces, then the blank half of a line-start opening mark
    const spaceTotal = glues.reduce((s, g, k) => s + (atoms[span.start + k].glueIsSpace ? g : 0), 0);
    const take = Math.min(width - avail, spaceTotal * SPACE_SHRINK);
    if (spaceTotal > 0) {
      for (let k = 1; k < n; k++) if (atoms[span.start + k].glueIsSpace) glues[k] -= (take * glues[k]) / spaceTotal;
      width -= take;
    }
    if (width > avail + EPS && first.startShrink > 0) {
      startCut = Math.min(first.startShrink, width - avail);
      advances[0] -= startCut;
      width -= startCut;
    }
    // then the blank halves of closing marks inside the line (，。、 set tighter), evenly
    const markTotal = atoms.slice(span.start, span.end - 1).reduce((t, a) => t + a.endShrink, 0);
    if (width > avail + EPS && markTotal > 0) {
      const take = Math.min(width - avail, markTotal);
      for (let k = 0; k < n - 1; k++) advances[k] -= (atoms[span.start + k].endShrink * take) / markTotal;
      width -= take;
    }
  } else if (justify && n > 1 && width < avail - EPS) {
    stretch = (avail - width) / (n - 1);
    width = avail;
  }
  const placed: PlacedAtom[] = [];
  let x = 0;
  for (let k = 0; k < n; k++) {
    const atom = atoms[span.start + k];
    if (k > 0) x += glues[k] + stretch;
    placed.push({ atom, x: k === 0 ? x - startCut : x, advance: advances[k] + (k === 0 ? startCut : 0) });
    x += advances[k];
  }
  return { placed, width, stretch, justified: justify && n > 1, indent };
}

/** Breaks a paragraph's atoms into set lines. */
export function breakLines(atoms: Atom[], opts: BreakOptions): Line[] {
  if (atoms.length === 0) return [];
  const spans = lineSpans(atoms, opts);
  if (opts.avoidLoneLastLine) avoidLoneLastLine(atoms, spans, opts);
  const align = opts.align ?? 'justify';
  return spans.map((span, k) => {
    const indent = k === 0 ? (opts.firstIndent ?? 0) : (opts.restIndent ?? 0);
    const avail = opts.width - indent;
    const lastOfParagraph = k === spans.length - 1 || atoms[spans[k + 1].start].forcedBreakBefore;
    const line = setLine(atoms, span, avail, align === 'justify' && !lastOfParagraph, indent);
    if (align === 'center') line.indent += Math.max(0, (avail - line.width) / 2);
    else if (align === 'right') line.indent += Math.max(0, avail - line.width);
    return line;
  });
}
