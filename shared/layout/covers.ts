// Cover (series, title, subtitle, 期号, dates, tags) and back cover (QR frames, publisher text).
import type { IssueMeta } from '../model/issue';
import type { PageStyle } from './pageStyle';
import type { Typesetter } from './typesetter';
import type { FontKey, PageItem } from './types';

let coverTag = 0;

function centered(ts: Typesetter, text: string, font: FontKey, size: number, cx: number, y: number, color: string, trackingEm = 0): PageItem {
  const tracking = size * trackingEm;
  const n = [...text].length;
  const w = ts.width(text, font, size) + tracking * Math.max(0, n - 1);
  return { kind: 'text', x: cx - w / 2, y, text, font, size, charSpacing: tracking, color, tags: [{ role: 'P', id: `cover:${coverTag++}` }] };
}

export function coverItems(meta: IssueMeta, style: PageStyle, ts: Typesetter): PageItem[] {
  const { width: W, height: H } = style.geometry;
  const cx = W / 2;
  const accent = style.accent;
  const items: PageItem[] = [
    // a band at the top and a thin frame line, like the printed series
    { kind: 'box', x: 0, y: 0, w: W, h: H * 0.06, fill: accent },
    { kind: 'rule', x1: W * 0.12, y1: H * 0.06 + 6, x2: W * 0.88, y2: H * 0.06 + 6, width: 0.6, color: accent },
  ];
  if (meta.series) items.push(centered(ts, meta.series, 'sans', 16, cx, H * 0.2, style.muted, 0.3));
  items.push(centered(ts, meta.title, 'sansBold', 64, cx, H * 0.3, accent, 0.12));
  if (meta.subtitle) items.push(centered(ts, meta.subtitle, 'serif', 18, cx, H * 0.345, style.muted, 0.08));
  items.push({ kind: 'rule', x1: W * 0.25, y1: H * 0.39, x2: W * 0.75, y2: H * 0.39, width: 1.5, color: accent });
  if (meta.issueNumber) items.push(centered(ts, meta.issueNumber, 'sansBold', 24, cx, H * 0.47, style.text, 0.05));
  if (meta.dateRange) items.push(centered(ts, `(${meta.dateRange})`, 'sans', 15, cx, H * 0.51, style.muted, 0.02));
  if (meta.tags.length > 0) {
    const size = 16;
    const padX = 14;
    const gap = 18;
    const widths = meta.tags.map((t) => ts.width(t, 'sans', size) + size * 0.2 * ([...t].length - 1) + 2 * padX);
    const total = widths.reduce((a, b) => a + b, 0) + gap * (meta.tags.length - 1);
    let x = cx - total / 2;
    const y = H * 0.8;
    meta.tags.forEach((tag, k) => {
      items.push({ kind: 'box', x, y: y - size * 1.35, w: widths[k], h: size * 2, stroke: accent, lineWidth: 1 });
      items.push({ kind: 'text', x: x + padX, y: y, text: tag, font: 'sans', size, charSpacing: size * 0.2, color: accent, tags: [{ role: 'P', id: `cover:${coverTag++}` }] });
      x += widths[k] + gap;
    });
  }
  items.push({ kind: 'box', x: 0, y: H * 0.94, w: W, h: H * 0.06, fill: accent });
  return items;
}

/** Back cover: a QR frame for each `扫一扫` block (placeholder where no image is given), then the lines. */
export function backCoverItems(meta: IssueMeta, style: PageStyle, ts: Typesetter): PageItem[] {
  const { width: W, height: H } = style.geometry;
  const cx = W / 2;
  const items: PageItem[] = [];
  const lines = meta.backCover
    .split(/\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const size = 11;
  const leading = 20;
  let y = H * 0.62;
  if (lines.some((l) => l.includes('扫一扫'))) {
    const q = 96;
    items.push({ kind: 'box', x: cx - q / 2, y: y - q - 30, w: q, h: q, stroke: '#9aa8b6', lineWidth: 0.8, dash: [3, 2] });
  }
  for (const line of lines) {
    items.push(centered(ts, line, 'sans', size, cx, y, style.text));
    y += leading;
  }
  items.push({ kind: 'box', x: 0, y: H * 0.94, w: W, h: H * 0.06, fill: style.accent });
  return items;
}
