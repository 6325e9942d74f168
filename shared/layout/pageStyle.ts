// Page sizes, margins and the type scale. Text blocks are a whole number of body ems wide, so a
// line of Han characters fills the measure exactly and justification only has to absorb marks,
// Latin words and spacing.
import type { FontKey, PageGeometry } from './types';

export type PageSizeName = 'A4' | '16K';

const MM = 72 / 25.4;

export interface PageStyle {
  geometry: PageGeometry;
  /**
   * Faces by role. Body text (paragraphs, lists, quotes, table cells, 提要, TOC entries) is set in
   * the face chosen in 设置; small text (sources, captions, running heads, page numbers) follows it,
   * so an issue never loads a third 14 MB CJK face for small print (issue #10).
   */
  faces: { small: FontKey; body: FontKey; bodyBold: FontKey };
  /** text block width, points (a multiple of body.size) */
  measure: number;
  body: { size: number; leading: number };
  small: { size: number; leading: number };
  caption: { size: number; leading: number };
  heading: Array<{ size: number; leading: number; spaceBefore: number }>;
  title: { size: number; leading: number };
  columnHeader: { size: number; leading: number };
  /** space between paragraphs, points */
  paragraphGap: number;
  accent: string;
  muted: string;
  text: string;
}

/** 正文字体 in 设置: 宋体-like Noto Serif SC or 黑体-like Noto Sans SC. */
export type BodyFont = 'serif' | 'sans';

export interface PageOptions {
  size?: PageSizeName;
  /** face of body text; titles and headings stay in the sans bold (the third heading level is the body face in bold) */
  bodyFont?: BodyFont;
  /** margins in mm; inner/outer swap on even pages when mirrored */
  margins?: { top?: number; bottom?: number; inner?: number; outer?: number };
  mirror?: boolean;
}

export function pageStyle(options: PageOptions = {}): PageStyle {
  const a4 = (options.size ?? 'A4') === 'A4';
  const width = a4 ? 210 * MM : 185 * MM;
  const height = a4 ? 297 * MM : 260 * MM;
  const bodySize = a4 ? 11 : 10.5;
  const m = options.margins ?? {};
  const inner0 = (m.inner ?? (a4 ? 24 : 20)) * MM;
  const outer0 = (m.outer ?? (a4 ? 24 : 20)) * MM;
  const measure = Math.floor((width - inner0 - outer0) / bodySize) * bodySize;
  // give the rounding slack back to both margins evenly
  const slack = width - inner0 - outer0 - measure;
  const geometry: PageGeometry = {
    width,
    height,
    top: (m.top ?? (a4 ? 26 : 22)) * MM,
    bottom: (m.bottom ?? (a4 ? 24 : 20)) * MM,
    inner: inner0 + slack / 2,
    outer: outer0 + slack / 2,
    mirror: options.mirror ?? false,
  };
  return {
    geometry,
    faces: bodyFaces(options.bodyFont ?? 'serif'),
    measure,
    body: { size: bodySize, leading: bodySize * 1.8 },
    small: { size: bodySize * 0.82, leading: bodySize * 0.82 * 1.6 },
    caption: { size: bodySize * 0.86, leading: bodySize * 0.86 * 1.6 },
    heading: [
      { size: bodySize * 1.2, leading: bodySize * 1.2 * 1.6, spaceBefore: bodySize * 1.0 },
      { size: bodySize * 1.08, leading: bodySize * 1.08 * 1.7, spaceBefore: bodySize * 0.6 },
      { size: bodySize, leading: bodySize * 1.8, spaceBefore: bodySize * 0.4 },
    ],
    title: { size: bodySize * 1.64, leading: bodySize * 1.64 * 1.45 },
    columnHeader: { size: bodySize * 1.27, leading: bodySize * 1.27 * 1.8 },
    paragraphGap: bodySize * 0.3,
    accent: '#1f4e79',
    muted: '#555555',
    text: '#1a1a1a',
  };
}

function bodyFaces(bodyFont: BodyFont): PageStyle['faces'] {
  return bodyFont === 'sans' ? { small: 'sans', body: 'sans', bodyBold: 'sansBold' } : { small: 'serif', body: 'serif', bodyBold: 'serifBold' };
}

/** Left edge of the text block on a page (1-based number): inner margin on the binding side. */
export function textLeft(geometry: PageGeometry, pageNumber: number): number {
  if (!geometry.mirror || pageNumber % 2 === 1) return geometry.inner;
  return geometry.outer;
}
