// Pagination: a flow of slices (unbreakable vertical pieces: a line, a table row, a figure)
// poured into pages. keepWithNext chains (a heading with the lines after it, the first and the
// last two lines of a paragraph) move to the next page together, so no heading ends a page and
// no paragraph leaves a single line alone at a page top or bottom.
import type { PageItem } from './types';

export interface Slice {
  height: number;
  /** space above the slice, dropped at a page top */
  spaceBefore: number;
  /** the slice and the next one share a page */
  keepWithNext: boolean;
  pageBreakBefore?: boolean;
  /** set again at the top of a page this slice continues on (a table's header row) */
  repeatHeader?: Slice;
  /** a heading-like slice (counted by the tests that no page ends on one) */
  isHeading?: boolean;
  /** items of the slice whose top-left corner is at (x, y) */
  render(x: number, y: number): PageItem[];
  /** a name recorded with the page index the slice lands on (article titles) */
  mark?: string;
}

export interface Frame {
  /** left edge of the text block */
  left: number;
  top: number;
  /** lowest y a slice may reach */
  bottom: number;
}

export interface Paginated {
  pages: PageItem[][];
  /** mark → 0-based index of the page it landed on */
  marks: Map<string, number>;
  /** per page: whether its last slice is a heading (for checks) */
  endsWithHeading: boolean[];
}

/** `render: false` only counts pages and records marks (page-number settling, live preview). */
export function paginate(slices: Slice[], frame: Frame, render = true): Paginated {
  const pages: PageItem[][] = [[]];
  const marks = new Map<string, number>();
  const endsWithHeading: boolean[] = [false];
  const capacity = frame.bottom - frame.top;
  let y = frame.top;
  let atTop = true;

  const newPage = (): void => {
    pages.push([]);
    endsWithHeading.push(false);
    y = frame.top;
    atTop = true;
  };

  for (let i = 0; i < slices.length; i++) {
    const s = slices[i];
    if (s.pageBreakBefore && !atTop) newPage();
    if (!atTop) {
      let chain = s.spaceBefore + s.height;
      for (let j = i; slices[j].keepWithNext && j + 1 < slices.length && !slices[j + 1].pageBreakBefore; j++) {
        chain += slices[j + 1].spaceBefore + slices[j + 1].height;
        if (chain > capacity) break;
      }
      const fitsAlone = y + s.spaceBefore + s.height <= frame.bottom + 0.01;
      const chainFits = y + chain <= frame.bottom + 0.01;
      if (!fitsAlone || (!chainFits && chain <= capacity)) {
        newPage();
        if (s.repeatHeader && i > 0 && slices[i - 1].repeatHeader === s.repeatHeader) {
          if (render) pages[pages.length - 1].push(...s.repeatHeader.render(frame.left, y));
          y += s.repeatHeader.height;
          atTop = false;
        }
      }
    }
    if (!atTop) y += s.spaceBefore;
    if (render) pages[pages.length - 1].push(...s.render(frame.left, y));
    if (s.mark) marks.set(s.mark, pages.length - 1);
    endsWithHeading[pages.length - 1] = !!s.isHeading;
    y += s.height;
    atTop = false;
  }
  return { pages, marks, endsWithHeading };
}
