// Page geometry of the DOCX, in twips (1/20 pt). Pure data: styles and blocks size themselves from it.

export type PageSizeName = 'A4' | '16K';

export interface PageSetup {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number; header: number; footer: number };
}

const MM = 1440 / 25.4;
const mm = (value: number): number => Math.round(value * MM);

const SIZES: Record<PageSizeName, { width: number; height: number }> = {
  A4: { width: 11906, height: 16838 },
  // 16开 (184 × 260 mm), the size many Chinese periodicals print on
  '16K': { width: mm(184), height: mm(260) },
};

/** Width of one body character (12 pt) in twips: the text column is sized in these. */
export const BODY_CHAR = 240;

/**
 * The side margin that makes the text column a whole number of body characters plus half of one. A column that
 * is an exact multiple, give or take rounding, lets one application fit the last character of a line and another
 * not, and every line after that breaks differently; half a character of slack keeps them in step.
 */
export function sideMargin(pageWidth: number, minimum: number, char = BODY_CHAR): number {
  const chars = Math.floor((pageWidth - 2 * minimum) / char);
  return Math.floor((pageWidth - chars * char - char / 2) / 2);
}

export function pageSetup(size: PageSizeName = 'A4'): PageSetup {
  const page = SIZES[size];
  const side = sideMargin(page.width, size === 'A4' ? mm(21) : mm(17));
  return {
    ...page,
    margin: { top: mm(25), bottom: mm(22), left: side, right: side, header: mm(12), footer: mm(12) },
  };
}

/** Width of the text column in twips. */
export function textWidth(setup: PageSetup): number {
  return setup.width - setup.margin.left - setup.margin.right;
}

/** Twips → pixels at 96 dpi, the unit docx's image sizes are given in. */
export function twipsToPixels(twips: number): number {
  return Math.floor((twips / 1440) * 96);
}
