// Reads a .docx back for tests: its parts, parsed as XML (which fails on malformed XML), and the things the
// exporter promises: bookmarks, PAGEREF fields with their cached results, hyperlinks and the runs' fonts.
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';

const { DOMParser } = new JSDOM('').window;

export function docxParts(docx: Uint8Array): Record<string, string> {
  const parts = unzipSync(docx);
  return Object.fromEntries(
    Object.entries(parts)
      .filter(([name]) => /\.(xml|rels)$/.test(name))
      .map(([name, bytes]) => [name, strFromU8(bytes)]),
  );
}

export function docxMedia(docx: Uint8Array): string[] {
  return Object.keys(unzipSync(docx)).filter((name) => name.startsWith('word/media/'));
}

export function parseXml(xml: string, name = 'part'): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${name} is not well-formed XML: ${error.textContent}`);
  return doc;
}

const all = (root: Document | Element, tag: string): Element[] => [...root.getElementsByTagName(tag)];
const attr = (el: Element, name: string): string | null => el.getAttribute(name);

export interface BookmarkInfo {
  name: string;
  /** text of the paragraph the bookmark starts in */
  paragraphText: string;
  /** style id of that paragraph */
  paragraphStyle: string | null;
}

export function paragraphText(p: Element): string {
  return all(p, 'w:t')
    .map((t) => t.textContent ?? '')
    .join('');
}

export function paragraphStyle(p: Element): string | null {
  const style = all(p, 'w:pStyle')[0];
  return style ? attr(style, 'w:val') : null;
}

export function bookmarks(doc: Document): BookmarkInfo[] {
  return all(doc, 'w:bookmarkStart').map((b) => {
    let p: Element = b;
    while (p.tagName !== 'w:p' && p.parentElement) p = p.parentElement;
    return { name: attr(b, 'w:name') ?? '', paragraphText: paragraphText(p), paragraphStyle: paragraphStyle(p) };
  });
}

export interface PageRefField {
  bookmark: string;
  instruction: string;
  /** the result written in the field: what Word and LibreOffice show before any update */
  cached: string;
  /** text of the paragraph the field is in */
  paragraphText: string;
}

/** Complex fields (fldChar begin / instrText / separate / result / end) that are PAGEREFs, in document order. */
export function pageRefs(doc: Document): PageRefField[] {
  const out: PageRefField[] = [];
  for (const p of all(doc, 'w:p')) {
    let instruction = '';
    let result = '';
    let state: 'none' | 'code' | 'result' = 'none';
    for (const el of all(p, '*')) {
      if (el.tagName === 'w:fldChar') {
        const type = attr(el, 'w:fldCharType');
        if (type === 'begin') {
          state = 'code';
          instruction = '';
          result = '';
        } else if (type === 'separate') state = 'result';
        else if (type === 'end') {
          const match = /^\s*PAGEREF\s+(\S+)/.exec(instruction);
          if (match) out.push({ bookmark: match[1], instruction: instruction.trim(), cached: result, paragraphText: paragraphText(p) });
          state = 'none';
        }
      } else if (el.tagName === 'w:instrText' && state === 'code') instruction += el.textContent ?? '';
      else if (el.tagName === 'w:t' && state === 'result') result += el.textContent ?? '';
    }
  }
  return out;
}

export interface HyperlinkInfo {
  anchor: string | null;
  relationshipId: string | null;
  text: string;
  /** character style of each run in the link */
  runStyles: Array<string | null>;
}

export function hyperlinks(doc: Document): HyperlinkInfo[] {
  return all(doc, 'w:hyperlink').map((h) => ({
    anchor: attr(h, 'w:anchor'),
    relationshipId: attr(h, 'r:id'),
    text: paragraphText(h),
    runStyles: all(h, 'w:r').map((r) => {
      const style = all(r, 'w:rStyle')[0];
      return style ? attr(style, 'w:val') : null;
    }),
  }));
}

/** Runs that draw text (w:t) without naming an East Asian font in their own properties. */
export function runsWithoutEastAsiaFont(doc: Document): string[] {
  return all(doc, 'w:r')
    .filter((r) => all(r, 'w:t').some((t) => (t.textContent ?? '') !== ''))
    .filter((r) => {
      const fonts = all(r, 'w:rFonts')[0];
      return !fonts || !attr(fonts, 'w:eastAsia');
    })
    .map((r) => paragraphText(r));
}

export function styleById(styles: Document, id: string): Element | undefined {
  return all(styles, 'w:style').find((s) => attr(s, 'w:styleId') === id);
}

export function childVal(el: Element | undefined, tag: string): string | null | undefined {
  if (!el) return undefined;
  const child = all(el, tag)[0];
  return child ? attr(child, 'w:val') : undefined;
}

export function body(doc: Document): Element[] {
  return all(doc, 'w:p');
}
