// Round trip of both fixture issues through LibreOffice: the DOCX opens and converts headless, LibreOffice's
// recomputed 本期视点 numbers point at the pages the titles are printed on, the numbers cached in
// document.xml (what Word shows on open) agree with that layout, and every title and 返回目录 is a working link.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssueDocument, LABELS, type IssueDocument } from '../../../../shared/document/issueDocument';
import { renderIssueDocx, type DocxResult } from '../../../../electron/engine/docx/index';
import { readPdf, squash, type ReadPdf } from '../../../helpers/pdfReader';
import { loadIssueFromManifest } from '../../../../electron/engine/build/manifest';
import { docxParts, pageRefs, parseXml } from './docxXml';
import { FIXTURE_ISSUES, FIXTURES_DIR } from './fixtures';
import { convertToPdf, findSoffice } from './libreOffice';

const soffice = findSoffice();
const WHY_NOT_RUN = 'DOCX round trip through LibreOffice did not run: soffice not found (apt-get install libreoffice-writer-nogui)';

interface RoundTrip {
  issue: string;
  doc: IssueDocument;
  docx: DocxResult;
  pdf: ReadPdf;
}

/** squashed text without word joiners (the exporter glues ——第 N 页 with them) */
const flat = (s: string): string => squash(s).replace(/\u2060/g, '');
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The page each article's title is printed on: its title followed by its 来源 line, as only the article page has it. */
function titlePages(trip: RoundTrip): Map<string, number> {
  const pages = new Map<string, number>();
  for (const article of trip.doc.articles) {
    const heading = squash(article.title + LABELS.sourceLine(article.source));
    const page = trip.pdf.pages.find((p) => flat(p.flat).includes(heading));
    if (page) pages.set(article.id, page.number);
  }
  return pages;
}

/** What LibreOffice printed as `——第 N 页` after each title in 本期视点 (its own PAGEREF result). */
function viewpointNumbers(trip: RoundTrip): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const entry of trip.doc.viewpoint.flatMap((c) => c.entries)) {
    const pattern = new RegExp(`${escapeRegExp(squash(entry.title + LABELS.viewpointSource(entry.source)))}——第(\\d+)页`);
    for (const page of trip.pdf.pages) {
      const match = pattern.exec(flat(page.flat));
      if (match) {
        numbers.set(entry.articleId, Number(match[1]));
        break;
      }
    }
  }
  return numbers;
}

/** The cached result of the first PAGEREF to each article (the 本期视点 one): what Word shows on open. */
function cachedNumbers(trip: RoundTrip): Map<string, number> {
  const refs = pageRefs(parseXml(docxParts(trip.docx.docx)['word/document.xml']));
  const byAnchor = new Map<string, number>();
  for (const ref of refs) if (!byAnchor.has(ref.bookmark)) byAnchor.set(ref.bookmark, Number(ref.cached));
  return new Map(trip.doc.articles.map((a) => [a.id, byAnchor.get(a.anchor) ?? NaN]));
}

describe('DOCX round trip through LibreOffice', () => {
  const trips: RoundTrip[] = [];
  let workDir = '';

  beforeAll(async () => {
    if (!soffice) return;
    workDir = await mkdtemp(join(tmpdir(), 'weekly-docx-'));
    const files: string[] = [];
    for (const issue of FIXTURE_ISSUES) {
      // the product's path: clippings imported as an editor's build imports them
      const doc = buildIssueDocument(await loadIssueFromManifest(join(FIXTURES_DIR, issue, 'manifest.json')));
      const docx = await renderIssueDocx(doc);
      const file = join(workDir, `${issue}.docx`);
      await writeFile(file, docx.docx);
      files.push(file);
      trips.push({ issue, doc, docx, pdf: undefined as unknown as ReadPdf });
    }
    const pdfs = await convertToPdf(soffice, files, workDir);
    for (const [i, pdf] of pdfs.entries()) trips[i].pdf = await readPdf(readFileSync(pdf));
  }, 300_000);

  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('opens and converts both fixture issues', (ctx) => {
    if (!soffice) {
      if (process.env.CI === 'true') throw new Error(WHY_NOT_RUN);
      console.warn(WHY_NOT_RUN);
      ctx.skip();
    }
    for (const trip of trips) {
      expect(trip.pdf.pages.length).toBeGreaterThan(trip.doc.articles.length + 3);
      expect(trip.pdf.pages[1].flat).toContain(squash(LABELS.viewpointHeading));
    }
  });

  it('prints each 本期视点 page number as the page the title is printed on', (ctx) => {
    if (!soffice) ctx.skip();
    for (const trip of trips) {
      const titles = titlePages(trip);
      const numbers = viewpointNumbers(trip);
      expect(titles.size).toBe(trip.doc.articles.length);
      expect(numbers.size).toBe(trip.doc.articles.length);
      expect(Object.fromEntries(numbers)).toEqual(Object.fromEntries(titles));
    }
  });

  it('caches the page numbers LibreOffice lays out, so Word shows them on open', (ctx) => {
    if (!soffice) ctx.skip();
    const summary: string[] = [];
    for (const trip of trips) {
      const titles = titlePages(trip);
      const cached = cachedNumbers(trip);
      expect(Object.fromEntries(cached)).toEqual(trip.docx.estimatedPageMap);
      const matching = trip.doc.articles.filter((a) => cached.get(a.id) === titles.get(a.id)).length;
      summary.push(`${trip.issue} ${matching}/${trip.doc.articles.length}`);
    }
    console.info(`DOCX cached page numbers matching LibreOffice's layout: ${summary.join(', ')}`);
    for (const trip of trips) expect(Object.fromEntries(cachedNumbers(trip))).toEqual(Object.fromEntries(titlePages(trip)));
  });

  it('keeps a working link for every title and every 返回目录', (ctx) => {
    if (!soffice) ctx.skip();
    for (const trip of trips) {
      const titles = titlePages(trip);
      const viewpointPage = trip.pdf.pages.find((p) => p.flat.includes(squash(LABELS.viewpointHeading)))!.number;
      const tocStart = squash(LABELS.tocHeading + LABELS.columnHeader(trip.doc.viewpoint[0].column));
      const tocPage = trip.pdf.pages.find((p) => p.flat.includes(tocStart))!.number;
      const frontLinks = trip.pdf.pages.filter((p) => p.number >= viewpointPage && p.number <= tocPage).flatMap((p) => p.links);
      const starts = trip.doc.articles.map((a) => titles.get(a.id)!);
      for (const [i, article] of trip.doc.articles.entries()) {
        const page = starts[i];
        expect(frontLinks.filter((l) => l.targetPage === page).length, `${trip.issue} ${article.title}`).toBeGreaterThanOrEqual(2);
        const last = (starts[i + 1] ?? trip.pdf.pages.length) - 1;
        const ownPages = trip.pdf.pages.filter((p) => p.number >= page && p.number <= Math.max(page, last));
        const back = ownPages.flatMap((p) => p.links).filter((l) => l.targetPage === viewpointPage);
        expect(back.length, `${trip.issue} 返回目录 of ${article.title}`).toBe(1);
      }
    }
  });
});
