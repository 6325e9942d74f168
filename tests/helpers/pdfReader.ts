// Reads a PDF back for tests: text lines per page, link annotations with their target pages,
// named destinations and the outline — through pdf.js, the reader Firefox uses.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfLine {
  text: string;
  y: number;
  x: number;
  /** x of the line's right edge */
  right: number;
}

export interface PdfLink {
  /** 1-based page the link points to (internal links), or null */
  targetPage: number | null;
  dest: string | null;
  url: string | null;
  rect: number[];
}

export interface PdfPage {
  number: number;
  lines: PdfLine[];
  /** all text on the page without whitespace, for searching titles that wrap */
  flat: string;
  links: PdfLink[];
}

export interface ReadPdf {
  pages: PdfPage[];
  /** named destination → 1-based page */
  destinations: Record<string, number>;
  outline: Array<{ title: string; page: number | null; children: Array<{ title: string; page: number | null }> }>;
  info: Record<string, unknown>;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  const destinations: Record<string, number> = {};
  const rawDests = (await pdf.getDestinations()) as Record<string, unknown[]>;
  const pageOfRef = async (ref: unknown): Promise<number | null> => {
    if (ref && typeof ref === 'object') return (await pdf.getPageIndex(ref as { num: number; gen: number })) + 1;
    if (typeof ref === 'number') return ref + 1;
    return null;
  };
  for (const [name, dest] of Object.entries(rawDests)) {
    const page = await pageOfRef(dest?.[0]);
    if (page !== null) destinations[name] = page;
  }
  const resolveDest = async (dest: unknown): Promise<number | null> => {
    if (typeof dest === 'string') return destinations[dest] ?? null;
    if (Array.isArray(dest)) return pageOfRef(dest[0]);
    return null;
  };

  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items = (content.items as TextItemLike[]).filter((i) => typeof i.str === 'string' && i.str.length > 0);
    const rows: Array<{ y: number; items: TextItemLike[] }> = [];
    for (const item of items) {
      const y = item.transform[5];
      // Superscripts sit a little higher: group within a third of a line.
      const row = rows.find((r) => Math.abs(r.y - y) < 4);
      if (row) row.items.push(item);
      else rows.push({ y, items: [item] });
    }
    rows.sort((a, b) => b.y - a.y);
    const lines: PdfLine[] = rows.map((r) => {
      r.items.sort((a, b) => a.transform[4] - b.transform[4]);
      const last = r.items[r.items.length - 1];
      return {
        text: r.items.map((i) => i.str).join(''),
        y: r.y,
        x: r.items[0].transform[4],
        right: last.transform[4] + last.width,
      };
    });
    const links: PdfLink[] = [];
    for (const a of (await page.getAnnotations()) as Array<Record<string, unknown>>) {
      if (a.subtype !== 'Link') continue;
      links.push({
        dest: typeof a.dest === 'string' ? a.dest : null,
        targetPage: a.dest !== undefined ? await resolveDest(a.dest) : null,
        url: typeof a.url === 'string' ? a.url : null,
        rect: a.rect as number[],
      });
    }
    pages.push({ number: n, lines, flat: lines.map((l) => l.text).join('').replace(/\s+/g, ''), links });
  }

  const outline: ReadPdf['outline'] = [];
  for (const item of (await pdf.getOutline()) ?? []) {
    const children = [];
    for (const c of item.items ?? []) children.push({ title: c.title, page: await resolveDest(c.dest) });
    outline.push({ title: item.title, page: await resolveDest(item.dest), children });
  }
  const meta = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, destinations, outline, info: (meta.info ?? {}) as Record<string, unknown> };
}

export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}
