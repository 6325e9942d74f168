// Cover (series, title, subtitle, 期号, dates, tags) and back cover (QR frames with their
// captions, publisher and contact lines).
import type { IssueMeta } from '../model/issue';
import { lineItems } from './lineItems';
import type { PageStyle } from './pageStyle';
import type { Typesetter } from './typesetter';
import type { FontKey, PageItem, TextItem } from './types';

export interface CoverContext {
  style: PageStyle;
  ts: Typesetter;
  /** characters the faces lack (reported with the front matter) */
  onMissing: (chars: string) => void;
}

/**
 * One display line centred on `cx`, letter-spaced by `trackingEm`; set through the typesetter so
 * a character the face lacks falls back (and is reported) like anywhere else.
 */
function centered(c: CoverContext, text: string, font: FontKey, size: number, cx: number, y: number, color: string, trackingEm = 0, id = text): PageItem[] {
  const lines = c.ts.set([{ text, font, size, color }], { width: 1e5, align: 'left' }, c.onMissing);
  if (lines.length === 0) return [];
  const line = lines[0];
  const tracking = size * trackingEm;
  const count = line.placed.length;
  const width = line.width + tracking * Math.max(0, count - 1);
  const items = lineItems(line, cx - width / 2, y);
  let k = 0; // characters before the item: each moves it right by one tracking step
  for (const item of items) {
    if (item.kind !== 'text') continue;
    const t = item as TextItem;
    if (t.pieces) {
      const abs = t.pieces.map((p) => t.x + p.dx + tracking * k++);
      t.x = abs[0] ?? t.x;
      t.pieces = t.pieces.map((p, i) => ({ text: p.text, dx: abs[i] - t.x }));
    } else {
      t.x += tracking * k;
      t.charSpacing += tracking;
      k += [...t.text].length;
    }
    t.tags = [{ role: 'P', id: `cover:${id}` }];
  }
  return items;
}

export function coverItems(meta: IssueMeta, c: CoverContext): PageItem[] {
  const { style } = c;
  const { width: W, height: H } = style.geometry;
  const cx = W / 2;
  const accent = style.accent;
  const items: PageItem[] = [
    // a band at the top and a thin rule under it, like the printed series
    { kind: 'box', x: 0, y: 0, w: W, h: H * 0.06, fill: accent },
    { kind: 'rule', x1: W * 0.12, y1: H * 0.06 + 6, x2: W * 0.88, y2: H * 0.06 + 6, width: 0.6, color: accent },
  ];
  if (meta.series) items.push(...centered(c, meta.series, c.style.faces.small, 16, cx, H * 0.2, style.muted, 0.3));
  items.push(...centered(c, meta.title, 'sansBold', 64, cx, H * 0.3, accent, 0.12));
  if (meta.subtitle) items.push(...centered(c, meta.subtitle, c.style.faces.body, 18, cx, H * 0.345, style.muted, 0.08));
  items.push({ kind: 'rule', x1: W * 0.25, y1: H * 0.39, x2: W * 0.75, y2: H * 0.39, width: 1.5, color: accent });
  if (meta.issueNumber) items.push(...centered(c, meta.issueNumber, 'sansBold', 24, cx, H * 0.47, style.text, 0.05));
  if (meta.dateRange) items.push(...centered(c, `(${meta.dateRange})`, c.style.faces.small, 15, cx, H * 0.51, style.muted, 0.02));
  if (meta.tags.length > 0) {
    const size = 16;
    const padX = 14;
    const gap = 18;
    const tracking = 0.2;
    const widths = meta.tags.map((t) => c.ts.width(t, c.style.faces.small, size) + size * tracking * ([...t].length - 1) + 2 * padX);
    const total = widths.reduce((a, b) => a + b, 0) + gap * (meta.tags.length - 1);
    let x = cx - total / 2;
    const y = H * 0.8;
    meta.tags.forEach((tag, k) => {
      items.push({ kind: 'box', x, y: y - size * 1.35, w: widths[k], h: size * 2, stroke: accent, lineWidth: 1 });
      items.push(...centered(c, tag, c.style.faces.small, size, x + widths[k] / 2, y, accent, tracking, `tag${k}`));
      x += widths[k] + gap;
    });
  }
  items.push({ kind: 'box', x: 0, y: H * 0.94, w: W, h: H * 0.06, fill: accent });
  return items;
}

/** The back-cover text in blocks (blank lines between): QR captions (`扫一扫 …`) and the rest. */
export function backCoverBlocks(text: string): { qr: string[][]; info: string[] } {
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
    )
    .filter((b) => b.length > 0);
  return { qr: blocks.filter((b) => b[0].includes('扫一扫')), info: blocks.filter((b) => !b[0].includes('扫一扫')).flat() };
}

/** Back cover: a frame per QR code (a placeholder where no image is given) with its caption, then publisher and contacts. */
export function backCoverItems(meta: IssueMeta, c: CoverContext): PageItem[] {
  const { style } = c;
  const { width: W, height: H } = style.geometry;
  const cx = W / 2;
  const items: PageItem[] = [];
  const { qr: textQr, info } = backCoverBlocks(meta.backCover);
  // QR images from 设置 replace the text's 扫一扫 placeholders; captions may span lines.
  const images = meta.qrCodes ?? [];
  const qr = images.length > 0 ? images.map((code) => code.caption.split('\n').filter((l) => l.trim())) : textQr;
  const q = 100;
  const gap = 70;
  const rowWidth = qr.length * q + Math.max(0, qr.length - 1) * gap;
  const top = H * 0.42;
  qr.forEach((caption, k) => {
    const x = cx - rowWidth / 2 + k * (q + gap);
    const image = images[k]?.image;
    if (image) items.push({ kind: 'image', x, y: top, w: q, h: q, src: image });
    else items.push({ kind: 'box', x, y: top, w: q, h: q, stroke: '#9aa8b6', lineWidth: 0.8, dash: [3, 2] });
    caption.forEach((line, j) => items.push(...centered(c, line, c.style.faces.small, 10.5, x + q / 2, top + q + 20 + j * 16, style.text, 0, `qr${k}-${j}`)));
  });
  let y = qr.length > 0 ? top + q + 100 : H * 0.62;
  info.forEach((line, k) => {
    const publisher = k === 0 && /公司|集团|出版|编辑部/.test(line);
    items.push(...centered(c, line, publisher ? 'sansBold' : c.style.faces.small, publisher ? 13 : 10.5, cx, y, publisher ? style.text : style.muted, 0, `info${k}`));
    y += publisher ? 26 : 19;
  });
  items.push({ kind: 'box', x: 0, y: H * 0.94, w: W, h: H * 0.06, fill: style.accent });
  return items;
}
