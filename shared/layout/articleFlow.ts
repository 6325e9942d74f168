// One article as a flow: column header (where a column starts), title (named destination,
// page recorded), 来源 and 作者 lines, the body, and a 返回目录 link back to 本期视点.
import { ANCHORS, LABELS, type DocumentArticle } from '../document/issueDocument';
import { blockSlices } from './blockFlow';
import type { StyledRun } from './atoms';
import type { FlowContext } from './flowContext';
import type { Slice } from './paginate';
import { textSlices } from './textSlices';
import type { PageItem } from './types';

/** Centered `· 栏目 ·` with a hairline either side. */
export function columnHeaderSlice(name: string, ctx: FlowContext, spaceBefore = 0): Slice {
  const { style, ts } = ctx;
  const tags = [ctx.tag('H1')];
  const h = style.columnHeader;
  const text = LABELS.columnHeader(name);
  const tracking = h.size * 0.15;
  const w = ts.width(text, 'sansBold', h.size) + tracking * ([...text].length - 1);
  const baseline = (h.leading - h.size) / 2 + h.size * 0.88;
  return {
    height: h.leading,
    spaceBefore,
    keepWithNext: true,
    isHeading: true,
    render: (x, y): PageItem[] => {
      const cx = x + style.measure / 2;
      const ry = y + h.leading / 2;
      const gap = h.size * 0.8;
      return [
        { kind: 'rule', x1: x, y1: ry, x2: cx - w / 2 - gap, y2: ry, width: 0.8, color: style.accent },
        { kind: 'rule', x1: cx + w / 2 + gap, y1: ry, x2: x + style.measure, y2: ry, width: 0.8, color: style.accent },
        { kind: 'text', x: cx - w / 2, y: y + baseline, text, font: 'sansBold', size: h.size, charSpacing: tracking, color: style.accent, tags },
      ];
    },
  };
}

/**
 * The narrowest measure that sets a centred title in as few lines as the full one: lines of
 * even length instead of a long line over a short one.
 */
export function balancedWidth(ctx: FlowContext, runs: StyledRun[], width: number): number {
  const count = (w: number): number => ctx.ts.set(runs, { width: w, align: 'center' }).length;
  const n = count(width);
  if (n <= 1) return width;
  let lo = width / n;
  let hi = width;
  for (let k = 0; k < 10 && hi - lo > 1; k++) {
    const mid = (lo + hi) / 2;
    if (count(mid) === n) hi = mid;
    else lo = mid;
  }
  return Math.min(width, Math.ceil(hi));
}

export function articleSlices(article: DocumentArticle, ctx: FlowContext): Slice[] {
  const { style, ts } = ctx;
  const out: Slice[] = [];
  if (article.firstInColumn) out.push(columnHeaderSlice(article.column, ctx));
  const titleRuns = [{ text: article.title, font: 'sansBold' as const, size: style.title.size, color: style.text }];
  const titleWidth = balancedWidth(ctx, titleRuns, style.measure - 2 * style.body.size);
  const titleLines = ts.set(titleRuns, { width: titleWidth, align: 'center' }, ctx.onMissing);
  const title = textSlices(titleLines, {
    slot: style.title,
    spaceBefore: article.firstInColumn ? style.body.size * 1.2 : 0,
    dx: (style.measure - titleWidth) / 2,
    heading: true,
    mark: article.id,
    tags: [ctx.tag('H2')],
    firstLineExtras: (_x, y): PageItem[] => [{ kind: 'dest', name: article.anchor, y: y - style.body.size }],
  });
  out.push(...title);
  const meta: string[] = [];
  if (article.source) meta.push(LABELS.sourceLine(article.source));
  if (article.author) meta.push(LABELS.authorLine(article.author));
  meta.forEach((text, k) => {
    const lines = ts.set([{ text, font: style.faces.small, size: style.small.size, color: style.muted }], { width: style.measure, align: 'center' }, ctx.onMissing);
    out.push(...textSlices(lines, { slot: style.small, spaceBefore: k === 0 ? style.body.size * 0.5 : 0, heading: true, tags: [ctx.tag('P')] }));
  });
  // a hairline under the article head
  out.push({
    height: style.body.size * 1.2,
    spaceBefore: 0,
    keepWithNext: true,
    isHeading: true,
    render: (x, y): PageItem[] => [
      { kind: 'rule', x1: x + style.measure * 0.3, y1: y + style.body.size * 0.5, x2: x + style.measure * 0.7, y2: y + style.body.size * 0.5, width: 0.5, color: '#9aa8b6' },
    ],
  });
  out.push(...blockSlices(article.blocks, ctx));
  const back = ts.set(
    [{ text: `${LABELS.backToContents} ↑`, font: style.faces.small, size: style.small.size, color: style.accent, link: `#${ANCHORS.viewpoint}` }],
    { width: style.measure, align: 'right' },
    ctx.onMissing,
  );
  out.push(...textSlices(back, { slot: style.small, spaceBefore: style.body.size, tags: [ctx.tag('P')] }));
  return out;
}
