// Where the faces live: Noto Serif SC / Noto Sans SC from npm (@expo-google-fonts), plus one
// system face for characters Noto lacks, when the machine has one.
import { existsSync, readFile } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { FontKey } from '../../../shared/layout/types';
import { UserFacingError } from '../../../shared/errors';

// Not named `require`: electron-vite's bundle declares its own `require` at the top level.
const requireFromHere = createRequire(import.meta.url);

const NPM_FACES: Record<Exclude<FontKey, 'extra'>, { pkg: string; file: string }> = {
  serif: { pkg: '@expo-google-fonts/noto-serif-sc', file: '400Regular/NotoSerifSC_400Regular.ttf' },
  serifBold: { pkg: '@expo-google-fonts/noto-serif-sc', file: '700Bold/NotoSerifSC_700Bold.ttf' },
  sans: { pkg: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  sansBold: { pkg: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
};

/**
 * The packaged app carries the faces as extra resources (electron-builder.yml), laid out as
 * `<dir>/noto-serif-sc/400Regular/…`; main names that folder in WEEKLY_DESK_FONTS_DIR.
 */
function bundledFontPath(face: { pkg: string; file: string }): string | null {
  const dir = process.env.WEEKLY_DESK_FONTS_DIR;
  if (!dir) return null;
  const file = path.join(dir, face.pkg.replace('@expo-google-fonts/', ''), face.file);
  return existsSync(file) ? file : null;
}

/** Wide-coverage faces tried, in order, for characters Noto SC lacks (symbols, accented Latin, Greek…). */
const EXTRA_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/System/Library/Fonts/Supplemental/Arial Unicode.ttf',
  'C:\\Windows\\Fonts\\seguisym.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
];

export function npmFontPath(key: Exclude<FontKey, 'extra'>): string {
  const face = NPM_FACES[key];
  const bundled = bundledFontPath(face);
  if (bundled) return bundled;
  let dir: string;
  try {
    dir = path.dirname(requireFromHere.resolve(`${face.pkg}/package.json`));
  } catch {
    throw new UserFacingError('FONT_MISSING', `找不到字体包 ${face.pkg}，请运行 npm install`, `Font package ${face.pkg} is not installed (run npm install)`);
  }
  const file = path.join(dir, face.file);
  if (!existsSync(file)) {
    throw new UserFacingError('FONT_MISSING', `字体文件缺失：${file}`, `Font file missing: ${file}`);
  }
  return file;
}

export function extraFontPath(): string | null {
  return EXTRA_CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const prefetched = new Map<string, Buffer>();
/** files asked for once: never read ahead again (a taken face stays parsed in the font set) */
const asked = new Set<string>();

/**
 * Starts reading the faces a PDF will surely need (body text, titles) on the thread pool, so the layout
 * does not wait for 10+ MB files on its own thread when it first measures them. A face not read in
 * time is read when asked for, as before.
 */
export function prefetchFaces(keys: Array<Exclude<FontKey, 'extra'>>): void {
  for (const key of keys) {
    let file: string;
    try {
      file = npmFontPath(key);
    } catch {
      continue; // reported when the face is needed
    }
    if (asked.has(file)) continue;
    asked.add(file);
    readFile(file, (error, bytes) => {
      if (!error) prefetched.set(file, bytes);
    });
  }
}

/** A face's bytes read ahead by prefetchFaces, once (the caller keeps the parsed face). */
export function takePrefetched(file: string): Buffer | undefined {
  asked.add(file);
  const bytes = prefetched.get(file);
  prefetched.delete(file);
  return bytes;
}
