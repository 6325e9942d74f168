// Draws one page of the page model with pdfkit. Every position is absolute (no pdfkit wrapping,
// zero page margins), so pdfkit never adds a page on its own.
import type PDFDocument from 'pdfkit';
import type { Page, PageItem, TextItem } from '../../../shared/layout/types';
import type { OpenedImage } from './images';
import type { StructureWriter } from './structure';
import { showPieces } from './textShow';

type Doc = InstanceType<typeof PDFDocument>;

export interface DrawContext {
  /** pdfkit font name registered for each FontKey */
  fontName: (key: TextItem['font']) => string;
  /** an image source pdfkit can open, or null when it cannot be drawn */
  image: (src: string) => OpenedImage | null;
}

function drawText(doc: Doc, item: TextItem, ctx: DrawContext): void {
  doc.font(ctx.fontName(item.font)).fontSize(item.size).fillColor(item.color ?? '#000000');
  showPieces(doc, item);
}

function drawItem(doc: Doc, item: PageItem, ctx: DrawContext): void {
  switch (item.kind) {
    case 'text':
      drawText(doc, item, ctx);
      return;
    case 'rule':
      doc.save();
      doc.moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width).strokeColor(item.color ?? '#000000');
      if (item.dash) {
        doc.lineCap(item.dash[0] === 0 ? 'round' : 'butt').dash(Math.max(item.dash[0], 0.01), { space: item.dash[1] });
      }
      doc.stroke();
      doc.restore();
      return;
    case 'box':
      doc.save();
      doc.rect(item.x, item.y, item.w, item.h);
      if (item.dash) doc.dash(item.dash[0], { space: item.dash[1] });
      if (item.fill && item.stroke) doc.lineWidth(item.lineWidth ?? 0.5).fillAndStroke(item.fill, item.stroke);
      else if (item.fill) doc.fill(item.fill);
      else doc.lineWidth(item.lineWidth ?? 0.5).stroke(item.stroke ?? '#000000');
      doc.restore();
      return;
    case 'image': {
      const src = ctx.image(item.src);
      if (src) doc.image(src as never, item.x, item.y, { width: item.w, height: item.h });
      else {
        doc.save().rect(item.x, item.y, item.w, item.h).lineWidth(0.5).dash(3, { space: 2 }).stroke('#9aa8b6').restore();
      }
      return;
    }
    case 'link':
      if (item.dest) doc.goTo(item.x, item.y, item.w, item.h, item.dest);
      else if (item.url) doc.link(item.x, item.y, item.w, item.h, item.url);
      return;
    case 'dest':
      doc.addNamedDestination(item.name, 'XYZ', null, item.y, null);
      return;
  }
}

export function drawPage(doc: Doc, page: Page, ctx: DrawContext, structure?: StructureWriter): void {
  for (const item of page.items) {
    structure?.before(item);
    drawItem(doc, item, ctx);
  }
  structure?.endPage();
}
