// The shared jsdom window lives as long as the process: parsing pages must not leave anything on it.
// Moving children one by one builds the same tree as append/replaceWith with a spread.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { domWindow, moveChildren, parseHtml, unwrap, withoutNewWindowListeners } from '../../../../electron/engine/import/htmlDocument';
import { importHtml } from '../../../../electron/engine/import/index';
import { fixture } from './helpers';

const CLIPS = resolve(__dirname, '../../../../../shared/fixtures/2021-W08/clips');

const idlUtils = createRequire(import.meta.url)('jsdom/lib/jsdom/living/generated/utils.js') as { implForWrapper(w: unknown): { _eventListeners: Record<string, unknown[]> } };

/** How many event listeners the shared window holds (jsdom keeps them on the window's implementation). */
function windowListeners(): number {
  const impl = idlUtils.implForWrapper(domWindow());
  return Object.values(impl._eventListeners).reduce((n, list) => n + list.length, 0);
}

describe('the shared window', () => {
  it('holds no more listeners after many imports than after the first', async () => {
    const page = '<!DOCTYPE html><html><head><link rel="canonical" href="https://example.com/a"></head><body><article><h1>医保新规</h1><p>正文第一段。</p><template><p>模板</p></template></article></body></html>';
    await importHtml(page);
    const after1 = windowListeners();
    for (let i = 0; i < 20; i++) {
      const doc = parseHtml(page);
      expect(doc.querySelector('link[rel="canonical"]')).not.toBeNull();
      await importHtml(page);
    }
    expect(windowListeners()).toBe(after1);
    expect(Object.hasOwn(domWindow(), 'addEventListener')).toBe(false);
  });

  it('keeps listeners added outside a parse, and restores addEventListener when the work throws', () => {
    const win = domWindow();
    const before = windowListeners();
    const listener = (): void => {};
    expect(() => withoutNewWindowListeners(() => {
      win.addEventListener('keydown', listener);
      throw new Error('parse failed');
    })).toThrow('parse failed');
    expect(windowListeners()).toBe(before);
    win.addEventListener('keydown', listener);
    expect(windowListeners()).toBe(before + 1);
    win.removeEventListener('keydown', listener);
    expect(windowListeners()).toBe(before);
  });
});

describe('moveChildren and unwrap', () => {
  const pages = [...readdirSync(CLIPS).map((f) => readFileSync(join(CLIPS, f), 'utf8')), readFileSync(fixture('hostile', 'every-trick.html'), 'utf8')];

  it('move a page’s body into another element as append(...childNodes) does', () => {
    for (const html of pages) {
      const a = parseHtml(html);
      const b = parseHtml(html);
      const to = a.createElement('div');
      to.append(...a.body.childNodes);
      const to2 = b.createElement('div');
      moveChildren(b.body, to2);
      expect(to2.outerHTML).toBe(to.outerHTML);
      expect(b.body.childNodes).toHaveLength(0);
    }
  });

  it('unwrap every element of a kind as replaceWith(...childNodes) does, text nodes kept apart', () => {
    for (const html of pages) {
      const a = parseHtml(html);
      const b = parseHtml(html);
      for (const el of Array.from(a.body.querySelectorAll('p, span, div'))) el.replaceWith(...el.childNodes);
      for (const el of Array.from(b.body.querySelectorAll('p, span, div'))) unwrap(el);
      expect(b.body.innerHTML).toBe(a.body.innerHTML);
      expect(b.body.childNodes.length).toBe(a.body.childNodes.length);
    }
    const detached = parseHtml('<p>x</p>').createElement('p');
    detached.append('孤立');
    unwrap(detached);
    expect(detached.textContent).toBe('孤立');
  });
});
