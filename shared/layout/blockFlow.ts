// Article body blocks → slices: paragraphs (justified, 2em indent), headings, lists, quotes,
// tables and figures.
import type { Block, FigureBlock, ListBlock, Run } from '../content/blocks';
import { styleRuns, type FlowContext } from './flowContext';
import type { Slice } from './paginate';
import { layoutTable } from './tableFlow';
import { baselineIn, textSlices } from './textSlices';
import type { FontKey, PageItem, StructTag } from './types';

export type { FlowContext } from './flowContext';

function paragraph(runs: Run[], ctx: FlowContext, align: 'left' | 'center' | 'right' | 'justify' = 'justify'): Slice[] {
  const { style, ts } = ctx;
  const size = style.body.size;
  const indent = align === 'justify' || align === 'left' ? 2 * size : 0;
  const lines = ts.set(
    styleRuns(trimIndent(runs), { font: style.faces.body, bold: style.faces.bodyBold, size, color: style.text }),
    { width: style.measure, firstIndent: indent, align, avoidLoneLastLine: true, fullWidthPunctuation: true },
    ctx.onMissing,
  );
  return textSlices(lines, { slot: style.body, spaceBefore: style.paragraphGap, tags: [ctx.tag('P')] });
}

/** Clippings often start paragraphs with typed ideographic spaces; the layout indents itself. */
function trimIndent(runs: Run[]): Run[] {
  if (runs.length === 0) return runs;
  const first = runs[0].text.replace(/^[\s\u3000]+/, '');
  if (first === runs[0].text) return runs;
  return first === '' ? trimIndent(runs.slice(1)) : [{ ...runs[0], text: first }, ...runs.slice(1)];
}

function heading(runs: Run[], level: 1 | 2 | 3, ctx: FlowContext): Slice[] {
  const { style, ts } = ctx;
  const h = style.heading[level - 1];
  const font: FontKey = level === 3 ? style.faces.bodyBold : 'sansBold';
  const indent = level === 1 ? 0 : 2 * style.body.size;
  const lines = ts.set(
    styleRuns(trimIndent(runs), { font, bold: font, size: h.size, color: level === 1 ? style.accent : style.text }),
    { width: style.measure, firstIndent: indent, restIndent: indent, align: 'left', fullWidthPunctuation: true },
    ctx.onMissing,
  );
  return textSlices(lines, { slot: h, spaceBefore: h.spaceBefore, heading: true, tags: [ctx.tag(level === 1 ? 'H3' : level === 2 ? 'H4' : 'H5')] });
}

function quote(runs: Run[], ctx: FlowContext): Slice[] {
  const { style, ts } = ctx;
  const size = style.body.size;
  const inset = 2 * size;
  const lines = ts.set(
    styleRuns(runs, { font: style.faces.body, bold: style.faces.bodyBold, size, color: style.muted }),
    { width: style.measure - 2 * inset, align: 'justify', avoidLoneLastLine: true, fullWidthPunctuation: true },
    ctx.onMissing,
  );
  return textSlices(lines, {
    slot: style.body,
    spaceBefore: style.paragraphGap * 2,
    dx: inset,
    tags: [ctx.tag('BlockQuote')],
    decorate: (x, y, height): PageItem[] => [
      { kind: 'rule', x1: x + inset - size * 0.6, y1: y, x2: x + inset - size * 0.6, y2: y + height, width: 1.2, color: '#b8c4d0' },
    ],
  });
}

function list(block: ListBlock, ctx: FlowContext, depth: number, parent: StructTag[] = []): Slice[] {
  const { style, ts } = ctx;
  const listTag = [...parent, ctx.tag('L')];
  const size = style.body.size;
  const out: Slice[] = [];
  const left = 2 * size * (depth + 1);
  const markerWidth = 1.6 * size;
  block.items.forEach((item, k) => {
    const marker = block.ordered ? `${(block.start ?? 1) + k}.` : depth % 2 === 0 ? '•' : '◦';
    const lines = ts.set(
      styleRuns(item.runs, { font: style.faces.body, bold: style.faces.bodyBold, size, color: style.text }),
      { width: style.measure - left, align: 'justify', avoidLoneLastLine: true, fullWidthPunctuation: true },
      ctx.onMissing,
    );
    const base = baselineIn(style.body);
    const itemTag = [...listTag, ctx.tag('LI')];
    out.push(
      ...textSlices(lines, {
        slot: style.body,
        spaceBefore: k === 0 ? style.paragraphGap : 0,
        dx: left,
        tags: [...itemTag, ctx.tag('LBody')],
        firstLineExtras: (x, y): PageItem[] => [
          {
            kind: 'text',
            x: x + left - markerWidth + (markerWidth - 0.3 * size - ts.width(marker, style.faces.body, size)),
            y: y + base,
            text: marker,
            font: style.faces.body,
            size,
            charSpacing: 0,
            color: style.text,
            tags: [...itemTag, ctx.tag('Lbl')],
          },
        ],
      }),
    );
    if (item.children) out.push(...list(item.children, ctx, depth + 1, itemTag));
  });
  return out;
}

function figure(block: FigureBlock, ctx: FlowContext): Slice[] {
  const { style, ts } = ctx;
  const out: Slice[] = [];
  const known = block.src ? (ctx.imageSize?.(block.src) ?? (block.width && block.height ? { width: block.width, height: block.height } : null)) : null;
  if (block.src && known) {
    const maxH = (style.geometry.height - style.geometry.top - style.geometry.bottom) * 0.7;
    let w = Math.min(style.measure, known.width);
    let h = (known.height * w) / known.width;
    if (h > maxH) {
      h = maxH;
      w = (known.width * h) / known.height;
    }
    const src = block.src;
    const figureTag = [ctx.tag('Figure', block.altText || block.caption || '图片')];
    out.push({
      height: h,
      spaceBefore: style.body.size,
      keepWithNext: !!block.caption,
      render: (x, y) => [{ kind: 'image', x: x + (style.measure - w) / 2, y, w, h, src, tags: figureTag }],
    });
  }
  const caption = block.caption || (block.src ? block.altText : '');
  if (caption) {
    const lines = ts.set(
      [{ text: caption, font: style.faces.small, size: style.caption.size, color: style.muted }],
      { width: style.measure - 4 * style.body.size, align: 'center' },
      ctx.onMissing,
    );
    const slices = textSlices(lines, {
      slot: style.caption,
      spaceBefore: out.length > 0 ? style.caption.size * 0.4 : style.body.size * 0.5,
      dx: 2 * style.body.size,
      tags: [ctx.tag('Caption')],
    });
    // captions of one figure stay together
    slices.forEach((s, k) => {
      if (k < slices.length - 1) s.keepWithNext = true;
    });
    out.push(...slices);
  }
  return out;
}

export function blockSlices(blocks: Block[], ctx: FlowContext): Slice[] {
  const out: Slice[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'paragraph':
        out.push(...paragraph(b.runs, ctx, b.align));
        break;
      case 'heading':
        out.push(...heading(b.runs, b.level, ctx));
        break;
      case 'quote':
        out.push(...quote(b.runs, ctx));
        break;
      case 'list':
        out.push(...list(b, ctx, 0));
        break;
      case 'table':
        out.push(...layoutTable(b, ctx));
        break;
      case 'figure':
        out.push(...figure(b, ctx));
        break;
    }
  }
  return out;
}
