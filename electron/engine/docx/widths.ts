// Text widths for docx's page estimate, looked up in a table instead of worked out again on every call.
//
// docx/layout's default measurer works each width out anew from its width tables on every call (it finds the font
// by name among all its aliases and decodes its tables each time), and a Chinese paragraph asks for the width of
// every character: that was most of the time of a DOCX export. The widths never change, so `widthTable.json` holds
// them for the faces the issue uses, measured from lines docx itself lays out (`probeWidths`, run by
// generateWidthTable.ts), and `TableWidths` gives them back to the estimate through docx's public `measureWidth`
// option: the same numbers, from a lookup.
import { Document, Paragraph, TextRun } from 'docx';
import { layoutDocument, type FontToMeasure, type MeasureWidth } from 'docx/layout';
import tableJson from './widthTable.json';

/** Size of the probe text in points: large, so that pixel widths carry every digit of docx's widths. */
const PROBE_SIZE = 100;
const PX_PER_PT = 96 / 72;
/** Each probed character sits between two of these, so that spaces, which a line's width leaves out at its end, count. */
const FENCE = '|';

export type Face = Pick<FontToMeasure, 'name' | 'bold' | 'italic'>;

export interface WidthTable {
  /** the characters of every face's `widths`, in order */
  characters: string;
  faces: Record<string, { widths: number[]; wide?: number }>;
}

const range = (from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** Characters the table holds: ASCII, Latin-1, general punctuation, and the arrows and shapes Chinese text uses. */
export const TABLE_CHARACTERS: readonly string[] = [
  ...range(0x20, 0x7e),
  ...range(0xa0, 0xff),
  ...range(0x2000, 0x206f),
  ...range(0x2190, 0x2199),
  ...range(0x2460, 0x2473),
  ...range(0x25a0, 0x25cf),
  ...range(0x2605, 0x2606),
];

/** Full-width characters of several kinds: a face gives them all one width when it measures full width alike. */
export const WIDE_SAMPLE: readonly string[] = [...'中文。，、（）《》：；！？“”　Ａ１ー한'];

export const faceKey = (face: Face): string => `${face.name}|${face.bold ? 'b' : ''}|${face.italic ? 'i' : ''}`;

/** Full width as docx's layout counts it (East Asian ideographs, kana, Hangul, full-width forms, emoji). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x1f300
  );
}

const TAKES_NO_ROOM = /[\p{Mn}\p{Me}\p{Cf}]/u;

/**
 * The width of each character in a face, in ems, as docx's layout measures it: the text width of a line `|c|` less
 * that of `||`, each a paragraph of its own on a page wide enough for one line. Undefined for a character whose line
 * docx did not lay out. About a millisecond a character: for tables and the odd character they lack, not for text.
 */
export function probeWidths(face: Face, characters: readonly string[]): Map<string, number | undefined> {
  const font = { ascii: face.name, hAnsi: face.name, eastAsia: face.name, cs: face.name };
  const texts = [FENCE + FENCE, ...characters.map((c) => FENCE + c + FENCE)];
  const document = new Document({
    sections: [
      {
        properties: { page: { size: { width: 31680, height: 31680 }, margin: { top: 0, bottom: 0, left: 0, right: 0 } } },
        children: texts.map(
          (text) =>
            new Paragraph({
              spacing: { before: 0, after: 0 },
              children: [new TextRun({ text, font, size: PROBE_SIZE * 2, bold: face.bold, italics: face.italic })],
            }),
        ),
      },
    ],
  });
  const widths = new Map<number, number>();
  for (const page of layoutDocument(document, { guess: true }).pages) {
    for (const block of page.body) {
      if (block.type === 'paragraph' && block.lines.length === 1) {
        widths.set(block.index, block.lines[0].textWidth / PX_PER_PT / PROBE_SIZE);
      }
    }
  }
  const fences = widths.get(0);
  const out = new Map<string, number | undefined>();
  characters.forEach((c, i) => {
    const w = widths.get(i + 1);
    out.set(c, fences === undefined || w === undefined ? undefined : w - fences);
  });
  return out;
}

interface FaceWidths {
  ems: Map<string, number | undefined>;
  wide?: number;
}

function facesOf(table: WidthTable): Map<string, FaceWidths> {
  const characters = [...table.characters];
  const faces = new Map<string, FaceWidths>();
  for (const [key, { widths, wide }] of Object.entries(table.faces)) {
    faces.set(key, { ems: new Map(characters.map((c, i) => [c, widths[i]])), ...(wide !== undefined ? { wide } : {}) });
  }
  return faces;
}

/** Thrown out of docx's layout at text the table cannot measure, so it stops at once instead of finishing wrong. */
export class TableMiss extends Error {
  constructor(readonly face: string) {
    super(`text the width table cannot measure, in ${face}`);
  }
}

/** Past this many remembered texts the memo starts again, so a long-running app does not grow without end. */
const MEMO_LIMIT = 200_000;

/**
 * A `measureWidth` for `estimatePageNumbersWith` that gives docx's own widths from the table: a character the table
 * lacks in a face it has is probed once and kept. At text in a face the table does not have (a configured font) or
 * a character that could not be probed it throws `TableMiss`, and `failed` turns true: the caller then estimates
 * with docx's own measurer.
 */
export class TableWidths {
  private readonly faces: Map<string, FaceWidths>;
  private readonly memo = new Map<string, number>();
  failed = false;

  private miss(face: string): never {
    this.failed = true;
    throw new TableMiss(face);
  }

  constructor(table: WidthTable = tableJson as WidthTable) {
    this.faces = facesOf(table);
  }

  readonly measureWidth: MeasureWidth = (text, font) => {
    const face = faceKey(font);
    const key = `${face}|${font.size}|${text}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const widths = this.faces.get(face);
    if (!widths) this.miss(face);
    let ems = 0;
    let missing: string[] | undefined;
    for (const c of text) {
      const em = this.emOf(widths, c);
      if (em === undefined) (missing ??= []).push(c);
      else ems += em;
    }
    if (missing) {
      for (const [c, w] of probeWidths(font, [...new Set(missing)])) widths.ems.set(c, w);
      if (missing.some((c) => widths.ems.get(c) === undefined)) this.miss(face);
      return this.measureWidth(text, font);
    }
    const width = ems * font.size;
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, width);
    return width;
  };

  private emOf(widths: FaceWidths, c: string): number | undefined {
    const em = widths.ems.get(c);
    if (em !== undefined || widths.ems.has(c)) return em;
    if (widths.wide !== undefined && isWide(c.codePointAt(0)!) && !TAKES_NO_ROOM.test(c)) return widths.wide;
    return undefined;
  }
}
