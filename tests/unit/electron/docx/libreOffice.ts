// Converts .docx files to PDF with LibreOffice, headless, for the round-trip tests.
// Linux machines have no 宋体/黑体: a private fontconfig file maps them to Noto Serif SC / Noto Sans SC from
// node_modules (full-width CJK like SimSun and SimHei), and Times New Roman / Arial resolve to the metric-
// compatible Liberation fonts (fonts-liberation, which Debian's chromium package pulls in).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export function findSoffice(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/lib/libreoffice/program', '/opt/libreoffice/program'];
  for (const dir of dirs) {
    const candidate = join(dir, 'soffice');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

function fontDir(pkg: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), '400Regular');
}

function fontconfigXml(cacheDir: string): string {
  const serif = fontDir('@expo-google-fonts/noto-serif-sc');
  const sans = fontDir('@expo-google-fonts/noto-sans-sc');
  const alias = (names: string[], family: string) =>
    names.map((name) => `<alias binding="same"><family>${name}</family><prefer><family>${family}</family></prefer></alias>`).join('\n');
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${serif}</dir>
  <dir>${sans}</dir>
  <cachedir>${cacheDir}</cachedir>
  ${alias(['SimSun', '宋体', 'NSimSun', '新宋体'], 'Noto Serif SC')}
  ${alias(['SimHei', '黑体'], 'Noto Sans SC')}
</fontconfig>`;
}

/** Converts the files to PDF into outDir with one LibreOffice run; returns the PDF paths in order. */
export async function convertToPdf(soffice: string, files: string[], workDir: string): Promise<string[]> {
  const outDir = join(workDir, 'pdf');
  await mkdir(outDir, { recursive: true });
  const fontconfig = join(workDir, 'fonts.conf');
  await writeFile(fontconfig, fontconfigXml(join(workDir, 'fontcache')));
  await run(
    soffice,
    [`-env:UserInstallation=${pathToFileURL(join(workDir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { env: { ...process.env, FONTCONFIG_FILE: fontconfig }, timeout: 180_000 },
  );
  return files.map((file) => join(outDir, file.replace(/^.*\//, '').replace(/\.docx$/, '.pdf')));
}
