// Bounded fuzzing: a few thousand generated and mutated inputs (seeded, so a failure reproduces).
// Every import either returns a well-formed clipping or throws an ImportError with a Chinese reason
// naming the file — never another exception, never a hang.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editorStateSchema, type SerializedLexicalNode } from '../../../../shared/content/lexicalJson';
import { blocksToPlainText, toBlocks } from '../../../../shared/content/walker';
import { parseMetadataLine } from '../../../../shared/import/metadataLines';
import { fullWidthPunctuation, textKey } from '../../../../shared/import/punctuation';
import { decodeText, sniffBytes } from '../../../../electron/engine/import/decode';
import { ImportError, importBytes, type ImportedClipping } from '../../../../electron/engine/import/index';
import { plainTextToHtml } from '../../../../electron/engine/import/plainText';
import { fixture } from './helpers';
import { seededRandom } from '../../../helpers/random';


const FIXTURE_CLIPS = join(__dirname, '../../../../../shared/fixtures/2021-W08/clips');
const enc = new TextEncoder();

const SEEDS: Array<{ name: string; bytes: Uint8Array }> = [
  ...['wechat/wechat-account-source.html', 'wechat/wechat-repost-source.html', 'gov/hebei-notice-gbk.html', 'hostile/every-trick.html', 'paste/word-clipboard.html', 'markdown/互联网医院发展观察.md', 'text/基层医疗卫生服务能力提升.txt'].map(
    (p) => ({ name: p.split('/').pop() ?? p, bytes: readFileSync(fixture(p)) }),
  ),
  ...readdirSync(FIXTURE_CLIPS)
    .slice(0, 3)
    .map((f) => ({ name: f, bytes: readFileSync(join(FIXTURE_CLIPS, f)) })),
];
const DOCX = readFileSync(fixture('word', 'cost-control-report.docx'));

const TOKENS = [
  '<p>', '</p>', '<table>', '<tr>', '<td>', '</table>', '<ul><li>', '</li>', '<h1>', '</h1>', '<h2>一、', '<figure>', '<figcaption>图 1 ',
  '</figure>', '<img src="x" onerror="alert(1)">', '<img data-src="https://mmbiz.qpic.cn/a/640">', '<script>alert(1)</script>', '<svg onload=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '<!--', '-->', '<![if !supportLists]>', '<![endif]>', '<noscript>', '<iframe srcdoc="<script>">',
  '<a href="javascript:alert(1)">', '<a href="../x">', '来源：', '作者 | ', '作者：', '\u0000', '\ufeff', '&#0;', '&#xD800;', '&nbsp;', '\u3000', '<meta charset="gbk">',
  '<meta charset="big5">', '<div id="js_content">', '<section>', '<p style="mso-list:l0 level3 lfo1">', '<span style="mso-list:Ignore">1.</span>', '<br>', '<b><i>', '</b></i>',
  '# ', '## ', '| a | b |\n| --- | --- |\n', '![图 1](data:image/png;base64,AAAA)', '> ', '1. ', '- ', '\n\n', '医保', 'DRG', '。', '，', '“', '”', '——', '……',
];

function mutate(bytes: Uint8Array, r: () => number): Uint8Array {
  const out = Array.from(bytes.subarray(0, Math.min(bytes.length, 6000)));
  const steps = 1 + Math.floor(r() * 6);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(r() * (out.length + 1));
    switch (Math.floor(r() * 6)) {
      case 0: // flip bytes
        for (let i = 0; i < 8; i++) if (out.length) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
        break;
      case 1: // insert a token
        out.splice(at, 0, ...enc.encode(TOKENS[Math.floor(r() * TOKENS.length)]));
        break;
      case 2: // delete a range
        out.splice(at, Math.floor(r() * 200));
        break;
      case 3: // duplicate a range
        out.splice(at, 0, ...out.slice(Math.floor(r() * out.length), Math.floor(r() * out.length)).slice(0, 500));
        break;
      case 4: // truncate
        out.length = Math.floor(r() * out.length);
        break;
      default: // deep nesting
        out.splice(at, 0, ...enc.encode('<div><span>'.repeat(50 + Math.floor(r() * 400))));
    }
  }
  return Uint8Array.from(out);
}

function generate(r: () => number): Uint8Array {
  const parts: string[] = [];
  const n = 5 + Math.floor(r() * 60);
  for (let i = 0; i < n; i++) parts.push(r() < 0.6 ? TOKENS[Math.floor(r() * TOKENS.length)] : String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 12) }, () => (r() < 0.7 ? 0x4e00 + Math.floor(r() * 500) : Math.floor(r() * 0x7f)))));
  return enc.encode(parts.join(''));
}

const NAMES = ['clip.html', 'clip.htm', 'clip.txt', 'clip.md', 'clip', 'clip.docx'];

const NODE_TYPES = new Set(['root', 'paragraph', 'text', 'linebreak', 'tab', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink', 'table', 'tablerow', 'tablecell', 'figure']);

/** Text may say anything ("onerror" in a .txt is just text); structure may only hold safe addresses. */
function checkNodes(node: SerializedLexicalNode): void {
  expect(NODE_TYPES.has(node.type), node.type).toBe(true);
  if (node.type === 'link' || node.type === 'autolink') expect(String(node.url)).toMatch(/^(https?:|mailto:|#|$)/i);
  if (node.type === 'figure') expect(String(node.src)).toMatch(/^(https?:|data:image\/(png|jpeg|gif|webp|bmp);base64,|media:|$)/);
  for (const child of (node as { children?: SerializedLexicalNode[] }).children ?? []) checkNodes(child);
}

function checkOutcome(outcome: { ok: true; value: ImportedClipping } | { ok: false; error: unknown }, name: string): void {
  if (outcome.ok) {
    const c = outcome.value;
    expect(typeof c.title).toBe('string');
    expect(typeof c.source).toBe('string');
    expect(c.author === null || typeof c.author === 'string').toBe(true);
    expect(Array.isArray(c.warnings)).toBe(true);
    expect(editorStateSchema.safeParse(c.content).success).toBe(true);
    expect(typeof blocksToPlainText(toBlocks(c.content))).toBe('string');
    checkNodes(c.content.root);
  } else {
    const e = outcome.error;
    if (!(e instanceof ImportError)) throw new Error(`${name}: escaped as ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    expect(e.messageZh).toContain(name);
    expect(e.messageZh.length).toBeLessThan(300);
  }
}

async function attempt(bytes: Uint8Array, name: string): Promise<void> {
  const outcome = await importBytes(bytes, name).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  checkOutcome(outcome, name);
}

/** Stops early on a slow machine; the count below is what normally runs. */
const BUDGET_MS = 12_000;

describe('fuzzing the importers', () => {
  it('survives mutated clippings and generated tag soup through the whole pipeline', async () => {
    const r = seededRandom(20241118);
    const started = Date.now();
    let done = 0;
    for (let i = 0; i < 400 && Date.now() - started < BUDGET_MS; i++) {
      const seed = SEEDS[Math.floor(r() * SEEDS.length)];
      const bytes = r() < 0.7 ? mutate(seed.bytes, r) : generate(r);
      const name = r() < 0.5 ? seed.name : NAMES[Math.floor(r() * NAMES.length)];
      await attempt(bytes, name);
      done++;
    }
    expect(done).toBeGreaterThanOrEqual(50);
  });

  it('survives mutated Word files', async () => {
    const r = seededRandom(47);
    const started = Date.now();
    let done = 0;
    for (let i = 0; i < 40 && Date.now() - started < BUDGET_MS; i++) {
      const bytes = Uint8Array.from(DOCX);
      const flips = 1 + Math.floor(r() * 20);
      for (let f = 0; f < flips; f++) bytes[Math.floor(r() * bytes.length)] = Math.floor(r() * 256);
      await attempt(r() < 0.2 ? bytes.subarray(0, Math.floor(r() * bytes.length)) : bytes, 'report.docx');
      done++;
    }
    expect(done).toBeGreaterThanOrEqual(10);
  });

  it('keeps the pure helpers total on thousands of random strings and byte arrays', () => {
    const r = seededRandom(8);
    for (let i = 0; i < 3000; i++) {
      const s = new TextDecoder().decode(generate(r));
      const line = parseMetadataLine(s);
      if (line) {
        expect(line.source === undefined || line.source.length <= 40).toBe(true);
        expect(line.author === undefined || line.author.length <= 40).toBe(true);
      }
      const full = fullWidthPunctuation(s);
      expect(full.length).toBeLessThanOrEqual(s.length);
      expect(textKey(textKey(s))).toBe(textKey(s));
      expect(typeof plainTextToHtml(s).html).toBe('string');
      const bytes = mutate(enc.encode(s), r);
      expect(typeof decodeText(bytes, r() < 0.5 ? 'gbk' : null).text).toBe('string');
      expect(sniffBytes(bytes)).toMatch(/^(zip|pdf|png|jpeg|gif|webp|ole|binary|text)$/);
    }
  });
});
