// 本期视点 and the table of contents, set for a given PageMap. Both are laid out again on every
// round of page-number settling; the typesetter's cache makes every round after the first cheap.
import { ANCHORS, LABELS, type IssueDocument, type PageMap, type ViewpointEntry } from '../document/issueDocument';
import { columnHeaderSlice } from './articleFlow';
import type { FlowContext } from './flowContext';
import type { Line } from './lineBreaker';
import type { Slice } from './paginate';
import { baselineIn, textSlices } from './textSlices';
import type { PageItem } from './types';

/** Page number text while a number is not known yet (first round): as wide as a real one. */
function pageLabel(pageMap: PageMap, articleId: string): string {
  const n = pageMap[articleId];
  return n === undefined ? '00' : String(n);
}

function headingSlice(text: string, dest: string, ctx: FlowContext): Slice[] {
  const { style, ts } = ctx;
  const size = style.title.size;
  const lines = ts.set([{ text, font: 'sansBold', size, color: style.accent }], { width: style.measure, align: 'center' }, ctx.onMissing);
  return textSlices(lines, {
    slot: { size, leading: size * 2.2 },
    heading: true,
    mark: dest,
    tags: [ctx.tag('H1')],
    firstLineExtras: (_x, y): PageItem[] => [{ kind: 'dest', name: dest, y }],
  });
}

/** An entry's head line: ▶ title (来源) ——第 N 页, both the title and the number linking to the article. */
function entryHead(entry: ViewpointEntry, page: string, ctx: FlowContext): Line[] {
  const { style, ts } = ctx;
  const size = style.body.size;
  const link = `#${entry.anchor}`;
  return ts.set(
    [
      { text: '▶ ', font: style.faces.small, size, color: style.accent },
      { text: entry.title, font: 'sansBold', size, color: style.text, link },
      { text: LABELS.viewpointSource(entry.source), font: style.faces.small, size: size * 0.9, color: style.muted },
      { text: LABELS.pageRef(page), font: style.faces.small, size: size * 0.9, color: style.accent, link, noBreak: true },
    ],
    { width: style.measure, align: 'justify', restIndent: size * 1.2 },
    ctx.onMissing,
  );
}

/** An entry's 【提要】 paragraph. */
function entrySummary(entry: ViewpointEntry, ctx: FlowContext): Line[] {
  const { style, ts } = ctx;
  return ts.set(
    [
      { text: LABELS.summaryMark, font: 'sansBold', size: style.caption.size, color: style.accent },
      { text: entry.summary, font: style.faces.body, size: style.caption.size, color: style.text },
    ],
    { width: style.measure - style.body.size * 1.2, align: 'justify', avoidLoneLastLine: true, fullWidthPunctuation: true },
    ctx.onMissing,
  );
}

/** An entry's title in the TOC, left of its page number. */
function tocTitle(entry: ViewpointEntry, ctx: FlowContext): Line[] {
  const { style, ts } = ctx;
  const size = style.body.size;
  return ts.set(
    [{ text: entry.title, font: style.faces.body, size, color: style.text, link: `#${entry.anchor}` }],
    { width: style.measure - size * 3, firstIndent: size * 2, restIndent: size * 2, align: 'left' },
    ctx.onMissing,
  );
}

/**
 * Sets an entry's lines ahead of its issue (a build does it as each article is imported): the first
 * round of page-number settling then finds its 提要, its head with the first round's page label and
 * its TOC title in the typesetter's cache.
 */
export function prepareViewpointEntry(entry: ViewpointEntry, ctx: FlowContext): void {
  entryHead(entry, pageLabel({}, entry.articleId), ctx);
  if (entry.summary) entrySummary(entry, ctx);
  tocTitle(entry, ctx);
}

export function viewpointSlices(doc: IssueDocument, pageMap: PageMap, ctx: FlowContext): Slice[] {
  const { style, ts } = ctx;
  const size = style.body.size;
  const out: Slice[] = headingSlice(LABELS.viewpointHeading, ANCHORS.viewpoint, ctx);
  const note = ts.set([{ text: doc.readingNote, font: style.faces.small, size: style.small.size, color: style.muted }], { width: style.measure, align: 'justify' }, ctx.onMissing);
  out.push(...textSlices(note, { slot: style.small, spaceBefore: size * 0.4, tags: [ctx.tag('P')] }));
  doc.viewpoint.forEach((column) => {
    out.push(columnHeaderSlice(column.column, ctx, size * 1.4));
    column.entries.forEach((entry, k) => {
      const head = entryHead(entry, pageLabel(pageMap, entry.articleId), ctx);
      out.push(...textSlices(head, { slot: style.body, spaceBefore: k === 0 ? size * 0.4 : size * 0.9, keepWithNext: true, tags: [ctx.tag('P')] }));
      if (entry.summary) {
        const summary = entrySummary(entry, ctx);
        out.push(
          ...textSlices(summary, { slot: { size: style.caption.size, leading: style.caption.size * 1.75 }, dx: size * 1.2, spaceBefore: size * 0.15, tags: [ctx.tag('P')] }),
        );
      }
    });
  });
  return out;
}

export function tocSlices(doc: IssueDocument, pageMap: PageMap, ctx: FlowContext): Slice[] {
  const { style, ts } = ctx;
  const size = style.body.size;
  const out: Slice[] = headingSlice(LABELS.tocHeading, ANCHORS.toc, ctx);
  out[0].pageBreakBefore = true;
  const slot = { size, leading: size * 1.9 };
  const base = baselineIn(slot);
  const tocTag = ctx.tag('TOC');
  doc.viewpoint.forEach((column) => {
    const name = ts.set([{ text: column.column, font: 'sansBold', size, color: style.accent }], { width: style.measure, align: 'left' }, ctx.onMissing);
    out.push(...textSlices(name, { slot, spaceBefore: size * 0.8, heading: true, tags: [tocTag, ctx.tag('TOCI')] }));
    for (const entry of column.entries) {
      const page = pageLabel(pageMap, entry.articleId);
      const pageW = ts.width(page, style.faces.small, size);
      const lines = tocTitle(entry, ctx);
      const tags = [tocTag, ctx.tag('TOCI')];
      const slices = textSlices(lines, { slot, tags });
      const last = slices[slices.length - 1];
      const lastLine = lines[lines.length - 1];
      const render = last.render;
      last.render = (x, y): PageItem[] => {
        const items = render(x, y);
        const from = x + lastLine.indent + lastLine.width + size * 0.5;
        const to = x + style.measure - pageW - size * 0.5;
        const by = y + base;
        if (to > from) items.push({ kind: 'rule', x1: from, y1: by, x2: to, y2: by, width: 0.9, color: '#8894a0', dash: [0, 3] });
        items.push({ kind: 'text', x: x + style.measure - pageW, y: by, text: page, font: style.faces.small, size, charSpacing: 0, color: style.text, tags });
        items.push({ kind: 'link', x: x + style.measure - pageW, y: by - size, w: pageW, h: size * 1.3, dest: entry.anchor });
        return items;
      };
      out.push(...slices);
    }
  });
  return out;
}
