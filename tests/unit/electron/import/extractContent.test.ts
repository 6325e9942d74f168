// Readability's tag lookups go through elementsWithTag (getElementsByTagName and a walk instead of jsdom's
// selector engine): the same elements in the same order as querySelectorAll, so extraction is unchanged.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elementsWithTag, extractContent } from '../../../../electron/engine/import/extractContent';
import { parseHtml, settleNoscript } from '../../../../electron/engine/import/htmlDocument';
import { fixture } from './helpers';

const CLIPS = resolve(__dirname, '../../../../../shared/fixtures/2021-W08/clips');

describe('elementsWithTag', () => {
  it('finds what querySelectorAll finds, in document order, for one tag or several', () => {
    for (const file of readdirSync(CLIPS).slice(0, 5)) {
      const doc = parseHtml(readFileSync(join(CLIPS, file), 'utf8'));
      for (const tags of [['p'], ['img'], ['h1', 'h2'], ['img', 'picture', 'figure', 'video'], ['script', 'noscript'], ['ul', 'ol'], ['table']]) {
        expect(elementsWithTag(doc, tags), `${file} ${tags.join(',')}`).toEqual([...doc.querySelectorAll(tags.join(','))]);
        expect(elementsWithTag(doc.body, tags)).toEqual([...doc.body.querySelectorAll(tags.join(','))]);
      }
    }
  });

  it('is a snapshot: removing what it found does not skip elements', () => {
    const doc = parseHtml('<!DOCTYPE html><body><p>一</p><p>二</p><p>三</p></body>');
    const found = elementsWithTag(doc, ['p']);
    for (const p of found) p.remove();
    expect(found).toHaveLength(3);
    expect(doc.body.children).toHaveLength(0);
  });
});

describe('extractContent', () => {
  it('reads the <article> fallback from a fresh parse of the page, not the one Readability rewrote', () => {
    const html = readFileSync(fixture('hostile', 'every-trick.html'), 'utf8');
    const doc = parseHtml(html);
    settleNoscript(doc);
    const extracted = extractContent(doc, () => {
      const fresh = parseHtml(html);
      settleNoscript(fresh);
      return fresh;
    });
    expect(extracted.method).toBe('article');
    expect(extracted.root?.ownerDocument).not.toBe(doc);
    expect(extracted.root?.textContent).toContain('案例三');
  });
});
