import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { Packer } from 'docx';
import { buildIssueDocxDocument, renderIssueDocx } from '../../../../electron/engine/docx/index';
import { packagePart } from '../../../../electron/engine/docx/package';
import { pageSetup, textWidth } from '../../../../electron/engine/docx/pageSetup';
import { PARAGRAPH_DEFAULTS_XML, patchStylesXml } from '../../../../electron/engine/docx/styles';
import { docxParts } from './docxXml';
import { sampleIssue } from './sampleIssue';

describe('packagePart', () => {
  it('reads one part of a package', () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<a>1</a>') });
    expect(packagePart(zip, 'word/styles.xml')).toBe('<a>1</a>');
    expect(() => packagePart(zip, 'word/numbering.xml')).toThrow(/numbering/);
  });
});

describe('styles.xml of an export', () => {
  it('is docx own styles.xml of the document with our paragraph defaults, and the package has every other part', async () => {
    const doc = sampleIssue();
    const { document } = await buildIssueDocxDocument(doc);
    const own = docxParts(await Packer.toBuffer(document));
    const exported = docxParts((await renderIssueDocx(doc)).docx);
    expect(exported['word/styles.xml']).toBe(patchStylesXml(own['word/styles.xml']));
    expect(exported['word/styles.xml']).toContain(PARAGRAPH_DEFAULTS_XML);
    expect(Object.keys(exported).sort()).toEqual(Object.keys(own).sort());
  });
});

describe('patchStylesXml', () => {
  it('fills docx empty paragraph defaults', () => {
    const xml = '<w:docDefaults><w:rPrDefault/><w:pPrDefault/></w:docDefaults>';
    expect(patchStylesXml(xml)).toBe(`<w:docDefaults><w:rPrDefault/>${PARAGRAPH_DEFAULTS_XML}</w:docDefaults>`);
  });

  it('leaves paragraph defaults docx wrote itself', () => {
    const xml = '<w:docDefaults><w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>';
    expect(patchStylesXml(xml)).toBe(xml);
  });
});

describe('pageSetup', () => {
  it('gives A4 and 16开 sizes in twips, with the text column between the margins', () => {
    const a4 = pageSetup('A4');
    expect([a4.width, a4.height]).toEqual([11906, 16838]);
    expect(textWidth(a4)).toBe(a4.width - a4.margin.left - a4.margin.right);
    const k16 = pageSetup('16K');
    expect([k16.width, k16.height]).toEqual([10431, 14740]);
    expect(textWidth(k16)).toBeLessThan(textWidth(a4));
  });
});
