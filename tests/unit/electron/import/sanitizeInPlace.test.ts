// The importer sanitises the extracted body of the parsed page in place, then parses the clean markup once
// more in a standards-mode document: what reaches Lexical is what the string sanitiser's output would parse to.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../electron/engine/import/htmlDocument';
import { sanitizeChildren } from '../../../../electron/engine/import/sanitize';

function bodyOf(html: string): HTMLElement {
  return parseHtml(html).body;
}

describe('sanitizeChildren', () => {
  it('removes scripts, handlers and script URLs, and counts them', () => {
    const source = bodyOf('<p onclick="x()">医保<script>alert(1)</script><a href="javascript:alert(1)">链接</a></p><iframe src="https://x.cn"></iframe>');
    const { body, removed } = sanitizeChildren(source);
    expect(body.innerHTML).toBe('<p>医保<a>链接</a></p>');
    expect(removed).toBe(4);
    // the page's own body gave its nodes away: nothing of it is left to reach another DOM
    expect(source.childNodes.length).toBe(0);
  });

  it('gives the clean body a document of its own, in standards mode', () => {
    const { body } = sanitizeChildren(bodyOf('<p>正文</p>'));
    expect(body.ownerDocument.compatMode).toBe('CSS1Compat');
    expect(body.parentNode).toBeNull();
  });

  it('nests blocks as a standards-mode parse does, whatever the page was parsed as', () => {
    // a page without a doctype (quirks mode) keeps a <table> inside the open <p>
    const quirks = bodyOf('<p>表前<table><tr><td>数据</td></tr></table>');
    expect(quirks.querySelector('p table')).not.toBeNull();
    const { body } = sanitizeChildren(quirks);
    expect(body.querySelector('p table')).toBeNull();
    expect(body.querySelector('table td')?.textContent).toBe('数据');
  });

  it('does not leave blocks inside a paragraph when a removed <button> held them', () => {
    const source = bodyOf('<!DOCTYPE html><p>甲<button><ul><li>乙</li></ul></button>丙</p>');
    expect(source.querySelector('p ul')).not.toBeNull();
    const { body } = sanitizeChildren(source);
    expect(body.querySelector('button')).toBeNull();
    expect(body.querySelector('p ul')).toBeNull();
    expect(body.querySelector('ul li')?.textContent).toBe('乙');
  });

  it('joins text split by removed elements into one text node, as a parse would', () => {
    const { body } = sanitizeChildren(bodyOf('<p>国家<font color="red">医保</font>局</p>'));
    const p = body.querySelector('p');
    expect(p?.childNodes.length).toBe(1);
    expect(p?.textContent).toBe('国家医保局');
  });

  it('returns an empty body for no source', () => {
    const { body, removed } = sanitizeChildren(null);
    expect(body.innerHTML).toBe('');
    expect(removed).toBe(0);
  });
});
