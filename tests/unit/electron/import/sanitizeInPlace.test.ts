// The importer sanitises the extracted body of the parsed page in place. What reaches Lexical must be the
// tree a standards-mode parser builds from the clean markup, as the string sanitiser's output would be.
import { describe, expect, it } from 'vitest';
import { domWindow, parseHtml } from '../../../../electron/engine/import/htmlDocument';
import { isParseStable } from '../../../../electron/engine/import/parseStable';
import { sanitizeChildren } from '../../../../electron/engine/import/sanitize';

function bodyOf(html: string): HTMLElement {
  return parseHtml(html).body;
}

/** Every node with its boundaries: text split in two reads differently from one text. */
function shape(node: Node): string {
  if (node.nodeType === 3) return JSON.stringify(node.nodeValue);
  const el = node as Element;
  const attrs = [...el.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('');
  return `<${el.localName}${attrs}>${[...el.childNodes].map(shape).join('')}</${el.localName}>`;
}

/** The children of `el`, each with its boundaries. */
function inner(el: Element): string {
  return [...el.childNodes].map(shape).join('');
}

/** The tree a standards-mode parser builds from the body's own markup. */
function reparsed(body: Element): string {
  const div = domWindow().document.createElement('div');
  div.innerHTML = body.innerHTML;
  return inner(div);
}

describe('sanitizeChildren', () => {
  it('removes scripts, handlers and script URLs, and counts them', () => {
    const source = bodyOf('<p onclick="x()">医保<script>alert(1)</script><a href="javascript:alert(1)">链接</a></p><iframe src="https://x.cn"></iframe>');
    const { body, removed } = sanitizeChildren(source);
    expect(body.innerHTML).toBe('<p>医保<a>链接</a></p>');
    expect(removed).toBe(4);
    // the page's own body gave its nodes away: nothing of it is left to reach another DOM
    expect(source.childNodes.length).toBe(0);
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

  it('always gives the tree its own markup parses to', () => {
    const pages = [
      '<p>表前<table><tr><td>数据</td></tr></table>',
      '<!DOCTYPE html><p>甲<button><h2>乙</h2></button>丙</p>',
      '<!DOCTYPE html><ul><li>一<button><li>二</li></button></li></ul>',
      '<!DOCTYPE html><a href="https://a.cn">外<button><a href="https://b.cn">内</a></button></a>',
      '<!DOCTYPE html><table><caption>表题<button><table><tr><td>内</td></tr></table></button></caption><tr><td>格</td></tr></table>',
      '<!DOCTYPE html><table><tr><td>格</td><form>表单里的字</form></tr></table>',
      '<!DOCTYPE html><h1>大<button><h2>小</h2></button></h1>',
      '<!DOCTYPE html><pre>\n\n两个换行</pre><p>普通<b>粗体</b>，<a href="https://x.cn"><div>块链接</div></a></p>',
      '<!DOCTYPE html><section><h2>一、标题</h2><p>正文<sup>1</sup></p><figure><img src="https://x.cn/1.png"><figcaption>图 1</figcaption></figure></section>',
    ];
    for (const html of pages) {
      const { body } = sanitizeChildren(bodyOf(html));
      expect(inner(body), html).toBe(reparsed(body));
    }
  });

  it('gives the tree its own markup parses to, for generated tag soup', () => {
    // mulberry32: seeded, so a failure reproduces
    let seed = 20251123;
    const r = (): number => {
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const tags = ['p', 'div', 'span', 'b', 'a href="https://x.cn"', 'li', 'ul', 'ol', 'h2', 'h3', 'table', 'tr', 'td', 'th', 'tbody', 'caption', 'colgroup', 'col',
      'pre', 'figure', 'figcaption', 'blockquote', 'section', 'button', 'select', 'form', 'font', 'center', 'dl', 'dd', 'svg', 'math', 'mtext', 'nobr', 'em', 'img src="https://x.cn/1.png"', 'br', 'hr'];
    for (let i = 0; i < 300; i++) {
      const parts: string[] = [r() < 0.5 ? '<!DOCTYPE html>' : ''];
      for (let k = 0; k < 5 + Math.floor(r() * 40); k++) {
        const tag = tags[Math.floor(r() * tags.length)];
        const x = r();
        parts.push(x < 0.5 ? `<${tag}>` : x < 0.8 ? `</${tag.split(' ')[0]}>` : x < 0.9 ? '\n' : '医保');
      }
      const html = parts.join('');
      const { body } = sanitizeChildren(bodyOf(html));
      expect(inner(body), html).toBe(reparsed(body));
    }
  });

  it('sanitises a detached <div> with at most an id (Readability’s article) in place, with the result of any other source', () => {
    const pages = [
      '<p onclick="x()">医保<script>alert(1)</script><a href="javascript:alert(1)">链接</a></p><iframe src="https://x.cn"></iframe>',
      '<p>表前<table><tr><td>数据</td></tr></table>',
      '<!DOCTYPE html><h2>一、标题</h2><p style="font-weight:bold;background:url(x)">正文<sup>1</sup></p><figure><img src="https://x.cn/1.png" onerror="y()"><figcaption>图 1</figcaption></figure>',
    ];
    for (const html of pages) {
      const fromBody = sanitizeChildren(bodyOf(html));
      const page = bodyOf(html);
      const bare = page.ownerDocument.createElement('div');
      bare.append(...page.childNodes);
      const fromBare = sanitizeChildren(bare);
      expect(fromBare.body.innerHTML, html).toBe(fromBody.body.innerHTML);
      expect(fromBare.removed).toBe(fromBody.removed);
      expect(fromBare.body.parentNode).toBeNull();
      for (const id of ['readability-content', 'cookie', 'x" onclick="y()']) {
        const page2 = bodyOf(html);
        const withId = page2.ownerDocument.createElement('div');
        withId.id = id;
        withId.append(...page2.childNodes);
        const fromId = sanitizeChildren(withId);
        expect(fromId.body.innerHTML, id).toBe(fromBody.body.innerHTML);
        expect(fromId.removed).toBe(fromBody.removed);
      }
      // a <div> with attributes, or one still in its page, keeps its own attributes and gives its nodes away
      const marked = bodyOf(html).ownerDocument.createElement('div');
      marked.setAttribute('onclick', 'z()');
      marked.append(...bodyOf(html).childNodes);
      const fromMarked = sanitizeChildren(marked);
      expect(fromMarked.body.innerHTML).toBe(fromBody.body.innerHTML);
      expect(fromMarked.removed).toBe(fromBody.removed);
      expect(marked.getAttribute('onclick')).toBe('z()');
    }
  });

  it('returns an empty body for no source', () => {
    const { body, removed } = sanitizeChildren(null);
    expect(body.innerHTML).toBe('');
    expect(removed).toBe(0);
  });
});

describe('isParseStable', () => {
  const div = (html: string): HTMLElement => {
    const d = domWindow().document.createElement('div');
    d.innerHTML = html;
    return d;
  };

  it('accepts what a standards-mode parse builds', () => {
    expect(isParseStable(div('<h2>一、</h2><p>正文<b>粗</b><a href="#x">链</a></p><ul><li>甲<ul><li>乙</li></ul></li></ul><table><tbody><tr><td><p>格</p></td></tr></tbody></table>'))).toBe(true);
  });

  it('refuses trees a parser would rebuild', () => {
    const quirks = parseHtml('<p>前<table><tr><td>格</td></tr></table>').body;
    expect(isParseStable(quirks)).toBe(false);
    const doc = domWindow().document;
    const build = (outer: string, inner: string): HTMLElement => {
      const root = doc.createElement('div');
      const o = doc.createElement(outer);
      o.append(doc.createElement(inner));
      root.append(o);
      return root;
    };
    for (const [outer, inner] of [['p', 'div'], ['p', 'li'], ['h1', 'h2'], ['li', 'li'], ['a', 'a'], ['table', 'tr'], ['tr', 'p'], ['div', 'td'], ['caption', 'table']]) {
      expect(isParseStable(build(outer, inner)), `${outer} > ${inner}`).toBe(false);
    }
    const pre = doc.createElement('pre');
    pre.textContent = '\n文本';
    const root = doc.createElement('div');
    root.append(pre);
    expect(isParseStable(root)).toBe(false);
  });
});
