// Word styles of the issue: real built-in ids (Title, Heading1…, BodyText, Caption, Quote, Hyperlink) so Word's
// navigation pane and LibreOffice's navigator see the structure, plus a few of our own for the front matter.
// Every style has exact line spacing: with it docx's page estimate matches Word's and LibreOffice's layout;
// with automatic spacing each application derives line heights from its own font metrics and they drift apart.
import {
  AlignmentType,
  LineRuleType,
  type IFontAttributesProperties,
  type IParagraphStyleOptions,
  type ICharacterStyleOptions,
  type IStylesOptions,
} from 'docx';

export interface DocxFonts {
  /** East Asian font of body text, e.g. SimSun (宋体) */
  body: string;
  /** East Asian font of headings, e.g. SimHei (黑体) */
  heading: string;
  /** Latin font of body text; Times New Roman when not given */
  bodyLatin?: string;
}

export const DEFAULT_FONTS: DocxFonts = { body: 'SimSun', heading: 'SimHei' };

/** Latin fonts paired with the East Asian ones; metric-compatible free twins exist (Liberation Serif/Sans). */
const LATIN_BODY = 'Times New Roman';
const LATIN_HEADING = 'Arial';

export type BodyFont = 'serif' | 'sans';

/**
 * The fonts of an issue whose body text is set in a serif face (宋体 with Times New Roman, the default) or a sans
 * one (黑体 with Arial, as headings are); LibreOffice draws 宋体 and 黑体 as Noto Serif SC and Noto Sans SC where
 * they are missing. Fonts configured by name take the place of the East Asian ones.
 */
export function issueFonts(bodyFont: BodyFont = 'serif', configured: { body?: string; heading?: string } = {}): DocxFonts {
  const sans = bodyFont === 'sans';
  return {
    body: configured.body?.trim() || (sans ? DEFAULT_FONTS.heading : DEFAULT_FONTS.body),
    heading: configured.heading?.trim() || DEFAULT_FONTS.heading,
    ...(sans ? { bodyLatin: LATIN_HEADING } : {}),
  };
}

/** Chinese text: Word applies its simplified-Chinese line-breaking rules (no line starts with ，。） etc.) only with it. */
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

export type FontRole = 'body' | 'heading';

/**
 * The fonts of a run. The eastAsia hint makes Word draw the characters Chinese shares with Latin text (curly
 * quotes, ·, —, …) in the Chinese font, full width, as Chinese Word itself marks typed text and as
 * LibreOffice draws them between Chinese characters; without it Word draws “” narrow in the Latin font.
 */
export function runFonts(fonts: DocxFonts, role: FontRole): IFontAttributesProperties {
  const latin = role === 'body' ? (fonts.bodyLatin ?? LATIN_BODY) : LATIN_HEADING;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: fonts[role], hint: 'eastAsia' };
}

export const STYLE = {
  title: 'Title',
  column: 'Heading1',
  articleTitle: 'Heading2',
  subHeading: ['Heading3', 'Heading4', 'Heading5'] as const,
  body: 'BodyText',
  quote: 'Quote',
  caption: 'Caption',
  figure: 'Figure',
  tableText: 'TableText',
  listItem: 'ListParagraph',
  header: 'Header',
  footer: 'Footer',
  coverLine: 'CoverLine',
  coverIssue: 'CoverIssue',
  frontHeading: 'FrontHeading',
  readingNote: 'ReadingNote',
  viewpointColumn: 'ViewpointColumn',
  viewpointEntry: 'ViewpointEntry',
  viewpointSummary: 'ViewpointSummary',
  tocColumn: 'TocColumn',
  tocEntry: 'TocEntry',
  articleSource: 'ArticleSource',
  backToContents: 'BackToContents',
  backCover: 'BackCover',
  qrCode: 'QrCode',
  qrCaption: 'QrCaption',
  /** character styles: every link run carries one (LibreOffice drops unstyled link runs, tdf#146575) */
  hyperlink: 'Hyperlink',
  titleLink: 'TitleLink',
} as const;

/** Sizes in half-points (Word's unit), line pitches in twips. */
export const SIZE = {
  body: 24, // 小四, 12 pt
  bodyLine: 440, // 22 pt
  small: 21, // 五号, 10.5 pt
  smallLine: 360,
  table: 20,
  tableLine: 300,
  header: 18,
  headerLine: 260,
} as const;

/** First-line indent of two characters, in twips and in Word's hundredths of a character. */
export const INDENT_2_CHARS = { firstLine: SIZE.body * 20, firstLineChars: 200 } as const;

const exact = (line: number, before = 0, after = 0) => ({ line, lineRule: LineRuleType.EXACT, before, after });

export function issueStyles(fonts: DocxFonts): IStylesOptions {
  const body = runFonts(fonts, 'body');
  const heading = runFonts(fonts, 'heading');
  const paragraph = (
    id: string,
    name: string,
    run: IParagraphStyleOptions['run'],
    para: IParagraphStyleOptions['paragraph'],
    basedOn = 'Normal',
  ): IParagraphStyleOptions => ({ id, name, basedOn, next: STYLE.body, quickFormat: true, run, paragraph: para });

  const paragraphStyles: IParagraphStyleOptions[] = [
    {
      id: 'Normal',
      name: 'Normal',
      next: 'Normal',
      quickFormat: true,
      run: { font: body, size: SIZE.body, language: LANGUAGE },
      paragraph: { spacing: exact(SIZE.bodyLine) },
    },
    paragraph(STYLE.body, 'Body Text', { font: body, size: SIZE.body }, {
      alignment: AlignmentType.JUSTIFIED,
      indent: INDENT_2_CHARS,
      spacing: exact(SIZE.bodyLine, 0, 60),
    }),
    paragraph(STYLE.title, 'Title', { font: heading, size: 72, bold: true }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(1200, 240, 240),
    }),
    paragraph(STYLE.column, 'heading 1', { font: heading, size: 32, bold: true, color: '1F4E79' }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(600, 0, 240),
      keepNext: true,
      keepLines: true,
      outlineLevel: 0,
    }),
    paragraph(STYLE.articleTitle, 'heading 2', { font: heading, size: 32 }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(560, 120, 160),
      keepNext: true,
      keepLines: true,
      outlineLevel: 1,
    }),
    paragraph(STYLE.subHeading[0], 'heading 3', { font: heading, size: 26 }, {
      spacing: exact(480, 120, 60),
      keepNext: true,
      outlineLevel: 2,
    }),
    paragraph(STYLE.subHeading[1], 'heading 4', { font: heading, size: SIZE.body }, {
      spacing: exact(SIZE.bodyLine, 60, 60),
      indent: INDENT_2_CHARS,
      keepNext: true,
      outlineLevel: 3,
    }),
    paragraph(STYLE.subHeading[2], 'heading 5', { font: body, size: SIZE.body, bold: true }, {
      spacing: exact(SIZE.bodyLine, 60, 0),
      indent: INDENT_2_CHARS,
      keepNext: true,
      outlineLevel: 4,
    }),
    paragraph(STYLE.quote, 'Quote', { font: body, size: SIZE.body, color: '404040' }, {
      alignment: AlignmentType.JUSTIFIED,
      indent: { left: 480, right: 480, ...INDENT_2_CHARS },
      spacing: exact(SIZE.bodyLine, 60, 120),
    }),
    paragraph(STYLE.caption, 'caption', { font: body, size: SIZE.small, color: '404040' }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(SIZE.smallLine, 60, 180),
    }),
    // Pictures need automatic line spacing: an exact line would clip them to one line's height.
    paragraph(STYLE.figure, 'Figure', { font: body, size: SIZE.body }, {
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 120, after: 0 },
      keepNext: true,
    }),
    paragraph(STYLE.tableText, 'Table Text', { font: body, size: SIZE.table }, { spacing: exact(SIZE.tableLine) }),
    paragraph(STYLE.listItem, 'List Paragraph', { font: body, size: SIZE.body }, {
      alignment: AlignmentType.JUSTIFIED,
      spacing: exact(SIZE.bodyLine, 0, 40),
    }),
    paragraph(STYLE.header, 'header', { font: body, size: SIZE.header, color: '595959' }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(SIZE.headerLine),
    }),
    paragraph(STYLE.footer, 'footer', { font: body, size: SIZE.header }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(SIZE.headerLine),
    }),
    paragraph(STYLE.coverLine, 'Cover Line', { font: heading, size: 32 }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(640, 120, 120),
    }),
    paragraph(STYLE.coverIssue, 'Cover Issue', { font: heading, size: 36, bold: true }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(720, 480, 120),
    }),
    paragraph(STYLE.frontHeading, 'Front Heading', { font: heading, size: 36, bold: true }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(720, 0, 240),
      keepNext: true,
      outlineLevel: 0,
    }),
    paragraph(STYLE.readingNote, 'Reading Note', { font: body, size: SIZE.small, color: '595959' }, {
      alignment: AlignmentType.JUSTIFIED,
      spacing: exact(SIZE.smallLine, 0, 240),
    }),
    paragraph(STYLE.viewpointColumn, 'Viewpoint Column', { font: heading, size: 28, color: '1F4E79' }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(520, 240, 120),
      keepNext: true,
    }),
    paragraph(STYLE.viewpointEntry, 'Viewpoint Entry', { font: body, size: SIZE.body }, {
      alignment: AlignmentType.JUSTIFIED,
      spacing: exact(SIZE.bodyLine, 120, 60),
      keepNext: true,
    }),
    paragraph(STYLE.viewpointSummary, 'Viewpoint Summary', { font: body, size: SIZE.small }, {
      alignment: AlignmentType.JUSTIFIED,
      spacing: exact(SIZE.smallLine, 0, 120),
    }),
    paragraph(STYLE.tocColumn, 'TOC Column', { font: heading, size: SIZE.body }, {
      spacing: exact(SIZE.bodyLine, 180, 60),
      keepNext: true,
    }),
    paragraph(STYLE.tocEntry, 'TOC Entry', { font: body, size: SIZE.small }, {
      spacing: exact(SIZE.smallLine),
      indent: { left: 420 },
    }),
    paragraph(STYLE.articleSource, 'Article Source', { font: body, size: SIZE.small, color: '595959' }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(SIZE.smallLine, 0, 60),
      keepNext: true,
    }),
    paragraph(STYLE.backToContents, 'Back To Contents', { font: body, size: SIZE.small }, {
      alignment: AlignmentType.RIGHT,
      spacing: exact(SIZE.smallLine, 240, 0),
    }),
    paragraph(STYLE.backCover, 'Back Cover', { font: body, size: SIZE.body }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(SIZE.bodyLine),
    }),
    // A QR code on the back cover: automatic line spacing, as for figures, so the picture is not clipped.
    paragraph(STYLE.qrCode, 'QR Code', { font: body, size: SIZE.small }, {
      alignment: AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 120 },
      keepNext: true,
    }),
    paragraph(STYLE.qrCaption, 'QR Caption', { font: body, size: SIZE.small }, {
      alignment: AlignmentType.CENTER,
      spacing: exact(SIZE.smallLine),
    }),
  ];
  const characterStyles: ICharacterStyleOptions[] = [
    { id: STYLE.hyperlink, name: 'Hyperlink', basedOn: 'DefaultParagraphFont', run: { color: '0563C1', underline: {} } },
    { id: STYLE.titleLink, name: 'Title Link', basedOn: 'DefaultParagraphFont', run: { color: '1F3864', bold: true } },
  ];

  return {
    default: { document: { run: { font: body, size: SIZE.body, language: LANGUAGE } } },
    paragraphStyles,
    characterStyles,
  };
}

/**
 * Document defaults docx's options cannot write, patched into styles.xml once packed: punctuation never hangs
 * past the margin (overflowPunct = 0), whatever the Word user's Normal template says, because docx's page
 * estimate lays lines out without hanging punctuation. (LibreOffice 7.4 reads this switch inverted and hangs
 * a closing 。 anyway; it recomputes the PAGEREF fields on load, so its readers still see right numbers.)
 */
export const PARAGRAPH_DEFAULTS_XML =
  '<w:pPrDefault><w:pPr><w:widowControl/><w:overflowPunct w:val="0"/></w:pPr></w:pPrDefault>';

/** styles.xml with our paragraph defaults in place of docx's empty ones; unchanged if docx already wrote some. */
export function patchStylesXml(xml: string): string {
  return xml.replace(/<w:pPrDefault\s*\/>/, PARAGRAPH_DEFAULTS_XML);
}
