// How many pages an article takes, laid out by the same rules docx's page estimate (docx/layout) follows for the
// content an article has here, without building and reading back a docx document: that estimate spends most of its
// time copying its line state for every character of Chinese text, and was most of the time of a DOCX export.
//
// It covers what article pages are made of: paragraphs of text in the issue's styles (exact line heights, space
// before and after, indents, justified lines squeezed as Word squeezes them, Chinese line-breaking rules, keep with
// next, keep lines together, widow control, page breaks before). Anything else (a table, a picture, a list, a tab,
// superscript) makes it give up on the article (`null`), which docx's estimate then lays out as before. The page
// counts are checked against docx's estimate on the fixture issues by tests/unit/electron/docx/fastLayout.test.ts.
import { AlignmentType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import { LABELS, type DocumentArticle, type IssueDocument } from '../../../shared/document/issueDocument';
import type { Block, ListBlock, Run, TableBlock } from '../../../shared/content/blocks';
import { pageRefParts } from './issueParts';
import { listDepth, listIndent, listNumberText, type FigureSizes } from './blocks';
import type { PageSetup } from './pageSetup';
import { columnWidths, tableColumnCount } from './tableGrid';
import { runFonts, STYLE, type DocxFonts, type FontRole } from './styles';
import { TableMiss, type TableWidths } from './widths';

/** docx/layout's tolerance, in points */
const TOLERANCE = 0.01;
/** Word squeezes a justified line's spaces by up to a quarter of their width… */
const MOST_SQUEEZE = 0.25;
/** …when the spaces would stretch at least this many times as far with the word on the next line */
const STRETCH_TO_SQUEEZE = 2.015;

/** A paragraph style, resolved: sizes in points. */
interface ParagraphFormat {
  size: number;
  bold: boolean;
  italic: boolean;
  role: FontRole;
  line: number;
  before: number;
  after: number;
  indentLeft: number;
  indentRight: number;
  /** first-line indent in points, or in hundredths of a character of the first run (`firstLineChars`) */
  firstLine: number;
  firstLineChars: number;
  justified: boolean;
  keepNext: boolean;
  keepLines: boolean;
  /** a style of automatic single spacing, followed only for a paragraph of one picture */
  pictureOnly: boolean;
}

export interface LayoutRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  role?: FontRole;
  /** superscript or subscript: drawn smaller, in a line of its own size */
  script?: boolean;
}

export interface LayoutParagraph {
  style: string;
  runs: LayoutRun[];
  /** a paragraph of one picture this tall (points), in place of runs */
  picture?: number;
  /** a list item: its number, and the indents of its level (twips) */
  list?: { number: string; left: number; hanging: number };
  pageBreakBefore?: boolean;
  /** alignment other than the style's */
  justified?: boolean;
}

/** A table of the article: each row's cells, each a paragraph of table text, in its grid column's width (twips). */
export interface LayoutTable {
  /** each row's cells: their paragraphs of table text, in the width of the grid columns they span (twips) */
  rows: { cells: { paragraphs: LayoutRun[][]; width: number }[] }[];
  headerRows: number;
}

export type LayoutBlock = ({ type: 'paragraph' } & LayoutParagraph) | ({ type: 'table' } & LayoutTable);

const POINTS_PER_PIXEL = 72 / 96;
/**
 * A picture line is as tall as the picture, but not less than a line of its paragraph's font (about 14 points for 12
 * point text), which is left to docx: below this height.
 */
const SHORTEST_PICTURE = 16;

/** Word's default tab stops, every half inch (points) */
const DEFAULT_TAB_STOP = 36;

/** Why an article is left to docx's estimate. */
export class Unsupported extends Error {}

/** The issue's paragraph styles as the layout needs them, from the same options the document is written with. */
export function paragraphFormats(styles: IStylesOptions, fonts: DocxFonts): Map<string, ParagraphFormat> {
  const all = new Map((styles.paragraphStyles ?? []).map((s) => [s.id, s] as const));
  const formats = new Map<string, ParagraphFormat>();
  const resolve = (id: string): ParagraphFormat => {
    const known = formats.get(id);
    if (known) return known;
    const style = all.get(id);
    if (!style) throw new Unsupported(`style ${id}`);
    const base = style.basedOn && style.basedOn !== id && all.has(style.basedOn) ? resolve(style.basedOn) : undefined;
    const format = own(style, base, fonts);
    formats.set(id, format);
    return format;
  };
  for (const id of all.keys()) {
    try {
      resolve(id);
    } catch (error) {
      // a style this layout doesn't follow: a paragraph in it leaves its article to docx
      if (!(error instanceof Unsupported)) throw error;
    }
  }
  return formats;
}

function own(style: IParagraphStyleOptions, base: ParagraphFormat | undefined, fonts: DocxFonts): ParagraphFormat {
  const run = style.run ?? {};
  const para = style.paragraph ?? {};
  const spacing = para.spacing;
  // automatic spacing is followed for a line of only a picture, single spaced (the Figure style)
  const picture = spacing?.lineRule === 'auto' && spacing.line === 240;
  if (spacing && spacing.lineRule !== 'exact' && spacing.lineRule !== undefined && !picture) throw new Unsupported(`line rule ${spacing.lineRule}`);
  if (para.contextualSpacing || para.indent?.hanging || para.numbering || ('tabStops' in para && para.tabStops)) throw new Unsupported(`style ${style.id}`);
  // the role whose fonts the style names (both alike when body and headings share their fonts)
  const font = run.font;
  const named = typeof font === 'object' && font !== null && 'ascii' in font ? font : undefined;
  const heading = runFonts(fonts, 'heading');
  const role: FontRole = !named ? (base?.role ?? 'body') : named.ascii === heading.ascii && named.eastAsia === heading.eastAsia ? 'heading' : 'body';
  const indent = para.indent;
  return {
    size: run.size !== undefined ? Number(run.size) / 2 : (base?.size ?? 10),
    bold: run.bold ?? base?.bold ?? false,
    italic: run.italics ?? base?.italic ?? false,
    role,
    line: spacing?.line !== undefined ? spacing.line / 20 : (base?.line ?? 0),
    before: spacing ? (spacing.before ?? 0) / 20 : (base?.before ?? 0),
    after: spacing ? (spacing.after ?? 0) / 20 : (base?.after ?? 0),
    indentLeft: indent ? Number(indent.left ?? 0) / 20 : (base?.indentLeft ?? 0),
    indentRight: indent ? Number(indent.right ?? 0) / 20 : (base?.indentRight ?? 0),
    firstLine: indent ? Number(indent.firstLine ?? 0) / 20 : (base?.firstLine ?? 0),
    firstLineChars: indent ? (indent.firstLineChars ?? 0) : (base?.firstLineChars ?? 0),
    justified: para.alignment !== undefined ? para.alignment === AlignmentType.JUSTIFIED : (base?.justified ?? false),
    keepNext: para.keepNext ?? false,
    keepLines: para.keepLines ?? false,
    pictureOnly: picture,
  };
}

// ── the paragraphs of an article, as articlePages (issueParts.ts) and renderBlock (blocks.ts) write them ──

const hasText = (runs: Run[]): boolean => runs.some((r) => r.text.trim() !== '');

function layoutRuns(runs: Run[], role?: FontRole, bold = false): LayoutRun[] {
  return runs.map((run) => ({
    text: run.text,
    ...(bold || run.bold ? { bold: true } : {}),
    ...(run.italic ? { italic: true } : {}),
    ...(role ? { role } : {}),
    ...(run.superscript || run.subscript ? { script: true } : {}),
  }));
}

/** The size of superscript and subscript text: 65% of the run's, to the nearest half point (docx/layout's scripted). */
const scriptSize = (size: number): number => Math.ceil(size * 2 * 0.65 - 0.5 - 1e-9) / 2;

function layoutTable(block: TableBlock, textWidth: number): LayoutBlock[] {
  const rows = block.rows.filter((row) => row.length > 0);
  if (rows.length === 0) return [];
  if (rows.some((row) => row.some((cell) => (cell.rowSpan ?? 1) > 1))) throw new Unsupported('a table with cells merged down rows');
  // header rows repeat on every page the table goes on to, as long as they are its first rows (blocks.ts)
  let headerRows = 0;
  while (headerRows < rows.length && rows[headerRows].every((c) => c.header)) headerRows++;
  if (headerRows === rows.length) headerRows = 0;
  const widths = columnWidths(textWidth, tableColumnCount(rows));
  const table: LayoutBlock = {
    type: 'table',
    headerRows,
    rows: rows.map((row) => {
      let column = 0;
      return {
        cells: row.map((cell) => {
          const span = Math.max(1, cell.colSpan ?? 1);
          const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
          column += span;
          const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
          return { paragraphs: paragraphs.map((runs) => layoutRuns(runs, 'body', cell.header)), width };
        }),
      };
    }),
  };
  return [table, { type: 'paragraph', style: STYLE.tableText, runs: [] }];
}

/** A list's items as listParagraphs (blocks.ts) writes them: each numbered in its list, nested lists after their item. */
function listParagraphs(list: ListBlock, level: number): LayoutBlock[] {
  const depth = listDepth(level);
  return list.items.flatMap((item, index): LayoutBlock[] => [
    { type: 'paragraph', style: STYLE.listItem, runs: layoutRuns(item.runs, 'body'), list: { number: listNumberText(list, depth, index), ...listIndent(depth) } },
    ...(item.children ? listParagraphs(item.children, level + 1) : []),
  ]);
}

function blockParagraphs(block: Block, textWidth: number, figures?: FigureSizes): LayoutBlock[] {
  const paragraph = (p: LayoutParagraph): LayoutBlock[] => [{ type: 'paragraph', ...p }];
  switch (block.kind) {
    case 'heading':
      if (!hasText(block.runs)) return [];
      return paragraph({ style: STYLE.subHeading[block.level - 1], runs: layoutRuns(block.runs, block.level === 3 ? 'body' : 'heading') });
    case 'paragraph':
      if (!hasText(block.runs)) return [];
      return paragraph({
        style: STYLE.body,
        runs: layoutRuns(block.runs, 'body'),
        ...(block.align && block.align !== 'justify' ? { justified: false } : {}),
      });
    case 'quote':
      if (!hasText(block.runs)) return [];
      return paragraph({ style: STYLE.quote, runs: layoutRuns(block.runs, 'body') });
    case 'figure': {
      const size = block.src ? figures?.get(block) : null;
      if (size === undefined) throw new Unsupported('a picture of a size not known');
      const caption = block.caption.trim();
      return [
        ...(size ? paragraph({ style: STYLE.figure, runs: [], picture: size.height * POINTS_PER_PIXEL }) : []),
        ...(caption ? paragraph({ style: STYLE.caption, runs: [{ text: caption, role: 'body' }] }) : []),
      ];
    }
    case 'list':
      return listParagraphs(block, 0);
    case 'table':
      return layoutTable(block, textWidth);
  }
}

/** The blocks of an article's pages, in a text column this wide (twips), or Unsupported. */
export function articleBlocks(article: DocumentArticle, textWidth: number, figures?: FigureSizes): LayoutBlock[] {
  const out: LayoutBlock[] = [];
  const heading = (text: string): LayoutRun[] => [{ text, role: 'heading' }];
  const small = (text: string): LayoutRun[] => [{ text, role: 'body' }];
  const add = (p: LayoutParagraph): void => {
    out.push({ type: 'paragraph', ...p });
  };
  if (article.firstInColumn) add({ style: STYLE.column, runs: heading(LABELS.columnHeader(article.column)), pageBreakBefore: true });
  add({ style: STYLE.articleTitle, runs: heading(article.title), pageBreakBefore: !article.firstInColumn });
  if (article.source) add({ style: STYLE.articleSource, runs: small(LABELS.sourceLine(article.source)) });
  if (article.author) add({ style: STYLE.articleSource, runs: small(LABELS.authorLine(article.author)) });
  for (const block of article.blocks) out.push(...blockParagraphs(block, textWidth, figures));
  add({ style: STYLE.backToContents, runs: small(LABELS.backToContents) });
  return out;
}

// ── line breaking, as docx/layout's layoutLines breaks a paragraph of text ──

const EAST_ASIAN =
  /[\u1100-\u11ff\u2e80-\u2fff\u3000-\u30ff\u3130-\u318f\u31c0-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HANGUL = /\p{Script=Hangul}/u;
/** drawn in the East Asian font with the run's eastAsia hint, in a Chinese run */
const HINTED_EAST_ASIAN =
  /[\u00a1\u00a4\u00a7\u00a8\u00aa\u00ad\u00af\u00b0-\u00b4\u00b6-\u00ba\u00bc-\u00bf\u00d7\u00f7\u02b0-\u03cf\u0400-\u04ff\u2000-\u27bf\ue000-\uf8ff\ufb00-\ufb1c\u00e0\u00e1\u00e8-\u00ea\u00ec\u00ed\u00f2\u00f3\u00f9\u00fa\u00fc\u0100-\u02af\u1e00-\u1eff]/u;
const MARK = /\p{M}/u;
const SPACES = new Set([' ', '\u2002', '\u2003', '\u2005', '\u3000']);
const GLUE = new Set(['\u00a0', '\u202f', '\u2007', '\u2060', '\ufeff']);
const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);
const ZERO_WIDTH_SPACE = '\u200b';
/** Word's simplified-Chinese kinsoku lists */
const NO_LINE_START = new Set('!%),.:;?]}¢°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠');
const NO_LINE_END = new Set('$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥');
/**
 * Tabs, soft hyphens, joiners, combining marks and other characters a line keeps with their neighbours: where docx's
 * rules for them would be needed, the article is left to docx.
 */
const UNSUPPORTED_CHARACTER = /[\t\u00ad\u200c\u2028\u2029\p{Cc}]/u;

const breaksAround = (c: string): boolean => EAST_ASIAN.test(c) && !HANGUL.test(c);
const isExtender = (c: string): boolean => {
  const code = c.codePointAt(0)!;
  return MARK.test(c) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xe0020 && code <= 0xe007f);
};

const unsupportedCharacter = (c: string): boolean => UNSUPPORTED_CHARACTER.test(c) || isExtender(c);

/** Whether a line may break between two characters of text without spaces, by Word's rules for Chinese. */
function breaksBetween(before: string, after: string): boolean {
  const a = characterOf(after);
  const b = characterOf(before);
  if (a.extender || b.glue || a.glue) return false;
  const may = before === ZERO_WIDTH_SPACE || (b.dash && !a.digitOrHyphen) || b.breaksAround || a.breaksAround;
  return may && !a.noLineStart && !b.noLineEnd;
}

/** What the rules above ask of a character, worked out once per character: Chinese text repeats its characters. */
interface CharacterRules {
  unsupported: boolean;
  extender: boolean;
  glue: boolean;
  dash: boolean;
  digitOrHyphen: boolean;
  breaksAround: boolean;
  noLineStart: boolean;
  noLineEnd: boolean;
  /** drawn in the East Asian font (East Asian, or moved there by the eastAsia hint in a Chinese run) */
  eastAsia: boolean;
  space: boolean;
}

const characters = new Map<string, CharacterRules>();
const CHARACTERS_LIMIT = 50_000;

function characterOf(c: string): CharacterRules {
  let rules = characters.get(c);
  if (!rules) {
    if (characters.size >= CHARACTERS_LIMIT) characters.clear();
    rules = {
      unsupported: unsupportedCharacter(c),
      extender: isExtender(c),
      glue: GLUE.has(c),
      dash: DASHES.has(c),
      digitOrHyphen: /[\d-]/.test(c),
      breaksAround: c !== '' && breaksAround(c),
      noLineStart: NO_LINE_START.has(c),
      noLineEnd: NO_LINE_END.has(c),
      eastAsia: EAST_ASIAN.test(c) || HINTED_EAST_ASIAN.test(c),
      space: SPACES.has(c),
    };
    characters.set(c, rules);
  }
  return rules;
}

interface Face {
  name: string;
  size: number;
  bold: boolean;
  italic: boolean;
}

interface Piece {
  text: string;
  face: Face;
}

interface Token {
  space: boolean;
  pieces: Piece[];
}

/** The faces a paragraph's characters are measured in: its run's East Asian font or its Latin one, as Word picks. */
export interface Fonts {
  eastAsia: (role: FontRole) => string;
  latin: (role: FontRole) => string;
}

function tokensOf(runs: LayoutRun[], format: ParagraphFormat, fonts: Fonts): Token[] {
  const tokens: Token[] = [];
  let previous = '';
  const faces = new Map<string, Face>();
  const faceOf = (name: string, bold: boolean, italic: boolean, size: number): Face => {
    const key = `${name}|${bold}|${italic}|${size}`;
    let face = faces.get(key);
    if (!face) faces.set(key, (face = { name, size, bold, italic }));
    return face;
  };
  for (const run of runs) {
    const role = run.role ?? format.role;
    const bold = format.bold || run.bold === true;
    const italic = format.italic || run.italic === true;
    const size = run.script ? scriptSize(format.size) : format.size;
    const eastAsiaFace = faceOf(fonts.eastAsia(role), bold, italic, size);
    const latinFace = faceOf(fonts.latin(role), bold, italic, size);
    for (const c of run.text) {
      const rules = characterOf(c);
      if (rules.unsupported) throw new Unsupported('a tab or control character');
      const face = rules.eastAsia ? eastAsiaFace : latinFace;
      const space = rules.space;
      const last = tokens.at(-1);
      if (!last || last.space !== space || (!space && breaksBetween(previous, c))) {
        tokens.push({ space, pieces: [{ text: c, face }] });
      } else {
        const piece = last.pieces.at(-1)!;
        if (piece.face === face) piece.text += c;
        else last.pieces.push({ text: c, face });
      }
      previous = c;
    }
  }
  return tokens;
}

type Measure = (text: string, face: Face) => number;

const widthOf = (pieces: readonly Piece[], measure: Measure): number => pieces.reduce((w, p) => w + measure(p.text, p.face), 0);

/** How many lines a paragraph of text breaks into at a width (points), as docx/layout breaks it. */
export function lineCount(
  runs: LayoutRun[],
  format: ParagraphFormat,
  width: number,
  fonts: Fonts,
  measure: Measure,
  justified = format.justified,
  list?: LayoutParagraph['list'],
): number {
  const tokens = tokensOf(runs, format, fonts);
  // an indent in characters is in characters of the paragraph's first text, which is in the style's size here
  const firstLineIndent = list ? -list.hanging / 20 : format.firstLineChars !== 0 ? (format.firstLineChars / 100) * format.size : format.firstLine;
  const indentLeft = list ? list.left / 20 : format.indentLeft;
  if (list && (format.firstLineChars !== 0 || format.indentLeft !== 0)) throw new Unsupported('a list item in a style with indents');
  const limit = width - format.indentRight;
  let lines = 0;
  let first = true;
  const startOf = (): number => indentLeft + (first ? firstLineIndent : 0);
  // the state of the line being filled, as layoutLines keeps it
  let position = startOf();
  let end = position;
  let spaces = 0;
  let otherSpaces = 0;
  let started = false;
  let hasSpace = false;
  const wrap = (): void => {
    lines++;
    first = false;
    position = startOf();
    end = position;
    spaces = 0;
    otherSpaces = 0;
    started = false;
    hasSpace = false;
  };
  const squeezesIn = (tokenWidth: number): boolean => {
    if (!justified || spaces - otherSpaces <= TOLERANCE) return false;
    const over = position + tokenWidth - limit;
    const slack = limit - end;
    if (over / (spaces - otherSpaces) > MOST_SQUEEZE) return false;
    const between = spaces - (position - end);
    return between <= 0 || slack / between >= STRETCH_TO_SQUEEZE * (over / spaces);
  };
  const unsure = (tokenWidth: number): boolean =>
    justified && otherSpaces > 0 && hasSpace && position + tokenWidth - limit <= MOST_SQUEEZE * spaces;
  /** after a list number and its tab, the first word stays on the line whatever its width */
  let tabsOnly = false;
  if (list) {
    // the number, in the paragraph mark's fonts, then its tab: to the left indent, or past it to the next default stop
    position += widthOf(tokensOf([{ text: list.number }], format, fonts).flatMap((t) => t.pieces), measure);
    const stop = position < indentLeft - TOLERANCE ? indentLeft : (Math.floor((position + TOLERANCE) / DEFAULT_TAB_STOP) + 1) * DEFAULT_TAB_STOP;
    if (stop > limit + TOLERANCE) throw new Unsupported('a list number past the end of its line');
    position = stop;
    end = position;
    started = true;
    tabsOnly = true;
  }

  for (const token of tokens) {
    if (token.space) {
      const w = widthOf(token.pieces, measure);
      position += w;
      if (token.pieces.some((p) => p.text.includes(' '))) hasSpace = true;
      if (started) {
        spaces += w;
        otherSpaces += widthOf(
          token.pieces.map((p) => ({ text: p.text.replace(/ /g, ''), face: p.face })).filter((p) => p.text.length > 0),
          measure,
        );
      } else {
        spaces = 0;
        otherSpaces = 0;
      }
      continue;
    }
    const tokenWidth = widthOf(token.pieces, measure);
    const beyond = position + tokenWidth > limit + TOLERANCE;
    const overflows = started && beyond && !tabsOnly;
    tabsOnly = false;
    const squeezed = overflows && !unsure(tokenWidth) && squeezesIn(tokenWidth);
    if (overflows && !squeezed) wrap();
    if (!squeezed && position + tokenWidth > limit + TOLERANCE && limit - indentLeft > 0) {
      // a word longer than the line: broken between its characters
      let placed = false;
      let onLine: Piece[] = [];
      let from = position;
      for (const piece of token.pieces) {
        for (const c of piece.text) {
          const next = [...onLine, { text: c, face: piece.face }];
          if (placed && from + widthOf(next, measure) > limit + TOLERANCE && limit - indentLeft > 0) {
            wrap();
            onLine = [];
            from = position;
          }
          onLine = [...onLine, { text: c, face: piece.face }];
          position = from + widthOf(onLine, measure);
          placed = true;
        }
      }
    } else {
      position += tokenWidth;
    }
    end = position;
    started = true;
  }
  return lines + 1;
}

// ── pages, as docx/layout's paginate places paragraphs of exact line heights and tables of such paragraphs ──

export interface MeasuredParagraph {
  type: 'paragraph';
  lines: number;
  line: number;
  before: number;
  after: number;
  keepNext: boolean;
  keepLines: boolean;
  pageBreakBefore: boolean;
}

export interface MeasuredTable {
  type: 'table';
  /** each row's cells' paragraphs' line counts */
  rows: number[][][];
  line: number;
  /** how many of its first rows are header rows, repeated at the top of each page it goes on to */
  headerRows: number;
}

export type Measured = MeasuredParagraph | MeasuredTable;

/** Table borders (docx's default single 4: half a point) and cell margins above and below (40 twips each), in points */
const BORDER = 0.5;
const CELL_MARGINS = 4;

/** How many of a paragraph's remaining lines go on a page where `fits` of them fit (docx/layout's linesKept). */
function linesKept(total: number, fits: number, keepLines: boolean, isFirstLine: boolean): number {
  if (fits >= total) return total;
  if (keepLines && isFirstLine) return 0;
  if (total < 2) return fits;
  const withoutWidow = total - fits === 1 ? fits - 1 : fits;
  return isFirstLine && withoutWidow === 1 ? 0 : withoutWidow;
}

/** How many lines `line` tall fit in a room, summed line by line as docx/layout sums them. */
function linesIn(room: number, line: number, most: number): number {
  let fits = 0;
  let end = 0;
  while (fits < most && end + line <= room + TOLERANCE) {
    end += line;
    fits++;
  }
  return fits;
}

/** The height of each of a table's rows: its tallest cell, the cells' margins, the border above it and, for the last, below. */
const sumOf = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

const rowHeights = (table: MeasuredTable): number[] =>
  table.rows.map((cells, i) => BORDER + CELL_MARGINS + Math.max(0, ...cells.map(sumOf)) * table.line + (i === table.rows.length - 1 ? BORDER : 0));

/**
 * A cell's part of a row that breaks across pages (docx/layout's fillCell): its paragraphs' lines that fit in the room,
 * each paragraph's with widow control, up to the first that does not go on whole. `done` counts each paragraph's lines
 * placed before; it gives the lines placed on this page, and the counts placed after it.
 */
function fillCell(lines: readonly number[], done: readonly number[], room: number, line: number): { placed: number; done: number[] } {
  let used = 0;
  const after = [...done];
  for (const [k, total] of lines.entries()) {
    const remaining = total - done[k];
    if (remaining === 0) continue;
    const count = linesKept(remaining, linesIn(room - used, line, remaining), false, done[k] === 0);
    used += count * line;
    after[k] += count;
    if (count < remaining) break;
  }
  return { placed: Math.round(used / line), done: after };
}

/** The pages blocks take from the top of a new page. */
export function pagesOf(blocks: readonly Measured[], bodyHeight: number): number {
  const bottom = bodyHeight;
  let pages = 1;
  let position = 0;
  let placedInColumn = false;
  let spaceAfter = 0;
  const startPage = (): void => {
    pages++;
    position = 0;
    placedInColumn = false;
    spaceAfter = 0;
    pageFirst = undefined;
  };
  const keptChain = (index: number): number => {
    let chain = 0;
    for (;;) {
      const block = blocks[index + chain];
      if (block.type !== 'paragraph' || !block.keepNext || index + chain + 1 >= blocks.length) return chain;
      chain++;
    }
  };
  /** the room the paragraphs kept with the next need, with the first lines (or row) of the block they are kept with */
  const keptHeight = (index: number): number => {
    const chain = keptChain(index);
    let height = 0;
    let lastAfter = spaceAfter;
    for (let k = 0; k < chain; k++) {
      const p = blocks[index + k] as MeasuredParagraph;
      height += p.lines * p.line + (k === 0 ? Math.max(spaceAfter, p.before) : Math.max(lastAfter, p.before));
      lastAfter = p.after;
    }
    const next = blocks[index + chain];
    if (next.type === 'table') return height + lastAfter + rowHeights(next)[0];
    const firstLines = next.keepLines || next.lines <= 3 ? next.lines : 2;
    return height + Math.max(lastAfter, next.before) + firstLines * next.line;
  };

  const placeParagraph = (p: MeasuredParagraph): void => {
    if (p.pageBreakBefore && placedInColumn) startPage();
    let done = 0;
    for (;;) {
      const isFirstLine = done === 0;
      const above = isFirstLine && placedInColumn ? Math.max(spaceAfter, p.before) : 0;
      const remaining = p.lines - done;
      const fits = linesIn(bottom - position - above, p.line, remaining);
      let count = linesKept(remaining, fits, p.keepLines, isFirstLine);
      if (count === 0 && !placedInColumn) count = Math.max(1, fits);
      if (count > 0) {
        position += above + count * p.line;
        spaceAfter = 0;
        placed();
        done += count;
      }
      if (done >= p.lines) break;
      startPage();
    }
    spaceAfter = p.after;
  };

  /** Thrown to lay the blocks out again from one (`index`), which starts the next page */
  class StartsNextPage {
    constructor(
      readonly index: number,
      readonly page: number,
    ) {}
  }
  /** Thrown to lay a table out again from the top of the next page */
  class TableOnNextPage {}
  /** the first block placed on the page being filled */
  let pageFirst: number | undefined;
  let blockIndex = 0;
  const placed = (): void => {
    pageFirst ??= blockIndex;
    placedInColumn = true;
  };

  const placeTable = (table: MeasuredTable, onNextPage: boolean): void => {
    const heights = rowHeights(table);
    const headerRows = table.headerRows;
    const repeated = heights.slice(0, headerRows).reduce((a, b) => a + b, 0);
    position += spaceAfter;
    spaceAfter = 0;
    /** the page the table starts on below other blocks, when it has header rows: they may not stay there alone */
    const below = !onNextPage && placedInColumn && headerRows > 0 ? pages : undefined;
    let bodyRowsOnPage = false;
    /** the next page, with the header rows again above the rows that go on (docx/layout's startTablePage) */
    const startTablePage = (index: number): void => {
      if (below === pages && index >= headerRows && !bodyRowsOnPage) {
        // the header rows would be alone at the foot of the page: the table, with what is kept with it, moves on
        let kept = blockIndex;
        while (kept > 0 && blocks[kept - 1].type === 'paragraph' && (blocks[kept - 1] as MeasuredParagraph).keepNext) kept--;
        if (kept < blockIndex && pageFirst !== undefined && pageFirst < kept) throw new StartsNextPage(kept, pages);
        // (docx guesses where what is kept with the table starts the page: the table alone moves on)
        throw new TableOnNextPage();
      }
      startPage();
      bodyRowsOnPage = false;
      if (index >= headerRows) position += repeated;
    };
    if (onNextPage) startTablePage(0);
    table.rows.forEach((cells, index) => {
      const last = index === table.rows.length - 1;
      const breakBorder = last ? 0 : BORDER;
      const height = heights[index];
      if (position + height + breakBorder <= bottom + TOLERANCE) {
        position += height;
        placed();
        if (index >= headerRows) bodyRowsOnPage = true;
        return;
      }
      // the row breaks across pages: each cell's lines that fit, with widow control, as long as every cell has one
      const borders = BORDER + (last ? BORDER : 0);
      /** each cell's paragraphs' lines placed so far */
      let done = cells.map((paragraphs) => paragraphs.map(() => 0));
      let isFirstPart = true;
      for (;;) {
        const roomAbove = bottom - position - borders - breakBorder;
        const parts = cells.map((paragraphs, cell) => fillCell(paragraphs, done[cell], roomAbove - CELL_MARGINS, table.line));
        const left = (cell: number, counts: readonly number[]) => sumOf(cells[cell]) - sumOf(counts);
        const isLastPart = parts.every((part, cell) => left(cell, part.done) === 0);
        const filled = parts.map((part) => part.placed);
        const tallest = CELL_MARGINS + Math.max(0, ...filled) * table.line;
        const placesLines =
          (!isFirstPart || (isLastPart ? height - borders : 0) <= roomAbove + TOLERANCE) &&
          filled.some((n) => n > 0) &&
          done.every((counts, cell) => left(cell, counts) === 0 || filled[cell] > 0);
        if (!placesLines && !placedInColumn) throw new Unsupported('a table row taller than a page');
        if (!placesLines) {
          startTablePage(index);
          continue;
        }
        position += isLastPart ? (isFirstPart ? height - borders : tallest) + borders : tallest + borders + breakBorder;
        placed();
        if (index >= headerRows) bodyRowsOnPage = true;
        if (isLastPart) return;
        done = parts.map((part) => part.done);
        isFirstPart = false;
        startTablePage(index);
      }
    });
  };

  const snapshot = () => ({ pages, position, placedInColumn, spaceAfter, pageFirst });
  type Snapshot = ReturnType<typeof snapshot>;
  const restore = (state: Snapshot): void => {
    ({ pages, position, placedInColumn, spaceAfter, pageFirst } = state);
  };
  const snapshots: Snapshot[] = [];
  /** blocks that start the next page when they are placed on this one, by index, once a table's header rows moved them on */
  const startsNextPage = new Map<number, number>();
  let tableOnNextPage = false;
  for (blockIndex = 0; blockIndex < blocks.length; blockIndex++) {
    const block = blocks[blockIndex];
    snapshots[blockIndex] = snapshot();
    try {
      if (startsNextPage.get(blockIndex) === pages) startPage();
      if (block.type === 'table') {
        const onNextPage = tableOnNextPage;
        tableOnNextPage = false;
        placeTable(block, onNextPage);
        continue;
      }
      if (block.keepNext && placedInColumn) {
        const kept = keptHeight(blockIndex);
        if (position + kept > bottom + TOLERANCE && kept <= bottom + TOLERANCE) startPage();
      }
      placeParagraph(block);
    } catch (error) {
      if (error instanceof TableOnNextPage) {
        if (tableOnNextPage) throw new Unsupported('a table that does not settle');
        restore(snapshots[blockIndex]);
        tableOnNextPage = true;
        blockIndex--;
        continue;
      }
      if (error instanceof StartsNextPage) {
        if (startsNextPage.has(error.index)) throw new Unsupported('a table that does not settle');
        restore(snapshots[error.index]);
        startsNextPage.set(error.index, error.page);
        blockIndex = error.index - 1;
        continue;
      }
      throw error;
    }
  }
  return pages;
}

export interface FastLayout {
  /**
   * the pages of an article, each starting on a new page, its figures' pictures of the sizes they are written at;
   * null when it has content this layout leaves to docx
   */
  articlePages(article: DocumentArticle, figures?: FigureSizes): number | null;
  /**
   * About how many pages 本期视点 and the TOC take with these page numbers: where docx's estimate of the front matter
   * starts settling (a TOC entry's tab and leader are taken as a space); null when it has content this layout leaves
   */
  frontMatterPages(doc: IssueDocument, pageOf: (anchor: string) => number): number | null;
}

/** 本期视点 and the TOC as viewpointPages and tocPages (issueParts.ts) write them, each starting on a new page. */
export function frontMatterBlocks(doc: IssueDocument, pageOf: (anchor: string) => number): LayoutBlock[][] {
  const [before, after] = pageRefParts();
  const heading = (text: string): LayoutRun[] => [{ text, role: 'heading' }];
  const body = (text: string, bold = false): LayoutRun[] => [{ text, role: 'body', ...(bold ? { bold: true } : {}) }];
  const viewpoint: LayoutBlock[] = [
    { type: 'paragraph', style: STYLE.frontHeading, runs: heading(LABELS.viewpointHeading) },
    { type: 'paragraph', style: STYLE.readingNote, runs: body(doc.readingNote) },
  ];
  const toc: LayoutBlock[] = [{ type: 'paragraph', style: STYLE.frontHeading, runs: heading(LABELS.tocHeading), pageBreakBefore: true }];
  for (const column of doc.viewpoint) {
    viewpoint.push({ type: 'paragraph', style: STYLE.viewpointColumn, runs: heading(LABELS.columnHeader(column.column)) });
    toc.push({ type: 'paragraph', style: STYLE.tocColumn, runs: heading(LABELS.columnHeader(column.column)) });
    for (const entry of column.entries) {
      const page = String(pageOf(entry.anchor));
      viewpoint.push({
        type: 'paragraph',
        style: STYLE.viewpointEntry,
        runs: [...body(`▶ ${entry.title}`, true), ...body(`${LABELS.viewpointSource(entry.source)}${before}${page}${after}`)],
      });
      if (entry.summary.trim()) {
        viewpoint.push({ type: 'paragraph', style: STYLE.viewpointSummary, runs: [...body(LABELS.summaryMark, true), ...body(entry.summary.trim())] });
      }
      toc.push({ type: 'paragraph', style: STYLE.tocEntry, runs: body(`${entry.title} ${page}`) });
    }
  }
  return [viewpoint, toc];
}

/** A layout of article pages in the issue's styles, page setup and fonts, measuring with the width table. */
export function fastLayout(styles: IStylesOptions, fonts: DocxFonts, setup: PageSetup, widths: TableWidths): FastLayout {
  const formats = paragraphFormats(styles, fonts);
  const textWidth = setup.width - setup.margin.left - setup.margin.right;
  const bodyHeight = (setup.height - setup.margin.top - setup.margin.bottom) / 20;
  const faceFonts: Fonts = {
    eastAsia: (role) => String(runFonts(fonts, role).eastAsia),
    latin: (role) => String(runFonts(fonts, role).ascii),
  };
  const measure: Measure = (text, face) => widths.measureWidth(text, face);
  const formatOf = (style: string): ParagraphFormat => {
    const format = formats.get(style);
    if (!format) throw new Unsupported(`style ${style}`);
    return format;
  };
  const tableText = (): ParagraphFormat => formatOf(STYLE.tableText);
  const measureBlocks = (blocks: LayoutBlock[]): Measured[] =>
    blocks.map((block): Measured => {
          if (block.type === 'table') {
            const format = tableText();
            if (format.before !== 0 || format.after !== 0 || format.keepNext) throw new Unsupported('table text with space around it');
            return {
              type: 'table',
              line: format.line,
              headerRows: block.headerRows,
              rows: block.rows.map((row) =>
                row.cells.map((cell) => cell.paragraphs.map((runs) => lineCount(runs, format, (cell.width - 160) / 20, faceFonts, measure))),
              ),
            };
          }
          const format = formatOf(block.style);
          if (format.pictureOnly !== (block.picture !== undefined)) throw new Unsupported(`a paragraph in ${block.style}`);
          if (block.picture !== undefined && block.picture < SHORTEST_PICTURE) throw new Unsupported('a picture shorter than a line');
          return {
            type: 'paragraph',
            lines:
              block.picture !== undefined
                ? 1
                : lineCount(block.runs, format, textWidth / 20, faceFonts, measure, block.justified ?? format.justified, block.list),
            line: block.picture ?? format.line,
            before: format.before,
            after: format.after,
            keepNext: format.keepNext,
            keepLines: format.keepLines,
            pageBreakBefore: block.pageBreakBefore === true,
          };
        });
  /** what a layout gives, or null where it leaves the content to docx */
  const orNull = <T,>(layOut: () => T): T | null => {
    try {
      return layOut();
    } catch (error) {
      if (error instanceof Unsupported || error instanceof TableMiss) return null;
      throw error;
    }
  };
  return {
    articlePages: (article, figures) => orNull(() => pagesOf(measureBlocks(articleBlocks(article, textWidth, figures)), bodyHeight)),
    frontMatterPages: (doc, pageOf) =>
      orNull(() => frontMatterBlocks(doc, pageOf).reduce((pages, blocks) => pages + pagesOf(measureBlocks(blocks), bodyHeight), 0)),
  };
}
