// pdfkit turns every operator it adds to a page (each color, each marked-content tag, each of our
// text objects) into its own byte chunk, so a 70-page issue makes tens of thousands of small buffers.
// Here a page's operators are kept as strings and written as one chunk when the page changes or
// ends: the same bytes (pdfkit ends each chunk with a newline, join does too), far fewer buffers.
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

interface PageInternals {
  write(chunk: string): void;
}

interface BufferingDoc {
  page: PageInternals | null;
  addContent(data: string): unknown;
  flushPages(): unknown;
}

/** Makes `pdf` buffer each page's operators; call before the first page. */
export function bufferPageContent(pdf: Doc): void {
  const d = pdf as unknown as BufferingDoc;
  const flushPages = d.flushPages;
  let page: PageInternals | null = null;
  let pending: string[] = [];
  const flush = (): void => {
    if (page && pending.length > 0) page.write(pending.join('\n'));
    pending = [];
  };
  d.addContent = function (this: BufferingDoc, data: string) {
    if (this.page !== page) {
      flush();
      page = this.page;
    }
    pending.push(data);
    return this;
  };
  // pdfkit ends pages (and finalizes their content) in flushPages: from addPage and from end
  d.flushPages = function (this: BufferingDoc) {
    flush();
    return flushPages.call(this);
  };
}
