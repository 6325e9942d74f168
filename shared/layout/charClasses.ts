// Character classes from W3C clreq ("Requirements for Chinese Text Layout") and GB/T 15834,
// as the line breaker needs them. Classes are for Simplified Chinese fonts (Noto SC): the
// ink of 。，、；：？ and closing brackets sits in the left half of the em box.

/** Never at the start of a line (clreq strict: closing marks, pause/stop marks, connectors). */
const LINE_START_PROHIBITED = new Set([
  ...'、，；：。！？”’）》〉」』】〕〗〙〛｝］…—‥·・〜～％‰℃',
  ...'!),.:;?]}%',
  '\u00b7', // middle dot
  '\u2027',
  '\u30fc',
  '\uff09',
]);

/** Never at the end of a line: opening brackets and quotes. */
const LINE_END_PROHIBITED = new Set([...'“‘（《〈「『【〔〖〘〚｛［', ...'([{']);

/** Full-width marks with a blank right half: may be set half-width (closing, pause, stop). */
const CLOSING_COMPRESSIBLE = new Set([...'，。、；：”’）》〉」』】〕〗〙〛｝］']);

/** Full-width opening marks with a blank left half. */
const OPENING_COMPRESSIBLE = new Set([...'“‘（《〈「『【〔〖〘〚｛［']);

/** Marks that come in pairs and must not be split: —— and …… */
const DOUBLED = new Set(['—', '…']);

/** Units that stay with the number before them (3000 元, 85.2%, 2024年). */
const UNITS = new Set([...'元角分年月日时分秒号个家人次万亿千百余多倍项条款名例台张件所床岁周天期批类种座辆份位户％%‰℃']);

/** Per BMP code point: which of the sets above it is in (bits below); the line breaker asks for every character. */
export const CHAR = { startProhibited: 1, endProhibited: 2, closing: 4, opening: 8, doubled: 16, unit: 32 } as const;

const FLAGS = new Uint8Array(0x10000);
const mark = (set: Set<string>, bit: number): void => {
  for (const ch of set) FLAGS[ch.charCodeAt(0)] |= bit;
};
mark(LINE_START_PROHIBITED, CHAR.startProhibited);
mark(LINE_END_PROHIBITED, CHAR.endProhibited);
mark(CLOSING_COMPRESSIBLE, CHAR.closing);
mark(OPENING_COMPRESSIBLE, CHAR.opening);
mark(DOUBLED, CHAR.doubled);
mark(UNITS, CHAR.unit);

/** The classes of code point `cp` (CHAR bits; none outside the BMP). */
export function charFlags(cp: number): number {
  return cp < 0x10000 ? FLAGS[cp] : 0;
}

export function isLineStartProhibited(ch: string): boolean {
  return LINE_START_PROHIBITED.has(ch);
}

export function isLineEndProhibited(ch: string): boolean {
  return LINE_END_PROHIBITED.has(ch);
}

export function isClosingCompressible(ch: string): boolean {
  return CLOSING_COMPRESSIBLE.has(ch);
}

export function isOpeningCompressible(ch: string): boolean {
  return OPENING_COMPRESSIBLE.has(ch);
}

export function isDoubledMark(ch: string): boolean {
  return DOUBLED.has(ch);
}

export function isUnit(ch: string): boolean {
  return UNITS.has(ch);
}

/** Han ideographs, kana, Hangul, full-width forms and CJK punctuation: each one is its own break unit. */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) || // radicals, CJK symbols & punctuation, kana, CJK unified
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0x2460 && cp <= 0x24ff) || // circled numbers ①
    cp === 0x2014 || // —
    cp === 0x2026 || // …
    cp === 0x201c ||
    cp === 0x201d ||
    cp === 0x2018 ||
    cp === 0x2019 ||
    cp === 0x00b7
  );
}

export function isHan(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

/** Latin letters and digits: get a quarter-em from adjacent Han. */
export function isAlnum(ch: string): boolean {
  return isAlnumCode(ch.charCodeAt(0));
}

export function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x3ff);
}

/** White space a clipping may carry: ASCII and Unicode spaces, including the ideographic space. */
export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0d || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200b) || cp === 0x202f || cp === 0x205f || cp === 0x0c;
}
