// The editor under load, in the real UI (`npm run web` + Debian's Chromium): keystroke-to-paint
// latency while typing in a 15,000-character article, and how long the column tree's live page
// numbers take to follow an edit once the editor has gone idle (issue #10): from the editor's
// handover (ContentSyncPlugin, 400 ms after the last keystroke; the workspace marks it) and from
// the last keystroke, to the frame that paints the new number.
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { SerializedEditorStateJson } from '../shared/content/lexicalJson';
import type { Issue } from '../shared/model/issue';
import { launchChromium, CHROMIUM, startWebApp } from '../tests/e2e/helpers/webApp';
import { MARKS } from '../renderer/src/workspace/livePages';
import { LAYOUT_MARK, WARM_MARK } from '../renderer/src/workspace/localPages';
import { median, percentile } from './stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** page-number runs: at least 10, for a p95 */
const FOLLOW_RUNS = Math.max(10, RUNS * 2);
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
// long tasks (≥ 50 ms) on the UI thread, to see what laying the issue out in idle time costs it
await page.addInitScript(`window.__longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration }); }).observe({ type: 'longtask', buffered: true });`);
await page.goto(app.url);
await page.getByRole('list', { name: '栏目', exact: true }).getByRole('button', { name: new RegExp(`^${target.title.slice(0, 8).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().click();
const editor = page.getByRole('textbox', { name: '正文' });
await editor.waitFor();
const badge = page.locator('.article-item', { has: page.locator('.article-title', { hasText: next.title.slice(0, 12) }) }).locator('.article-page');
await badge.waitFor();
// After the first numbers the UI thread lays the issue out in idle time; edits are laid out there once it has.
const warmAt = (await page.evaluate(`(async () => {
  const deadline = performance.now() + 60000;
  while (performance.now() < deadline) {
    const m = performance.getEntriesByName(${JSON.stringify(WARM_MARK)}, 'mark').at(-1);
    if (m) return m.startTime;
    await new Promise((r) => setTimeout(r, 50));
  }
  return NaN;
})()`)) as number;
const firstNumbersAt = (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(MARKS.reply)}, 'mark')[0]?.startTime ?? NaN`)) as number;
const warmTasks = ((await page.evaluate('window.__longTasks')) as Array<{ start: number; ms: number }>).filter((t) => t.start >= firstNumbersAt && t.start <= warmAt);

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

// Page numbers: push the next article down by inserting a long passage (different text each run,
// so no run finds its layout memoised), time until its badge shows the new page, then undo the
// passage (untimed) and wait for the number to come back, so the article keeps its length.
interface Follow {
  fromKeystroke: number;
  fromHandover: number;
  /** handover → request sent, request → reply received, reply → number in the DOM (React), DOM → painted */
  toRequest: number;
  toReply: number;
  toDom: number;
  toPaint: number;
  /** the layout's own time, and where it ran: on the UI thread, in the page-number worker (or the engine: NaN, '') */
  layout: number;
  thread: string;
  /** frames that began between the handover and the paint: 1 = the numbers were in the first frame after it */
  frames: number;
  /** requests the page made to the engine's 本期视点 channels while following the edit */
  engineRequests: number;
}
/**
 * In the page: wait, frame by frame, until the badge's text is not `before` (or is `before`, when
 * `until` is 'back'); "painted" is the first task after the frame that showed it (the frame's
 * rendering runs between that animation-frame callback and the task).
 */
function waitForBadge(before: string | null, until: 'changed' | 'back'): string {
  return `(async () => {
    const deadline = performance.now() + 20000;
    const macrotask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(performance.now()); c.port2.postMessage(0); });
    while (performance.now() < deadline) {
      await new Promise((r) => requestAnimationFrame(r));
      const item = [...document.querySelectorAll('.article-item')].find((el) => el.querySelector('.article-title')?.textContent?.startsWith(${JSON.stringify(next.title.slice(0, 12))}));
      const b = item?.querySelector('.article-page');
      if (!b || b.classList.contains('pending')) continue;
      if ((b.textContent !== ${JSON.stringify(before)}) === ${JSON.stringify(until === 'changed')}) return macrotask();
    }
    throw new Error('page number did not ${until === 'changed' ? 'change' : 'come back'}');
  })()`;
}
const follows: Follow[] = [];
const enginesMs: number[] = [];
for (let r = 0; r < FOLLOW_RUNS; r++) {
  const before = await badge.textContent();
  await page.waitForTimeout(50);
  const passage = `第${r + 1}轮：医保支付方式改革持续推进，按病组付费覆盖面扩大。`.repeat(55);
  const timing = (await page.evaluate(`(async () => {
    await new Promise((r) => requestAnimationFrame(r));
    performance.clearResourceTimings();
    let dom = NaN;
    const observer = new MutationObserver(() => {
      const item = [...document.querySelectorAll('.article-item')].find((el) => el.querySelector('.article-title')?.textContent?.startsWith(${JSON.stringify(next.title.slice(0, 12))}));
      const b = item?.querySelector('.article-page');
      if (Number.isNaN(dom) && b && !b.classList.contains('pending') && b.textContent !== ${JSON.stringify(before)}) dom = performance.now();
    });
    observer.observe(document.querySelector('.column-tree') ?? document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    // every frame's start, to count the frames between the handover and the paint
    const frames = [];
    let recording = true;
    const tick = () => { frames.push(performance.now()); if (recording) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    // A real keystroke lands anywhere in a frame, and the handover 400 ms (24 frames) later at the
    // same point: the runs spread it evenly over the frame, from just after one begins.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, ${((r / FOLLOW_RUNS) * 16.7).toFixed(1)})));
    const keystroke = performance.now();
    document.execCommand('insertText', false, ${JSON.stringify(passage)});
    const painted = await ${waitForBadge(before, 'changed')};
    recording = false;
    observer.disconnect();
    const entry = (name) => performance.getEntriesByName(name, 'mark').at(-1);
    const at = (name) => entry(name)?.startTime ?? NaN;
    const handover = at(${JSON.stringify(MARKS.handover)});
    const request = at(${JSON.stringify(MARKS.request)});
    const reply = at(${JSON.stringify(MARKS.reply)});
    const layoutMark = entry(${JSON.stringify(LAYOUT_MARK)});
    const laid = layoutMark && layoutMark.startTime >= request ? layoutMark.detail : { ms: NaN, thread: '' };
    const engineRequests = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/issues:viewpoint')).length;
    return {
      fromKeystroke: painted - keystroke, fromHandover: painted - handover, toRequest: request - handover, toReply: reply - request, toDom: dom - reply, toPaint: painted - dom,
      layout: laid.ms, thread: laid.thread, frames: frames.filter((f) => f > handover && f < painted).length, engineRequests,
    };
  })()`)) as Follow;
  follows.push(timing);
  // For comparison, the engine over HTTP (the path the page takes where its worker cannot run): the
  // same edit with the passage once more (new text, so a real layout), before it is undone.
  const draft = structuredClone(await call<Issue>('issues:get', { id: openIssueId }));
  const draftTarget = draft.columns.flatMap((c) => c.articles).find((a) => a.id === target.id)!;
  const columnId = draft.columns.find((c) => c.articles.includes(draftTarget))!.id;
  const first = draftTarget.content.root.children[0] as { children?: Array<{ text?: string }> };
  if (first.children?.[0]) first.children[0].text = `${passage.replace(/^第\d+轮/, `第${r + 1}次`)}${first.children[0].text ?? ''}`;
  const t = performance.now();
  await call('issues:viewpointDraft', { id: openIssueId, drafts: [{ columnId, article: draftTarget }] });
  enginesMs.push(performance.now() - t);
  await editor.press('Control+z');
  await page.evaluate(waitForBadge(before, 'back'));
}

await browser.close();
await app.stop();

const fmt = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;
const of = (k: Exclude<keyof Follow, 'thread'>) => follows.map((f) => f[k]);
console.log(`Typing in a ${chars}-character article, ${keystrokes.length} keystrokes (frame budget 16.7 ms):`);
console.log(`  work per keystroke (Lexical update + DOM): ${fmt(keystrokes.map((k) => k.work))}`);
console.log(`  keystroke → next frame: ${fmt(keystrokes.map((k) => k.frame))}`);
console.log(
  `The UI thread had the issue laid out (in idle time) ${warmAt.toFixed(0)} ms after the page began loading, ${(warmAt - firstNumbersAt).toFixed(0)} ms after the first numbers; long tasks meanwhile: ${warmTasks.length}${warmTasks.length ? ` (longest ${Math.max(...warmTasks.map((t) => t.ms)).toFixed(0)} ms)` : ''}`,
);
console.log(`Page numbers follow an edit (${follows.length} runs; the editor hands over ${EDITOR_IDLE_MS} ms after the last keystroke):`);
console.log(`  editor handover → number painted: ${fmt(of('fromHandover'))} (target 16.7 ms)`);
console.log(`  last keystroke → number painted: ${fmt(of('fromKeystroke'))}`);
const firstFrame = follows.filter((f) => f.frames <= 1).length;
console.log(`  each run, handover → painted (ms): ${of('fromHandover').map((x) => x.toFixed(0)).join(' ')}; the layout itself: ${of('layout').map((x) => x.toFixed(1)).join(' ')}`);
console.log(`  painted in the first frame after the handover: ${firstFrame} of ${follows.length} runs (frames taken: ${follows.map((f) => f.frames).join(' ')})`);
console.log(
  `  of which, medians: handover → request ${median(of('toRequest')).toFixed(1)} ms, request → reply ${median(of('toReply')).toFixed(1)} ms (the layout itself ${median(of('layout')).toFixed(1)} ms), reply → in the DOM ${median(of('toDom')).toFixed(1)} ms, → painted (the next frame) ${median(of('toPaint')).toFixed(1)} ms`,
);
const asked = follows.reduce((n, f) => n + f.engineRequests, 0);
const threads = follows.map((f) => f.thread || 'engine');
console.log(`  laid out on: ${['main', 'worker', 'engine'].map((t) => `${t} ${threads.filter((x) => x === t).length}`).join(', ')}; requests to the engine's 本期视点 while following: ${asked}`);
console.log(`  for comparison, the engine over HTTP (issues:viewpointDraft, one changed article; the fallback path): ${fmt(enginesMs)}`);
