// The line breaker reads each character's classes from one table by code point; the table must say
// exactly what the clreq sets say for every BMP character, and nothing outside the BMP.
import { describe, expect, it } from 'vitest';
import {
  CHAR,
  charFlags,
  isAlnum,
  isAlnumCode,
  isClosingCompressible,
  isDoubledMark,
  isLineEndProhibited,
  isLineStartProhibited,
  isOpeningCompressible,
  isUnit,
} from '../../../../shared/layout/charClasses';

describe('charFlags', () => {
  it('gives every BMP character the classes of the clreq sets', () => {
    const wrong: string[] = [];
    let marked = 0;
    for (let cp = 0; cp < 0x10000; cp++) {
      const ch = String.fromCharCode(cp);
      const f = charFlags(cp);
      const expected =
        (isLineStartProhibited(ch) ? CHAR.startProhibited : 0) |
        (isLineEndProhibited(ch) ? CHAR.endProhibited : 0) |
        (isClosingCompressible(ch) ? CHAR.closing : 0) |
        (isOpeningCompressible(ch) ? CHAR.opening : 0) |
        (isDoubledMark(ch) ? CHAR.doubled : 0) |
        (isUnit(ch) ? CHAR.unit : 0);
      if (f !== expected) wrong.push(ch);
      if (f !== 0) marked++;
      if (isAlnumCode(cp) !== isAlnum(ch)) wrong.push(`alnum ${ch}`);
    }
    expect(wrong).toEqual([]);
    expect(marked).toBeGreaterThan(80);
    expect(charFlags('，'.charCodeAt(0)) & CHAR.closing).toBeTruthy();
    expect(charFlags('年'.charCodeAt(0)) & CHAR.unit).toBeTruthy();
  });

  it('marks nothing outside the BMP', () => {
    expect(charFlags(0x20bb7)).toBe(0);
    expect(isAlnumCode(0x1d400)).toBe(false);
  });
});
