import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { npmFontPath, prefetchFaces, takePrefetched } from '../../../../electron/engine/fonts/fontFiles';

describe('font files', () => {
  const saved = process.env.WEEKLY_DESK_FONTS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.WEEKLY_DESK_FONTS_DIR;
    else process.env.WEEKLY_DESK_FONTS_DIR = saved;
  });

  it('resolves the Noto faces from node_modules', () => {
    delete process.env.WEEKLY_DESK_FONTS_DIR;
    expect(npmFontPath('serif')).toMatch(/noto-serif-sc[/\\]400Regular[/\\]NotoSerifSC_400Regular\.ttf$/);
    expect(npmFontPath('sansBold')).toMatch(/noto-sans-sc[/\\]700Bold[/\\]NotoSansSC_700Bold\.ttf$/);
  });

  it('prefers the packaged app’s font folder when main names one, and falls back when a face is not there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'weekly-fonts-'));
    const target = join(dir, 'noto-serif-sc', '400Regular', 'NotoSerifSC_400Regular.ttf');
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(npmFontPath('serif'), target);
    process.env.WEEKLY_DESK_FONTS_DIR = dir;
    expect(npmFontPath('serif')).toBe(target);
    expect(npmFontPath('sans')).toContain('node_modules');
  });
});

describe('prefetchFaces', () => {
  it('reads a face ahead on the thread pool and hands its bytes over once', async () => {
    delete process.env.WEEKLY_DESK_FONTS_DIR;
    const file = npmFontPath('sans');
    prefetchFaces(['sans']);
    let bytes: Buffer | undefined;
    for (let k = 0; k < 200 && !bytes; k++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      bytes = takePrefetched(file);
    }
    expect(bytes?.equals(readFileSync(file))).toBe(true);
    expect(takePrefetched(file)).toBeUndefined();
    // a face already handed over is not read again
    prefetchFaces(['sans']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(takePrefetched(file)).toBeUndefined();
  });
});
