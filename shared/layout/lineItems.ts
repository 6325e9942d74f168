// A set line → page items: one text item per style run (each atom placed exactly), link areas,
// underlines.
import type { Line, PlacedAtom } from './lineBreaker';
import type { LinkItem, PageItem, RuleItem, TextItem } from './types';

const EPS = 0.001;

/**
 * A run of single characters, none compressed, evenly spaced, is letter-spacing: the item keeps
 * `charSpacing` instead of one placed piece per character (most of a page's text, so much less
 * memory for a long issue).
 */
function evenSpacing(placed: PlacedAtom[]): number | null {
  if (placed.length < 2) return null;
  const step = (k: number): number => placed[k + 1].x - placed[k].x - placed[k].atom.naturalWidth;
  const s = step(0);
  for (let k = 0; k < placed.length; k++) {
    const p = placed[k];
    const a = p.atom;
    if (a.offset !== 0 || Math.abs(p.advance - a.naturalWidth) > EPS || a.text.length > (a.text.codePointAt(0)! > 0xffff ? 2 : 1)) return null;
    if (k > 0 && (a.glue !== 0 || a.glueIsSpace)) return null;
    if (k + 1 < placed.length && Math.abs(step(k) - s) > EPS) return null;
  }
  return s;
}

/** Items of one line whose left edge is at `x0` and baseline at `y`. */
export function lineItems(line: Line, x0: number, y: number): PageItem[] {
  const items: PageItem[] = [];
  let seg: TextItem | null = null;
  const runs: PlacedAtom[][] = [];
  for (const p of line.placed) {
    const a = p.atom;
    const x = x0 + line.indent + p.x + a.offset;
    if (seg && seg.font === a.font && seg.size === a.size && seg.y === y - a.rise && seg.color === a.color && !!seg.underline === !!a.underline && !!seg.italic === !!a.italic) {
      // the word space is not drawn (pieces are placed), but the text says it: copy-paste and ActualText
      seg.text += (a.glueIsSpace ? ' ' : '') + a.text;
      seg.pieces?.push({ text: a.text, dx: x - seg.x });
      runs[runs.length - 1].push(p);
    } else {
      seg = {
        kind: 'text',
        x,
        y: y - a.rise,
        text: a.text,
        font: a.font,
        size: a.size,
        charSpacing: 0,
        pieces: [{ text: a.text, dx: 0 }],
        ...(a.color ? { color: a.color } : {}),
        ...(a.underline ? { underline: true } : {}),
        ...(a.italic ? { italic: true } : {}),
      };
      items.push(seg);
      runs.push([p]);
    }
  }
  items.forEach((item, k) => {
    const spacing = evenSpacing(runs[k]);
    if (item.kind !== 'text' || spacing === null) return;
    item.charSpacing = spacing;
    delete item.pieces;
  });
  // Links: one area per run of consecutive atoms with the same target.
  let link: LinkItem | null = null;
  let linkTarget: string | undefined;
  for (const p of line.placed) {
    const a = p.atom;
    const left = x0 + line.indent + p.x;
    const right = left + p.advance;
    if (a.link && a.link === linkTarget && link) {
      link.w = right - link.x;
    } else if (a.link) {
      link = {
        kind: 'link',
        x: left,
        y: y - a.size * 0.95,
        w: right - left,
        h: a.size * 1.25,
        ...(a.link.startsWith('#') ? { dest: a.link.slice(1) } : { url: a.link }),
      };
      items.push(link);
    } else link = null;
    linkTarget = a.link;
  }
  // Underlines for underlined runs.
  let rule: RuleItem | null = null;
  for (const p of line.placed) {
    const a = p.atom;
    const left = x0 + line.indent + p.x;
    if (a.underline) {
      const uy = y + a.size * 0.12;
      if (rule) rule.x2 = left + p.advance;
      else {
        rule = { kind: 'rule', x1: left, y1: uy, x2: left + p.advance, y2: uy, width: a.size * 0.05, ...(a.color ? { color: a.color } : {}) };
        items.push(rule);
      }
    } else rule = null;
  }
  return items;
}
