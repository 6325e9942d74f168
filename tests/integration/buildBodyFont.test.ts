// `weekly build --body-font`: the command line sets the body in 黑体 as 设置's 正文字体 does in the app,
// in the PDF (the faces embedded); a wrong value is refused.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IssueSummaryJson } from '../../electron/engine/build/buildIssue';

const ROOT = resolve(__dirname, '../..');
const manifest = resolve(ROOT, '../shared/fixtures/2024-W47/manifest.json');

function weekly(args: string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, [require.resolve('tsx/cli'), 'electron/cli/main.ts', 'build', manifest, ...args], { cwd: ROOT, encoding: 'utf8' });
}

function built(bodyFont: string): { fonts: string; json: IssueSummaryJson } {
  const out = mkdtempSync(join(tmpdir(), `weekly-${bodyFont}-`));
  const r = weekly(['--out', out, '--format', 'pdf', '--body-font', bodyFont]);
  expect(r.status, String(r.stderr)).toBe(0);
  return {
    fonts: execFileSync('pdffonts', [join(out, 'issue.pdf')], { encoding: 'utf8' }),
    json: JSON.parse(readFileSync(join(out, 'issue.json'), 'utf8')),
  };
}

describe('weekly build --body-font', () => {
  it('sets the body in the sans face when asked, and only then', () => {
    const serif = built('serif');
    const sans = built('sans');
    expect(serif.fonts).toMatch(/NotoSerifSC/);
    expect(sans.fonts).not.toMatch(/NotoSerifSC/);
    expect(sans.fonts).toMatch(/NotoSansSC-Regular/);
    // the same articles, each with a page (both faces set Chinese on the same em grid; Latin differs)
    expect(sans.json.articles.map((a) => a.id)).toEqual(serif.json.articles.map((a) => a.id));
    expect(sans.json.articles.every((a) => Number.isInteger(a.startPage))).toBe(true);
  }, 120_000);

  it('refuses a face it does not know, naming the choices', () => {
    const r = weekly(['--out', mkdtempSync(join(tmpdir(), 'weekly-bad-')), '--body-font', 'kai']);
    expect(r.status).toBe(2);
    expect(String(r.stderr)).toMatch(/--body-font must be serif \(宋体\) or sans \(黑体\)/);
  });
});
