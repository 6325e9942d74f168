import { beforeAll, describe, expect, it } from 'vitest';
import { ANCHORS, LABELS } from '../../../../shared/document/issueDocument';
import { renderIssueDocx, type DocxResult } from '../../../../electron/engine/docx/index';
import { decodeDataUrl } from '../../../../electron/engine/docx/images';
import { pageRefParts } from '../../../../electron/engine/docx/issueParts';
import { STYLE } from '../../../../electron/engine/docx/styles';
import {
  body,
  bookmarks,
  childVal,
  docxMedia,
  docxParts,
  hyperlinks,
  pageRefs,
  paragraphStyle,
  paragraphText,
  parseXml,
  runsWithoutEastAsiaFont,
  styleById,
} from './docxXml';
import { MEDIA_PNG, sampleIssue } from './sampleIssue';

const doc = sampleIssue();
const resolveImage = async (src: string): Promise<Uint8Array | null> => (src === 'media:clip-0042' ? decodeDataUrl(MEDIA_PNG) : null);

let result: DocxResult;
let parts: Record<string, string>;
let documentXml: Document;
let stylesXml: Document;
const stages: string[] = [];

/** no-break spaces as spaces, word joiners dropped: the text as a reader sees it */
const visible = (s: string): string => s.replace(/\u00a0/g, ' ').replace(/\u2060/g, '');
const elements = (root: Document | Element, tag: string): Element[] => [...root.getElementsByTagName(tag)];

beforeAll(async () => {
  result = await renderIssueDocx(doc, { resolveImage, onStage: (s) => stages.push(s) });
  parts = docxParts(result.docx);
  documentXml = parseXml(parts['word/document.xml'], 'document.xml');
  stylesXml = parseXml(parts['word/styles.xml'], 'styles.xml');
});

describe('renderIssueDocx: the package', () => {
  it('is a zip whose XML parts are all well-formed', () => {
    expect(result.docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/numbering.xml']));
    for (const [name, xml] of Object.entries(parts)) expect(() => parseXml(xml, name)).not.toThrow();
  });

  it('reports its stages', () => {
    expect(stages).toEqual(['docx:content', 'docx:layout', 'docx:done']);
  });

  it('leaves updateFields off, so Word opens it without asking', () => {
    const update = elements(parseXml(parts['word/settings.xml']), 'w:updateFields')[0];
    expect(update === undefined || update.getAttribute('w:val') === 'false').toBe(true);
  });

  it('turns off hanging punctuation and writes Chinese as the East Asian language in the document defaults', () => {
    const defaults = elements(stylesXml, 'w:docDefaults')[0];
    expect(childVal(defaults, 'w:overflowPunct')).toBe('0');
    expect(elements(defaults, 'w:widowControl')).toHaveLength(1);
    expect(elements(defaults, 'w:lang')[0].getAttribute('w:eastAsia')).toBe('zh-CN');
  });
});

describe('renderIssueDocx: bookmarks and cross-references', () => {
  it('puts a bookmark on the 本期视点 heading, the TOC heading and every article title', () => {
    const marks = bookmarks(documentXml);
    expect(marks.find((b) => b.name === ANCHORS.viewpoint)).toMatchObject({ paragraphText: LABELS.viewpointHeading });
    expect(marks.find((b) => b.name === ANCHORS.toc)).toMatchObject({ paragraphText: LABELS.tocHeading });
    for (const article of doc.articles) {
      expect(marks.filter((b) => b.name === article.anchor)).toEqual([
        { name: article.anchor, paragraphText: article.title, paragraphStyle: 'Heading2' },
      ]);
    }
    for (const b of marks) expect(b.name).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
  });

  it('writes one PAGEREF per title in 本期视点 and one in the TOC, each a link with its cached page', () => {
    const refs = pageRefs(documentXml);
    expect(refs).toHaveLength(doc.articles.length * 2);
    const entries = doc.viewpoint.flatMap((c) => c.entries);
    for (const entry of entries) {
      const mine = refs.filter((r) => r.bookmark === entry.anchor);
      expect(mine).toHaveLength(2);
      const page = result.estimatedPageMap[entry.articleId];
      for (const ref of mine) {
        expect(ref.instruction).toBe(`PAGEREF ${entry.anchor} \\h`);
        expect(ref.cached).toBe(String(page));
      }
      const [viewpointRef] = mine;
      expect(visible(viewpointRef.paragraphText)).toBe(`▶ ${entry.title}${LABELS.viewpointSource(entry.source)}${LABELS.pageRef(page)}`);
    }
  });

  it('estimates the pages: cover, 本期视点, TOC, then one new page per article', () => {
    const pages = doc.articles.map((a) => result.estimatedPageMap[a.id]);
    expect(pages[0]).toBe(4);
    for (let i = 1; i < pages.length; i++) expect(pages[i]).toBeGreaterThan(pages[i - 1]);
  });

  it('links every title in 本期视点 and the TOC to its article, and every 返回目录 back to 本期视点', () => {
    const links = hyperlinks(documentXml);
    const names = new Set(bookmarks(documentXml).map((b) => b.name));
    for (const link of links.filter((l) => l.anchor)) expect(names.has(link.anchor!)).toBe(true);
    for (const article of doc.articles) {
      expect(links.filter((l) => l.anchor === article.anchor && l.text === article.title)).toHaveLength(2);
    }
    const back = links.filter((l) => l.text === LABELS.backToContents);
    expect(back).toHaveLength(doc.articles.length);
    for (const link of back) expect(link.anchor).toBe(ANCHORS.viewpoint);
  });

  it('gives every run inside a link a character style (LibreOffice drops unstyled ones, tdf#146575)', () => {
    const links = hyperlinks(documentXml);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) for (const style of link.runStyles) expect(style).toMatch(/^(Hyperlink|TitleLink)$/);
  });

  it('writes an external link of the body as a relationship and an internal one as an anchor', () => {
    const links = hyperlinks(documentXml);
    const external = links.find((l) => l.text === '健康报原文');
    expect(external?.relationshipId).toBeTruthy();
    const rels = parseXml(parts['word/_rels/document.xml.rels']);
    const rel = elements(rels, 'Relationship').find((r) => r.getAttribute('Id') === external!.relationshipId);
    expect(rel?.getAttribute('Target')).toBe('https://www.jkb.com.cn/');
    expect(rel?.getAttribute('TargetMode')).toBe('External');
    expect(links.find((l) => l.text === '本期视点')?.anchor).toBe(ANCHORS.viewpoint);
  });
});

describe('renderIssueDocx: styles and fonts', () => {
  it('defines Title and headings with outline levels for the navigation pane', () => {
    expect(styleById(stylesXml, 'Title')).toBeDefined();
    const levels = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5'].map((id) => childVal(styleById(stylesXml, id), 'w:outlineLvl'));
    expect(levels).toEqual(['0', '1', '2', '3', '4']);
    expect(childVal(styleById(stylesXml, 'Heading1'), 'w:name')).toBe('heading 1');
  });

  it('justifies body text with a two-character first-line indent', () => {
    const bodyText = styleById(stylesXml, 'BodyText')!;
    expect(childVal(bodyText, 'w:jc')).toBe('both');
    const ind = elements(bodyText, 'w:ind')[0];
    expect(ind.getAttribute('w:firstLineChars')).toBe('200');
    expect(ind.getAttribute('w:firstLine')).toBe('480');
  });

  it('gives text styles exact line spacing, and pictures automatic spacing so they are not clipped', () => {
    const ours = new Set<string>(Object.values(STYLE).flat());
    const styles = elements(stylesXml, 'w:style').filter((s) => ours.has(s.getAttribute('w:styleId')!) && s.getAttribute('w:type') === 'paragraph');
    expect(styles.length).toBeGreaterThan(20);
    for (const style of styles) {
      const spacing = elements(style, 'w:spacing')[0];
      const expected = style.getAttribute('w:styleId') === STYLE.figure || style.getAttribute('w:styleId') === STYLE.qrCode ? 'auto' : 'exact';
      expect(`${style.getAttribute('w:styleId')}:${spacing.getAttribute('w:lineRule')}`).toBe(`${style.getAttribute('w:styleId')}:${expected}`);
    }
  });

  it('uses column headings as Heading 1 and article titles as Heading 2', () => {
    const paragraphs = body(documentXml);
    const columns = paragraphs.filter((p) => paragraphStyle(p) === 'Heading1').map(paragraphText);
    expect(columns).toEqual(['· 专家观点 ·', '· 国际视野 ·']);
    const titles = paragraphs.filter((p) => paragraphStyle(p) === 'Heading2').map(paragraphText);
    expect(titles).toEqual(doc.articles.map((a) => a.title));
  });

  it('names an East Asian font in every run: 宋体 for body text, 黑体 for headings', () => {
    expect(runsWithoutEastAsiaFont(documentXml)).toEqual([]);
    const fontOf = (p: Element) => elements(p, 'w:rFonts')[0]?.getAttribute('w:eastAsia');
    const paragraphs = body(documentXml);
    expect(fontOf(paragraphs.find((p) => paragraphStyle(p) === 'Heading2')!)).toBe('SimHei');
    expect(fontOf(paragraphs.find((p) => paragraphStyle(p) === 'BodyText')!)).toBe('SimSun');
    const pageRefRun = elements(documentXml, 'w:instrText')[0].parentElement!;
    expect(elements(pageRefRun, 'w:rFonts')[0].getAttribute('w:eastAsia')).toBe('SimSun');
  });

  it('uses the configured fonts instead', async () => {
    const other = await renderIssueDocx(doc, { fonts: { body: 'FangSong', heading: 'KaiTi' } });
    const xml = docxParts(other.docx)['word/document.xml'];
    expect(xml).not.toContain('SimSun');
    expect(xml).not.toContain('SimHei');
    expect(xml).toContain('w:eastAsia="FangSong"');
    expect(xml).toContain('w:eastAsia="KaiTi"');
    expect(Object.keys(other.estimatedPageMap)).toHaveLength(doc.articles.length);
  });
});

describe('renderIssueDocx: pages', () => {
  it('is A4 by default and 16开 on request', async () => {
    const size = (xml: string) => {
      const pgSz = elements(parseXml(xml), 'w:pgSz')[0];
      return [pgSz.getAttribute('w:w'), pgSz.getAttribute('w:h')];
    };
    expect(size(parts['word/document.xml'])).toEqual(['11906', '16838']);
    const small = await renderIssueDocx(doc, { pageSize: '16K' });
    expect(size(docxParts(small.docx)['word/document.xml'])).toEqual(['10431', '14740']);
  });

  it('has three sections: cover and back cover without header and page number, the issue with both', () => {
    expect(elements(documentXml, 'w:sectPr')).toHaveLength(3);
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d+\.xml$/.test(name)).map(([, xml]) => xml);
    const footers = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name)).map(([, xml]) => xml);
    const headerTexts = headers.map((xml) => elements(parseXml(xml), 'w:t').map((t) => t.textContent).join(''));
    expect(headerTexts.filter((t) => t !== '')).toEqual(['医周药事 · 2024年第47期']);
    expect(footers.filter((xml) => /PAGE/.test(xml))).toHaveLength(1);
  });

  it('prints the cover and the back cover', () => {
    const texts = body(documentXml).map(paragraphText);
    const title = body(documentXml).find((p) => paragraphStyle(p) === 'Title');
    expect(title && paragraphText(title)).toBe('医周药事');
    expect(texts).toEqual(expect.arrayContaining(['医药先锋系列之', 'Medical weekly pharmacy', '2024年第47期', '(2024.11.18-2024.11.24)', '医保　医疗　医药']));
    const back = texts.slice(texts.indexOf('扫一扫'));
    expect(back).toEqual(['扫一扫', '关注药城公众号', '', '北京先锋寰宇大健康管理有限公司', '电 话: 010-68489858']);
  });

  it('starts each article on a new page, with 来源 and 作者 under the title', () => {
    const paragraphs = body(documentXml);
    const starts = paragraphs.filter((p) => elements(p, 'w:pageBreakBefore').length > 0).map(paragraphText);
    expect(starts).toEqual([LABELS.tocHeading, '· 专家观点 ·', doc.articles[1].title, '· 国际视野 ·']);
    const texts = paragraphs.map(paragraphText);
    const at = texts.indexOf(doc.articles[1].title);
    expect(texts.slice(at + 1, at + 3)).toEqual(['来源：中国卫生杂志', '作者 | 王仁元']);
  });
});

describe('renderIssueDocx: article blocks', () => {
  const paragraphsOf = (style: string) => body(documentXml).filter((p) => paragraphStyle(p) === style);

  it('draws note marks as superscript', () => {
    const run = elements(documentXml, 'w:r').find((r) => paragraphText(r) === '①');
    expect(childVal(run, 'w:vertAlign')).toBe('superscript');
  });

  it('draws lists as Word lists, numbered and nested', () => {
    const items = paragraphsOf('ListParagraph');
    expect(items.map(paragraphText)).toEqual([
      '“推下去”的硬性机制：将优质医疗资源下沉纳入绩效考核范畴；',
      '“拉下来”的利益驱动：强化对医院和医务人员的考核。',
      '城市医疗集团辐射带动市区医疗卫生机构',
    ]);
    expect(items.map((p) => childVal(p, 'w:ilvl'))).toEqual(['0', '0', '1']);
    const numbering = parseXml(parts['word/numbering.xml']);
    const formats = elements(numbering, 'w:numFmt').map((f) => f.getAttribute('w:val'));
    expect(formats).toEqual(expect.arrayContaining(['decimal', 'bullet']));
  });

  it('draws block quotes and sub-headings in their styles', () => {
    expect(paragraphsOf('Quote').map(paragraphText)).toEqual(['要让优质医疗资源持续性下沉，仅靠情怀是不够的。']);
    expect(paragraphsOf('Heading3').map(paragraphText)).toEqual(['一、高位统筹，上下贯通']);
    expect(paragraphsOf('Heading4').map(paragraphText)).toEqual(['（一）政策激励，“推拉”结合']);
  });

  it('draws tables across the text width with a repeated header row and merged cells', () => {
    const [table] = elements(documentXml, 'w:tbl');
    expect(elements(table, 'w:gridCol')).toHaveLength(4);
    const rows = elements(table, 'w:tr');
    expect(rows).toHaveLength(4);
    expect(elements(rows[0], 'w:tblHeader')).toHaveLength(1);
    expect(childVal(rows[1], 'w:gridSpan')).toBe('4');
    expect(elements(rows[2], 'w:vMerge')[0].getAttribute('w:val')).toBe('restart');
    expect(elements(rows[3], 'w:vMerge')).toHaveLength(1);
    expect(elements(rows[3], 'w:tc')).toHaveLength(4);
    expect(elements(rows[0], 'w:b').length).toBeGreaterThan(0);
  });

  it('embeds figure images from data: URLs and the resolver, and draws every caption', () => {
    expect(docxMedia(result.docx)).toHaveLength(2);
    expect(elements(documentXml, 'w:drawing')).toHaveLength(2);
    expect(paragraphsOf('Caption').map(paragraphText)).toEqual(['图 1 运城市城市医疗集团分布', '资料来源：运城市卫生健康委', '图片来源于网络']);
  });

  it('draws the caption alone when an image cannot be resolved', async () => {
    const failing = await renderIssueDocx(doc, {
      resolveImage: async () => {
        throw new Error('media store offline');
      },
    });
    expect(docxMedia(failing.docx)).toHaveLength(1);
    const xml = parseXml(docxParts(failing.docx)['word/document.xml']);
    expect(body(xml).filter((p) => paragraphStyle(p) === 'Caption')).toHaveLength(3);
  });
});

describe('renderIssueDocx: edge cases', () => {
  it('renders a new issue with no articles yet', async () => {
    const empty = { ...sampleIssue(), viewpoint: [], articles: [] };
    const out = await renderIssueDocx(empty);
    expect(out.estimatedPageMap).toEqual({});
    const xml = parseXml(docxParts(out.docx)['word/document.xml']);
    expect(pageRefs(xml)).toEqual([]);
    expect(bookmarks(xml).map((b) => b.name)).toEqual([ANCHORS.viewpoint, ANCHORS.toc]);
  });

  it('escapes markup characters in titles and text, and keeps an issue without 期号 or back cover', async () => {
    const base = sampleIssue();
    const title = '医保 & 商保：<一站式> 结算 "试点"';
    const odd = {
      ...base,
      meta: { ...base.meta, issueNumber: '', backCover: '' },
      viewpoint: [{ column: base.viewpoint[0].column, entries: [{ ...base.viewpoint[0].entries[0], title }] }],
      articles: [{ ...base.articles[0], title }],
    };
    const out = await renderIssueDocx(odd);
    const files = docxParts(out.docx);
    const xml = parseXml(files['word/document.xml']);
    expect(bookmarks(xml).find((b) => b.name === odd.articles[0].anchor)?.paragraphText).toBe(title);
    const header = Object.entries(files).find(([name, text]) => /header\d+\.xml$/.test(name) && text.includes('医周药事'));
    expect(header && elements(parseXml(header[1]), 'w:t').map((t) => t.textContent).join('')).toBe('医周药事');
    expect(out.estimatedPageMap[odd.articles[0].id]).toBe(4);
  });
});

describe('pageRefParts', () => {
  it('is the 本期视点 label around the number, glued so it never splits across lines', () => {
    const [before, after] = pageRefParts();
    expect(visible(`${before}18${after}`)).toBe(LABELS.pageRef(18));
    expect(before).toBe('—\u2060—第\u00a0');
    expect(after).toBe('\u00a0页');
  });
});
