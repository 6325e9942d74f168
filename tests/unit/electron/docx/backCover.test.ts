// The back cover's QR codes in the DOCX: each code's image (as a picture of the package's media) with its caption
// below it, side by side in one row, in place of the 扫一扫 blocks of the back-cover text, as the PDF draws them;
// and, with LibreOffice installed, the same codes on the last page of the PDF it converts the DOCX to.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { renderIssueDocx } from '../../../../electron/engine/docx/index';
import { decodeDataUrl } from '../../../../electron/engine/docx/images';
import type { IssueDocument } from '../../../../shared/document/issueDocument';
import { readPdf, squash } from '../../../helpers/pdfReader';
import { docxParts, paragraphText, parseXml } from './docxXml';
import { convertToPdf, findSoffice } from './libreOffice';
import { MEDIA_PNG, sampleIssue, TINY_PNG } from './sampleIssue';

const PUBLISHER = '北京先锋寰宇大健康管理有限公司';

function withQrCodes(codes: { image: string; caption: string }[]): IssueDocument {
  const doc = sampleIssue();
  return { ...doc, meta: { ...doc.meta, qrCodes: codes } };
}

const resolveImage = async (src: string): Promise<Uint8Array | null> => (src === 'media:qr-2' ? decodeDataUrl(MEDIA_PNG) : null);

/** The back cover's part of document.xml: the body after the articles' section break. */
function backCover(docx: Uint8Array): Element[] {
  const xml = parseXml(docxParts(docx)['word/document.xml']);
  const body = xml.getElementsByTagName('w:body')[0];
  const blocks = [...body.children].filter((el) => el.tagName === 'w:p' || el.tagName === 'w:tbl');
  // the last two sections end with a paragraph carrying their w:sectPr; the back cover follows the second to last
  const ends = blocks.flatMap((el, i) => (el.tagName === 'w:p' && el.getElementsByTagName('w:sectPr').length > 0 ? [i] : []));
  return blocks.slice(ends.at(-1)! + 1);
}

/** The media file each picture of the elements shows, through document.xml.rels. */
function picturesIn(docx: Uint8Array, elements: Element[]): string[] {
  const rels = parseXml(docxParts(docx)['word/_rels/document.xml.rels']);
  const targets = new Map([...rels.getElementsByTagName('Relationship')].map((r) => [r.getAttribute('Id'), r.getAttribute('Target')]));
  return elements.flatMap((el) => [...el.getElementsByTagName('a:blip')].map((blip) => `word/${targets.get(blip.getAttribute('r:embed'))}`));
}

describe('DOCX back cover with QR codes', () => {
  it('puts each code and its caption side by side in one row, its image in the package, before the rest of the text', async () => {
    const doc = withQrCodes([
      { image: TINY_PNG, caption: '扫一扫\n关注药城公众号' },
      { image: 'media:qr-2', caption: '扫码订阅周刊' },
    ]);
    const { docx } = await renderIssueDocx(doc, { resolveImage });
    const blocks = backCover(docx);
    const tables = blocks.filter((el) => el.tagName === 'w:tbl');
    expect(tables).toHaveLength(1);
    const rows = [...tables[0].getElementsByTagName('w:tr')];
    expect(rows).toHaveLength(1);
    const cells = [...rows[0].getElementsByTagName('w:tc')];
    expect(cells).toHaveLength(2);
    const cellText = cells.map((cell) => [...cell.getElementsByTagName('w:p')].map(paragraphText).filter((t) => t !== ''));
    expect(cellText).toEqual([['扫一扫', '关注药城公众号'], ['扫码订阅周刊']]);
    // each cell shows its own code, stored in word/media
    const media = unzipSync(docx);
    const shown = cells.map((cell) => picturesIn(docx, [cell]));
    expect(shown.map((s) => s.length)).toEqual([1, 1]);
    expect([...media[shown[0][0]]]).toEqual([...decodeDataUrl(TINY_PNG)!]);
    expect([...media[shown[1][0]]]).toEqual([...decodeDataUrl(MEDIA_PNG)!]);
    // the codes replace the text's 扫一扫 block; the publisher follows them
    const after = blocks.slice(blocks.indexOf(tables[0]) + 1).map(paragraphText);
    expect(after).toContain(PUBLISHER);
    expect(blocks.filter((el) => el.tagName === 'w:p').map(paragraphText)).not.toContain('扫一扫');
    expect(strFromU8(media['[Content_Types].xml'])).toContain('image/png');
  });

  it('keeps the caption of a code whose image cannot be read, without a picture', async () => {
    const { docx } = await renderIssueDocx(withQrCodes([{ image: 'media:gone', caption: '扫一扫' }]), { resolveImage });
    const blocks = backCover(docx);
    const table = blocks.find((el) => el.tagName === 'w:tbl')!;
    expect([...table.getElementsByTagName('w:p')].map(paragraphText).filter((t) => t)).toEqual(['扫一扫']);
    expect(picturesIn(docx, [table])).toEqual([]);
  });

  it('writes the back-cover text as it is without QR codes', async () => {
    const { docx } = await renderIssueDocx(sampleIssue());
    const blocks = backCover(docx);
    expect(blocks.some((el) => el.tagName === 'w:tbl')).toBe(false);
    expect(blocks.map(paragraphText).filter((t) => t)).toEqual(['扫一扫', '关注药城公众号', PUBLISHER, '电 话: 010-68489858']);
  });
});

const soffice = findSoffice();

describe('DOCX back cover with QR codes, through LibreOffice', () => {
  let workDir = '';
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('prints both codes and their captions on the last page', async (ctx) => {
    if (!soffice) {
      console.warn('DOCX QR round trip through LibreOffice did not run: soffice not found (apt-get install libreoffice-writer-nogui)');
      ctx.skip();
    }
    workDir = await mkdtemp(join(tmpdir(), 'weekly-docx-qr-'));
    const doc = withQrCodes([
      { image: TINY_PNG, caption: '扫一扫\n关注药城公众号' },
      { image: 'media:qr-2', caption: '扫码订阅周刊' },
    ]);
    const file = join(workDir, 'qr.docx');
    await writeFile(file, (await renderIssueDocx(doc, { resolveImage })).docx);
    const [pdf] = await convertToPdf(soffice!, [file], workDir);
    const read = await readPdf(readFileSync(pdf));
    const last = read.pages.at(-1)!;
    expect(last.flat).toContain(squash('关注药城公众号'));
    expect(last.flat).toContain(squash('扫码订阅周刊'));
    expect(last.flat).toContain(squash(PUBLISHER));
    // pdfimages -list: page, number, type, width, height, … of every image; both codes at their own pixel sizes
    const listed = execFileSync('pdfimages', ['-list', '-f', String(last.number), '-l', String(last.number), pdf], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== '')
      .map((line) => line.trim().split(/\s+/));
    const sizes = listed.filter((cols) => cols[2] === 'image').map((cols) => `${cols[3]}x${cols[4]}`);
    expect(sizes.sort()).toEqual(['1x2', '2x1']);
  }, 180_000);
});
