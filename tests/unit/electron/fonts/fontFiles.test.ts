import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { npmFontPath } from '../../../../electron/engine/fonts/fontFiles';

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
