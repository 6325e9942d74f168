// Render blocks: the one shape every exporter (PDF layout, DOCX, previews) reads.
// Produced from the stored Lexical JSON by ./walker.ts.

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  superscript?: boolean;
  subscript?: boolean;
  /** external URL, or `#dest` for an internal destination */
  link?: string;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1 = 一、 level sub-heading inside an article, 2 = （一） level, 3 = 1. level */
  level: 1 | 2 | 3;
  runs: Run[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  runs: Run[];
  align?: 'left' | 'center' | 'right' | 'justify';
}

export interface ListItem {
  runs: Run[];
  /** nested list, if any */
  children?: ListBlock;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  start?: number;
  items: ListItem[];
}

export interface QuoteBlock {
  kind: 'quote';
  runs: Run[];
}

export interface TableCell {
  /** each entry is one paragraph of the cell */
  paragraphs: Run[][];
  header?: boolean;
  colSpan?: number;
  rowSpan?: number;
}

export interface TableBlock {
  kind: 'table';
  rows: TableCell[][];
}

export interface FigureBlock {
  kind: 'figure';
  /** '' when the clipping lost its image (the fixtures did): only the caption is set */
  src: string;
  altText: string;
  caption: string;
  width?: number;
  height?: number;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | QuoteBlock | TableBlock | FigureBlock;

export function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}
