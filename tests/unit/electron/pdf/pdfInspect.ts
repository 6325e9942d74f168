// Test helper: a PDF's navigation read back with `qpdf --json=2`: named destinations → page,
// link annotations per page, and the outline. Independent of how the writer produced them.
import { execFileSync } from 'node:child_process';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface PdfLink {
  page: number;
  dest?: string;
  url?: string;
  rect: [number, number, number, number];
}

export interface PdfOutlineItem {
  title: string;
  page: number;
  fit: boolean;
  kids: PdfOutlineItem[];
}

export interface PdfNavigation {
  pageCount: number;
  /** destination name → 1-based page */
  dests: Map<string, number>;
  links: PdfLink[];
  outline: PdfOutlineItem[];
  catalog: Record<string, Json>;
}

interface QpdfOutline {
  title: string;
  dest: Json[];
  destpageposfrom1: number;
  kids: QpdfOutline[];
}

export function inspectPdf(file: string): PdfNavigation {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', file], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })) as {
    pages: Array<{ object: string; pageposfrom1: number }>;
    outlines: QpdfOutline[];
    qpdf: [unknown, Record<string, { value?: Json }>];
  };
  const objects = json.qpdf[1];
  const deref = (v: Json): Json => (typeof v === 'string' && / \d+ R$/.test(v) ? (objects[`obj:${v}`]?.value ?? null) : v);
  const str = (v: Json): string => (typeof v === 'string' ? v.replace(/^[ub]:/, '') : '');
  const pageOf = new Map(json.pages.map((p) => [p.object, p.pageposfrom1]));

  const catalog = Object.values(objects).find((o) => (o.value as Record<string, Json> | undefined)?.['/Type'] === '/Catalog')?.value as Record<string, Json>;
  const dests = new Map<string, number>();
  const walkNames = (node: Json): void => {
    const n = deref(node) as Record<string, Json> | null;
    if (!n) return;
    const names = deref(n['/Names'] ?? null) as Json[] | null;
    if (names) {
      for (let i = 0; i + 1 < names.length; i += 2) {
        const d = deref(names[i + 1]);
        const arr = (Array.isArray(d) ? d : (deref((d as Record<string, Json>)['/D']) as Json[])) ?? [];
        dests.set(str(names[i]), pageOf.get(String(arr[0])) ?? -1);
      }
    }
    for (const kid of (deref(n['/Kids'] ?? null) as Json[] | null) ?? []) walkNames(kid);
  };
  const namesDict = deref(catalog['/Names'] ?? null) as Record<string, Json> | null;
  if (namesDict) walkNames(namesDict['/Dests'] ?? null);

  const links: PdfLink[] = [];
  for (const p of json.pages) {
    const page = objects[`obj:${p.object}`].value as Record<string, Json>;
    for (const ref of (deref(page['/Annots'] ?? null) as Json[] | null) ?? []) {
      const a = deref(ref) as Record<string, Json>;
      if (a['/Subtype'] !== '/Link') continue;
      const action = deref(a['/A'] ?? null) as Record<string, Json> | null;
      const link: PdfLink = { page: p.pageposfrom1, rect: a['/Rect'] as [number, number, number, number] };
      if (action?.['/S'] === '/GoTo') link.dest = str(deref(action['/D']));
      else if (action?.['/S'] === '/URI') link.url = str(deref(action['/URI']));
      else if (a['/Dest']) link.dest = str(deref(a['/Dest']));
      links.push(link);
    }
  }
  const outline = (items: QpdfOutline[]): PdfOutlineItem[] =>
    items.map((o) => ({ title: o.title, page: o.destpageposfrom1, fit: o.dest?.[1] === '/Fit', kids: outline(o.kids ?? []) }));
  return { pageCount: json.pages.length, dests, links, outline: outline(json.outlines), catalog };
}
