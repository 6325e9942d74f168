import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { patchPackage } from '../../../../electron/engine/docx/package';
import { pageSetup, textWidth } from '../../../../electron/engine/docx/pageSetup';
import { PARAGRAPH_DEFAULTS_XML, patchStylesXml } from '../../../../electron/engine/docx/styles';

describe('patchPackage', () => {
  it('rewrites the named parts and keeps the others, in order', () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/styles.xml': strToU8('<a>1</a>'), 'word/media/image1.png': new Uint8Array([1, 2, 3]) });
    const out = unzipSync(patchPackage(zip, { 'word/styles.xml': (xml) => xml.replace('1', '2') }));
    expect(Object.keys(out)).toEqual(['[Content_Types].xml', 'word/styles.xml', 'word/media/image1.png']);
    expect(strFromU8(out['word/styles.xml'])).toBe('<a>2</a>');
    expect([...out['word/media/image1.png']]).toEqual([1, 2, 3]);
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
