// Renders resources/icons/icon.svg to the PNGs electron-builder packs (it derives .ico and
// .icns from the 1024 px PNG). Uses the system Chromium headless and Noto Serif SC from npm,
// so the glyph is the same on every machine. Run: node scripts/make-icons.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = join(root, 'resources', 'icons');
const require = createRequire(import.meta.url);
const font = join(dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json')), '700Bold', 'NotoSerifSC_700Bold.ttf');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SIZES = [1024, 512, 256, 128, 64, 48, 32, 16];

const svg = readFileSync(join(iconsDir, 'icon.svg'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'weekly-desk-icons-'));
try {
  for (const size of SIZES) {
    const html = `<!doctype html><style>@font-face{font-family:"Weekly Serif";font-weight:700;src:url("${pathToFileURL(font)}")}
html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`;
    const page = join(work, `icon-${size}.html`);
    writeFileSync(page, html);
    const out = size === 1024 ? join(iconsDir, 'icon.png') : join(iconsDir, `${size}x${size}.png`);
    execFileSync(chromium, [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--allow-file-access-from-files',
      '--default-background-color=00000000',
      '--virtual-time-budget=2000',
      `--window-size=${size},${size}`,
      `--screenshot=${out}`,
      pathToFileURL(page).href,
    ], { stdio: 'ignore' });
    process.stdout.write(`${out}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
