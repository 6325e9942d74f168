// The hostile page, imported, then rendered in a real Chromium: no script, handler or javascript: URL of
// the page may run. Two renderings: the clean HTML the importer builds its state from, and the HTML
// Lexical generates from the stored state (what the editor and previews show).
import { readFileSync } from 'node:fs';
import { createHeadlessEditor } from '@lexical/headless';
import { $generateHtmlFromNodes } from '@lexical/html';
import { JSDOM } from 'jsdom';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanHtml } from '../../../../electron/engine/import/html';
import { importFile } from '../../../../electron/engine/import/index';
import type { SerializedEditorStateJson } from '../../../../shared/content/lexicalJson';
import { WEEKLY_NODES } from '../../../../shared/lexical/nodes';
import { fixture } from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOSTILE = fixture('hostile', 'every-trick.html');

/** Lexical's own HTML export of a stored state; Lexical needs DOM globals, borrowed from jsdom for the call. */
function lexicalHtml(state: SerializedEditorStateJson): string {
  const dom = new JSDOM('<!DOCTYPE html><body></body>');
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, document: g.document };
  g.window = dom.window;
  g.document = dom.window.document;
  try {
    const editor = createHeadlessEditor({ nodes: [...WEEKLY_NODES], onError: (e) => { throw e; } });
    editor.setEditorState(editor.parseEditorState(JSON.stringify(state)));
    return editor.read(() => $generateHtmlFromNodes(editor, null));
  } finally {
    g.window = saved.window;
    g.document = saved.document;
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  pwned: unknown;
  dialogs: number;
  requests: string[];
  dangerous: number;
  text: string;
}

async function render(html: string): Promise<Rendered> {
  const page = await browser.newPage();
  let dialogs = 0;
  const requests: string[] = [];
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
  });
  await page.route('**/*', (route) => route.abort());
  await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
  // Give timers, image errors and focus handlers their chance to fire.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  const result = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    // Anything left that could run script later (a click on a javascript: link, a handler on hover).
    dangerous: [...document.querySelectorAll('body *')].filter(
      (el) =>
        el.matches('script, iframe, object, embed, svg, math, form, style, base, meta, link') ||
        [...el.attributes].some((a) => /^on/i.test(a.name) || /javascript:|url\s*\(/i.test(a.value)),
    ).length,
    text: document.body.innerText,
  }));
  await page.close();
  return { ...result, dialogs, requests };
}

describe('hostile page rendered in Chromium after import', () => {
  it('the page itself, unsanitised, does run script (the test can see an attack)', async () => {
    const raw = readFileSync(HOSTILE, 'utf8').replace(/^[\s\S]*<body[^>]*>|<\/body>[\s\S]*$/g, '');
    const r = await render(raw);
    expect(r.pwned).toBeDefined();
  });

  it('the clean HTML runs nothing and loads nothing', async () => {
    const { html } = cleanHtml(readFileSync(HOSTILE, 'utf8'), { fileName: 'every-trick.html' });
    const r = await render(html);
    expect(r.pwned).toBeUndefined();
    expect(r.dialogs).toBe(0);
    expect(r.dangerous).toBe(0);
    expect(r.requests).toEqual([]);
    expect(r.text).toContain('案例三');
  });

  it('the stored Lexical state, exported to HTML, runs nothing and keeps the text', async () => {
    const clipping = await importFile(HOSTILE);
    const r = await render(lexicalHtml(clipping.content));
    expect(r.pwned).toBeUndefined();
    expect(r.dialogs).toBe(0);
    expect(r.dangerous).toBe(0);
    expect(r.requests).toEqual([]);
    for (const part of ['案例一', '案例二', '案例三', '涉案金额']) expect(r.text).toContain(part);
  });
});
