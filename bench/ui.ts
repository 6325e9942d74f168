// The editor under load, in the real UI (`npm run web` + Debian's Chromium): keystroke-to-paint
// latency while typing in a 15,000-character article, and how long the column tree's live page
// numbers take to follow an edit once the editor has gone idle (issue #10).
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { SerializedEditorStateJson } from '../shared/content/lexicalJson';
import type { Issue } from '../shared/model/issue';
import { launchChromium, CHROMIUM, startWebApp } from '../tests/e2e/helpers/webApp';
import { IDLE_MS } from '../renderer/src/workspace/livePages';
import { median, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** ContentSyncPlugin's quiet time before the editor hands its JSON to the workspace */
const EDITOR_IDLE_MS = 400;
const TARGET_CHARS = 15_000;

if (!existsSync(CHROMIUM)) {
  console.log(`UI bench skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  process.exit(0);
}

const app = await startWebApp(['--sample']);
const token = new URL(app.url).searchParams.get('token')!;
async function call<T>(channel: string, input: unknown): Promise<T> {
  const res = await fetch(new URL(`/api/${channel}`, app.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-weekly-desk-token': token },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: boolean; result?: T; error?: { code: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.code}`);
  return body.result as T;
}

/** Lengthens an article to about TARGET_CHARS by repeating its paragraphs. */
function lengthen(content: SerializedEditorStateJson): SerializedEditorStateJson {
  const children = content.root.children;
  const out = [...children];
  while (textLength(out) < TARGET_CHARS) out.push(...children);
  return { ...content, root: { ...content.root, children: out } };
}

function textLength(nodes: unknown[]): number {
  let n = 0;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as { text?: unknown; children?: unknown[] };
    if (typeof o.text === 'string') n += o.text.length;
    o.children?.forEach(walk);
  };
  nodes.forEach(walk);
  return n;
}

const { openIssueId } = await call<{ openIssueId: string }>('app:startup', {});
const issue = await call<Issue>('issues:get', { id: openIssueId });
const articles = issue.columns.flatMap((c) => c.articles);
const target = articles[Math.floor(articles.length / 2) - 1];
const next = articles[articles.indexOf(target) + 1];
target.content = lengthen(target.content);
await call('issues:save', issue);
const chars = textLength(target.content.root.children);

const browser = await launchChromium();
const page: Page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
await page.goto(app.url);
await page.getByRole('list', { name: '栏目', exact: true }).getByRole('button', { name: new RegExp(`^${target.title.slice(0, 8).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click();
const editor = page.getByRole('textbox', { name: '正文' });
await editor.waitFor();
const badge = page.locator('.article-item', { has: page.locator('.article-title', { hasText: next.title.slice(0, 12) }) }).locator('.article-page');
await badge.waitFor();

/**
 * In the page: insert text the way typing does (beforeinput → Lexical), then time the work it
 * caused (until a macrotask runs after Lexical's microtask reconciliation) and the next frame.
 * Written as a string: tsx would wrap named functions in a helper the page does not have.
 */
async function typeAndTime(text: string, count: number): Promise<Array<{ work: number; frame: number }>> {
  return page.evaluate(`(async () => {
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));
    const times = [];
    for (let i = 0; i < ${count}; i++) {
      await frame();
      const t0 = performance.now();
      document.execCommand('insertText', false, ${JSON.stringify(text)});
      const work = (await macrotask()) - t0;
      const painted = (await frame()) - t0;
      times.push({ work, frame: painted });
    }
    return times;
  })()`);
}

// caret in the middle of the long article
await editor.locator('p').nth(Math.floor((await editor.locator('p').count()) / 2)).click();
const keystrokes: Array<{ work: number; frame: number }> = [];
for (let r = 0; r < RUNS; r++) keystrokes.push(...(await typeAndTime('药', 40)));

// Page numbers: push the next article down by inserting a long passage, then time, from the last
// keystroke, until its badge shows the new page.
const followMs: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const before = await badge.textContent();
  await page.waitForTimeout(50);
  const t0 = Date.now();
  await typeAndTime('医保支付方式改革持续推进，按病组付费覆盖面扩大。'.repeat(60), 1);
  // (A polling loop inside the page: the app's CSP forbids the eval that waitForFunction needs.)
  await page.evaluate(`(async () => {
    const deadline = performance.now() + 20000;
    while (performance.now() < deadline) {
      const item = [...document.querySelectorAll('.article-item')].find((el) => el.querySelector('.article-title')?.textContent?.startsWith(${JSON.stringify(next.title.slice(0, 12))}));
      const b = item?.querySelector('.article-page');
      if (b && !b.classList.contains('pending') && b.textContent !== ${JSON.stringify(before)}) return;
      await new Promise((r) => requestAnimationFrame(r));
    }
    throw new Error('page number did not change');
  })()`);
  followMs.push(Date.now() - t0);
}

await browser.close();
await app.stop();

const waits = EDITOR_IDLE_MS + IDLE_MS;
const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
console.log(`Typing in a ${chars}-character article, ${keystrokes.length} keystrokes (frame budget 16.7 ms):`);
console.log(`  work per keystroke (Lexical update + DOM): ${fmt(keystrokes.map((k) => k.work))}`);
console.log(`  keystroke → next frame: ${fmt(keystrokes.map((k) => k.frame))}`);
console.log(`Page numbers follow an edit: ${fmt(followMs)} from the last keystroke, of which ${waits} ms is the planned idle wait`);
console.log(`  → after the editor goes idle: median ${(median(followMs) - waits).toFixed(0)} ms (save + incremental layout + render)`);
