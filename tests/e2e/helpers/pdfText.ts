// Read an exported PDF back with poppler's pdftotext: one string per page, whitespace-free
// variants for matching CJK text that the layout justified or wrapped.
import { execFileSync } from 'node:child_process';

export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

export const squash = (s: string): string => s.replace(/\s+/g, '');

export interface ViewpointEntry {
  title: string;
  page: number;
}

/**
 * The page number printed after each title on the 本期视点 pages: `▶ 标题（来源：…）——第 N 页`.
 * Titles are given (from the app); the PDF text is matched without whitespace.
 */
export function viewpointEntries(pages: string[], titles: string[]): ViewpointEntry[] {
  const start = pages.findIndex((p) => squash(p).includes('——本期视点——'));
  if (start < 0) throw new Error('no 本期视点 page in the PDF');
  const text = squash(pages.slice(start, start + 8).join(''));
  return titles.map((title) => {
    const at = text.indexOf(squash(title));
    if (at < 0) throw new Error(`本期视点 lacks “${title}”`);
    const m = /——第(\d+)页/.exec(text.slice(at));
    if (!m) throw new Error(`no page number after “${title}”`);
    return { title, page: Number(m[1]) };
  });
}
