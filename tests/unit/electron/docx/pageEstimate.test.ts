// Page numbers laid out an article at a time: from the fast layout, or remembered from an earlier export, with a
// skeleton of the issue, an export writes the same numbers docx's estimate of the whole document writes.
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadIssueFromManifest } from '../../../../electron/engine/build/manifest';
import { Packer } from 'docx';
import { buildIssueDocxDocument, renderIssueDocx, type DocxResult } from '../../../../electron/engine/docx/index';
import { clearArticlePages, pagesBetween } from '../../../../electron/engine/docx/pageEstimate';
import { buildIssueDocument, type IssueDocument } from '../../../../shared/document/issueDocument';
import { docxParts, pageRefs, parseXml } from './docxXml';
import { FIXTURES_DIR } from './fixtures';

const documentXml = (r: DocxResult): string => docxParts(r.docx)['word/document.xml'];
/** document.xml without the bookmark ids docx numbers on from one document to the next */
const withoutIds = (xml: string): string => xml.replace(/ w:id="\d+"/g, '');
const cached = (r: DocxResult): string[] => pageRefs(parseXml(documentXml(r))).map((ref) => ref.cached);


describe('pagesBetween', () => {
  const estimate = (pages: Record<string, number>) => ({ bookmarks: new Map(), bookmarkPageNumbers: new Map(Object.entries(pages)) });

  it('gives each article the pages up to the next title, the last up to the end', () => {
    expect(pagesBetween(['a', 'b', 'c'], estimate({ a: 7, b: 12, c: 13 }), 20)).toEqual([5, 1, 8]);
  });

  it('gives nothing when a title is missing or two share a page', () => {
    expect(pagesBetween(['a', 'b'], estimate({ a: 7 }), 20)).toBeNull();
    expect(pagesBetween(['a', 'b'], estimate({ a: 7, b: 7 }), 20)).toBeNull();
  });
});

describe('renderIssueDocx, exported again', () => {
  let doc: IssueDocument;
  let whole: DocxResult;

  beforeAll(async () => {
    doc = buildIssueDocument(await loadIssueFromManifest(join(FIXTURES_DIR, '2021-W08', 'manifest.json')));
  });
  beforeEach(() => clearArticlePages());

  it('writes the same document and page counts from the fast layout and remembered pages as from docx\'s whole estimate', async () => {
    const packed = async (options: { pageEstimate?: 'docx' } = {}) => {
      const { document, estimate } = await buildIssueDocxDocument(doc, options);
      const xml = docxParts(await Packer.toBuffer(document))['word/document.xml'];
      return { xml, estimate: estimate() };
    };
    const first = await packed({ pageEstimate: 'docx' });
    const second = await packed();
    whole = await renderIssueDocx(doc);
    expect(Object.keys(whole.estimatedPageMap)).toHaveLength(doc.articles.length);
    expect(second.estimate?.bookmarkPageNumbers).toEqual(first.estimate?.bookmarkPageNumbers);
    expect(second.estimate?.pageCount).toBe(first.estimate?.pageCount);
    expect(second.estimate?.sectionPageCounts).toEqual(first.estimate?.sectionPageCounts);
    expect(withoutIds(second.xml)).toBe(withoutIds(first.xml));
    expect(withoutIds(documentXml(whole))).toBe(withoutIds(first.xml));
  }, 60_000);

  it('after an article grows, writes the numbers a fresh whole estimate writes', async () => {
    await renderIssueDocx(doc); // remembers every article
    const k = 4;
    const grown: IssueDocument = {
      ...doc,
      articles: doc.articles.map((a, i) => (i === k ? { ...a, blocks: [...a.blocks, ...a.blocks] } : a)),
    };
    const incremental = await renderIssueDocx(grown);
    clearArticlePages();
    const fresh = await renderIssueDocx(grown, { pageEstimate: 'docx' });
    expect(fresh.estimatedPageMap[doc.articles[k + 1].id]).toBeGreaterThan(whole.estimatedPageMap[doc.articles[k + 1].id]);
    expect(incremental.estimatedPageMap).toEqual(fresh.estimatedPageMap);
    expect(cached(incremental)).toEqual(cached(fresh));
    expect(cached(incremental).filter((n) => !/^\d+$/.test(n))).toEqual([]);
  }, 60_000);
});
