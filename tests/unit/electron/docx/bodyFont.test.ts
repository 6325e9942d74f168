// 正文字体 in the DOCX: body text, 提要 and table cells in 黑体 with Arial when the body font is sans (LibreOffice draws
// 黑体 as Noto Sans SC), in 宋体 with Times New Roman otherwise; headings stay 黑体. The page numbers written for a sans
// body are those docx's estimate works out for it, and, with LibreOffice installed, those it prints the titles on.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadIssueFromManifest } from '../../../../electron/engine/build/manifest';
import { buildIssueDocxDocument, renderIssueDocx } from '../../../../electron/engine/docx/index';
import { clearArticlePages } from '../../../../electron/engine/docx/pageEstimate';
import { STYLE } from '../../../../electron/engine/docx/styles';
import { buildIssueDocument, LABELS, type IssueDocument } from '../../../../shared/document/issueDocument';
import { readPdf, squash } from '../../../helpers/pdfReader';
import { docxParts, paragraphStyle, paragraphText, parseXml } from './docxXml';
import { FIXTURES_DIR } from './fixtures';
import { convertToPdf, findSoffice } from './libreOffice';
import { sampleIssue } from './sampleIssue';

/** East Asian and Latin font of the first text run of each paragraph in a style (in table cells too, for TableText). */
function runFontsOf(xml: Document, style: string): string[] {
  return [...xml.getElementsByTagName('w:p')]
    .filter((p) => paragraphStyle(p) === style && paragraphText(p).trim() !== '')
    .map((p) => {
      const run = [...p.getElementsByTagName('w:r')].find((r) => r.getElementsByTagName('w:t').length > 0)!;
      const fonts = run.getElementsByTagName('w:rFonts')[0];
      return `${fonts.getAttribute('w:eastAsia')}/${fonts.getAttribute('w:ascii')}`;
    });
}

describe('renderIssueDocx bodyFont', () => {
  const doc = sampleIssue();
  let serif: Document;
  let sans: Document;
  beforeAll(async () => {
    serif = parseXml(docxParts((await renderIssueDocx(doc)).docx)['word/document.xml']);
    sans = parseXml(docxParts((await renderIssueDocx(doc, { bodyFont: 'sans' })).docx)['word/document.xml']);
  });

  it('sets body text, 提要 and table cells in 黑体 and Arial for a sans body, in 宋体 and Times New Roman by default', () => {
    for (const style of [STYLE.body, STYLE.viewpointSummary, STYLE.tableText]) {
      const [defaults, sansFonts] = [runFontsOf(serif, style), runFontsOf(sans, style)];
      expect(defaults.length, style).toBeGreaterThan(0);
      expect(new Set(defaults), style).toEqual(new Set(['SimSun/Times New Roman']));
      expect(new Set(sansFonts), style).toEqual(new Set(['SimHei/Arial']));
    }
  });

  it('keeps headings in 黑体 and Arial either way', () => {
    for (const xml of [serif, sans]) expect(new Set(runFontsOf(xml, STYLE.articleTitle))).toEqual(new Set(['SimHei/Arial']));
  });

  it('names the sans faces in the body styles too', async () => {
    const styles = parseXml(docxParts((await renderIssueDocx(doc, { bodyFont: 'sans' })).docx)['word/styles.xml']);
    const bodyText = [...styles.getElementsByTagName('w:style')].find((s) => s.getAttribute('w:styleId') === STYLE.body)!;
    expect(bodyText.getElementsByTagName('w:rFonts')[0].getAttribute('w:eastAsia')).toBe('SimHei');
  });
});

describe('page numbers for a sans body', () => {
  let issue: IssueDocument;
  let workDir = '';
  beforeAll(async () => {
    issue = buildIssueDocument(await loadIssueFromManifest(join(FIXTURES_DIR, '2024-W47', 'manifest.json')));
  });
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('writes the numbers docx works out estimating the whole sans document', async () => {
    clearArticlePages();
    const { document, estimate } = await buildIssueDocxDocument(issue, { bodyFont: 'sans', pageEstimate: 'docx' });
    await Packer.toBuffer(document);
    const reference = estimate()!.bookmarkPageNumbers!;
    clearArticlePages();
    const fast = await renderIssueDocx(issue, { bodyFont: 'sans' });
    expect(Object.keys(fast.estimatedPageMap)).toHaveLength(issue.articles.length);
    for (const article of issue.articles) expect(fast.estimatedPageMap[article.id], article.title).toBe(reference.get(article.anchor));
  }, 60_000);

  it('caches the pages LibreOffice prints the titles on', async (ctx) => {
    const soffice = findSoffice();
    if (!soffice) {
      console.warn('sans DOCX round trip through LibreOffice did not run: soffice not found');
      ctx.skip();
    }
    workDir = await mkdtemp(join(tmpdir(), 'weekly-docx-sans-'));
    const result = await renderIssueDocx(issue, { bodyFont: 'sans' });
    const file = join(workDir, 'sans.docx');
    await writeFile(file, result.docx);
    const [pdf] = await convertToPdf(soffice!, [file], workDir);
    const pages = (await readPdf(readFileSync(pdf))).pages;
    const printed = Object.fromEntries(
      issue.articles.map((a) => [a.id, pages.find((p) => squash(p.flat).includes(squash(a.title + LABELS.sourceLine(a.source))))?.number]),
    );
    expect(printed).toEqual(result.estimatedPageMap);
  }, 180_000);
});
