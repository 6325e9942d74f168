// Readability's tag lookups go through elementsWithTag (getElementsByTagName and a walk instead of jsdom's
// selector engine): the same elements in the same order as querySelectorAll, so extraction is unchanged.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Readability } from '@mozilla/readability';
import { cleanStyles, elementsWithTag, extractContent } from '../../../../electron/engine/import/extractContent';
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

/** Readability 0.6's own _cleanStyles, which the importer's cleanStyles must match exactly. */
const READABILITY = { PRESENTATIONAL_ATTRIBUTES: ['align', 'background', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'frame', 'hspace', 'rules', 'style', 'valign', 'vspace'], DEPRECATED_SIZE_ATTRIBUTE_ELEMS: ['TABLE', 'TH', 'TD', 'HR', 'PRE'] };
function readabilityCleanStyles(e: Element | null): void {
  if (!e || e.tagName.toLowerCase() === 'svg') return;
  for (let i = 0; i < READABILITY.PRESENTATIONAL_ATTRIBUTES.length; i++) e.removeAttribute(READABILITY.PRESENTATIONAL_ATTRIBUTES[i]);
  if (READABILITY.DEPRECATED_SIZE_ATTRIBUTE_ELEMS.includes(e.tagName)) {
    e.removeAttribute('width');
    e.removeAttribute('height');
  }
  for (let cur = e.firstElementChild; cur !== null; cur = cur.nextElementSibling) readabilityCleanStyles(cur);
}

describe('cleanStyles', () => {
  it('leaves a page exactly as Readability’s own _cleanStyles does', () => {
    const pages = [
      ...readdirSync(CLIPS).map((f) => readFileSync(join(CLIPS, f), 'utf8')),
      readFileSync(fixture('hostile', 'every-trick.html'), 'utf8'),
      readFileSync(fixture('wechat', 'wechat-account-source.html'), 'utf8'),
      `<!DOCTYPE html><body style="color:red"><table width="600" border="1" bgcolor="#fff" class="t"><tr valign="top"><td width="50%" height="20" style="x" id="c">格</td></tr></table>
       <p align="center" style="font-weight:bold" data-x="1">段落<img width="100" height="50" src="a.png"></p><hr width="80%"><pre width="40">代码</pre>
       <svg width="10" style="fill:red"><rect style="x" width="5"/></svg><div><span>无属性</span></div></body>`,
    ];
    for (const html of pages) {
      const a = parseHtml(html);
      const b = parseHtml(html);
      readabilityCleanStyles(a.body);
      cleanStyles.call({ ...READABILITY, _cleanStyles: cleanStyles } as unknown as ThisParameterType<typeof cleanStyles>, b.body);
      expect(b.body.outerHTML).toBe(a.body.outerHTML);
    }
  });

  it('is the one Readability uses, with Readability’s own attribute lists', () => {
    const proto = Readability.prototype as unknown as typeof READABILITY & { _cleanStyles: unknown };
    expect(proto._cleanStyles).toBe(cleanStyles);
    expect(proto.PRESENTATIONAL_ATTRIBUTES).toEqual(READABILITY.PRESENTATIONAL_ATTRIBUTES);
    expect(proto.DEPRECATED_SIZE_ATTRIBUTE_ELEMS).toEqual(READABILITY.DEPRECATED_SIZE_ATTRIBUTE_ELEMS);
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
