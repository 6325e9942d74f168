// Images of a web page saved to disk ("网页，全部": page.html + page_files/…): read them from beside the
// page and keep them as data: URLs, so the clipping does not depend on the folder staying in place.
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { imageDataUrl } from './images';
import { LIMITS } from './limits';

export function localImageReader(folder: string): (relativePath: string) => string | null {
  const root = resolve(folder);
  return (relativePath) => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(relativePath.split(/[?#]/)[0]);
    } catch {
      return null;
    }
    const path = resolve(root, decoded);
    const rel = relative(root, path);
    // Only files inside the page's folder: a clipping must not read arbitrary files.
    if (rel.startsWith('..') || isAbsolute(rel)) return null;
    try {
      const s = statSync(path);
      if (!s.isFile() || s.size > LIMITS.maxImageBytes) return null;
      return imageDataUrl(readFileSync(path));
    } catch {
      return null;
    }
  };
}
