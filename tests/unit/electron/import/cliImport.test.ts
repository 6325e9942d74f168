// `weekly import <file|url> [--json]`: the JSON it prints, and one clear stderr line with a non-zero exit on refusal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../../../electron/cli/commands/import';
import { fixture } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'weekly-cli-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

describe('weekly import', () => {
  it('--json prints title, 来源, 作者, url, the body text, block counts and warnings', async () => {
    expect(await run([fixture('word', 'cost-control-report.docx'), '--json'])).toBe(0);
    const report = JSON.parse(out.join('\n'));
    expect(Object.keys(report)).toEqual(['title', 'source', 'author', 'url', 'text', 'blocks', 'warnings']);
    expect(report).toMatchObject({ title: 'DIP 支付改革下医院成本管控的三点做法', source: '中国医院院长', author: '王晓明 刘芳', url: null, warnings: [] });
    expect(report.blocks).toEqual({ paragraph: 3, heading: 3, table: 1, image: 1, list: 2 });
    expect(report.text).toContain('一、摸清病种成本\n');
    expect(report.text).toContain('病种\t例均成本（元）\t支付标准（元）');
    expect(err).toEqual([]);
  });

  it('prints a readable summary without --json', async () => {
    expect(await run([fixture('wechat', 'wechat-repost-source.html')])).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('标题：国家医保局：2025 年起全面推行医保支付资格管理');
    expect(text).toContain('来源：国家医疗保障局');
    expect(text).toContain('内容：3 段，0 个小标题，0 个表格，1 张图片，0 个列表');
  });

  it('refuses with exit 1 and exactly one stderr line naming the file and the reason', async () => {
    const empty = join(dir, '空文件.html');
    writeFileSync(empty, '');
    expect(await run([empty, '--json'])).toBe(1);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toBe('weekly import: 无法导入“空文件.html”：文件是空的 (Cannot import "空文件.html": the file is empty)');
  });

  it('answers a usage error with exit 2', async () => {
    expect(await run([])).toBe(2);
    expect(await run(['a.html', 'b.html'])).toBe(2);
    expect(await run(['--bogus'])).toBe(2);
  });

  it('through the real binary: no stack trace on stderr', () => {
    const root = resolve(__dirname, '../../../..');
    const bad = join(dir, 'fake.docx');
    writeFileSync(bad, 'not a zip');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'electron/cli/main.ts'), 'import', bad], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^weekly import: 无法导入“fake\.docx”：不是有效的 Word 文档/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
