// Plain data shared by the layout engine and whoever draws its output.
// Font metrics come in through FontMetrics so the engine stays pure (no fontkit, no files).

/** Logical faces the layout asks for; the font module maps them to real files (`extra`: any other face found, for characters Noto lacks). */
export type FontKey = 'serif' | 'serifBold' | 'sans' | 'sansBold' | 'extra';

export interface FontMetrics {
  /** Advance width of `text` set in `font`, in 1/1000 em (font's own shaping, as the PDF writer will draw it). */
  advance(text: string, font: FontKey): number;
  /** Whether the face has a real glyph (not .notdef) for the code point. */
  hasGlyph(font: FontKey, codePoint: number): boolean;
  /** Ascent and descent (positive, 1/1000 em) used for line boxes. */
  ascent(font: FontKey): number;
  descent(font: FontKey): number;
  /** Faces to try, in order, when the wanted face lacks a glyph. */
  fallbacks(font: FontKey): FontKey[];
}

export interface TextStyle {
  font: FontKey;
  /** points */
  size: number;
  color?: string;
}

// ---------------------------------------------------------------- page model

/** Structure roles of tagged PDF (ISO 32000 §14.8.4) the issue uses. */
export type StructRole = 'Sect' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Table' | 'TR' | 'TD' | 'TH' | 'Figure' | 'Caption' | 'BlockQuote' | 'TOC' | 'TOCI';

/** One structure element; ids are unique within an issue, equal ids are the same element. */
export interface StructTag {
  role: StructRole;
  id: string;
  /** alternate text (figures) */
  alt?: string;
}

/** Where a drawn item sits in the structure tree, outermost first; untagged items are artifacts. */
export interface Tagged {
  tags?: StructTag[];
}

export interface TextItem extends Tagged {
  kind: 'text';
  x: number;
  /** baseline, from the page top */
  y: number;
  text: string;
  font: FontKey;
  size: number;
  /** extra space after every character (letter-spacing of display lines), points */
  charSpacing: number;
  /**
   * Where each piece of `text` goes, from `x` (set lines: one piece per atom). The writer shows
   * them in one text object with explicit offsets, so compressed marks and justification come
   * out exactly and text extraction still reads one line.
   */
  pieces?: Array<{ text: string; dx: number }>;
  color?: string;
  underline?: boolean;
  /** slanted upright glyphs (the CJK faces have no italic) */
  italic?: boolean;
}

export interface RuleItem {
  kind: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color?: string;
  /** dash pattern [on, off]; a round-capped [0, gap] draws a dotted leader */
  dash?: [number, number];
}

export interface BoxItem {
  kind: 'box';
  x: number;
  y: number;
  w: number;
  h: number;
  stroke?: string;
  fill?: string;
  lineWidth?: number;
  dash?: [number, number];
}

export interface ImageItem extends Tagged {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  src: string;
}

export interface LinkItem {
  kind: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  /** internal named destination, or an external URL */
  dest?: string;
  url?: string;
}

export interface DestItem {
  kind: 'dest';
  name: string;
  y: number;
}

export type PageItem = TextItem | RuleItem | BoxItem | ImageItem | LinkItem | DestItem;

export type PageRole = 'cover' | 'viewpoint' | 'toc' | 'article' | 'back';

export interface Page {
  role: PageRole;
  /** 1-based physical page number */
  number: number;
  items: PageItem[];
  /** running header text (article pages) */
  header?: string;
  /** whether a page number is printed in the footer */
  footer: boolean;
}

export interface OutlineEntry {
  title: string;
  dest: string;
  children: OutlineEntry[];
}

export interface PageGeometry {
  width: number;
  height: number;
  top: number;
  bottom: number;
  /** inner margin (binding side) and outer margin; mirrored on even pages when `mirror` */
  inner: number;
  outer: number;
  mirror: boolean;
}
