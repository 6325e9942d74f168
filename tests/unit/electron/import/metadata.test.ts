// Page metadata is read in one pass over the page's <meta> elements and a walk of <body> for bylines.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../../electron/engine/import/htmlDocument';
import { findPageByline, readPageMetadata } from '../../../../electron/engine/import/metadata';

describe('readPageMetadata', () => {
  it('takes the first <meta> of each name, even when it is empty, and matches names case-sensitively', () => {
    const doc = parseHtml(`<!DOCTYPE html><html><head>
      <meta name="author" content=""><meta name="author" content="第二个">
      <meta property="og:site_name" content="健康报"><meta name="ArticleTitle" content="医保新规解读">
      <meta name="AUTHOR" content="大写"><title>标题_国家医保局</title></head><body><h1>正文标题</h1></body></html>`);
    const m = readPageMetadata(doc);
    expect(m.authorMeta).toBeNull();
    expect(m.siteName).toBe('健康报');
    expect(m.articleTitle).toBe('医保新规解读');
    expect(m.documentTitle).toBe('标题_国家医保局');
    expect(m.h1).toBe('正文标题');
    expect(m.wechat).toBeNull();
  });

  it('prefers the <h1> inside the <article>', () => {
    const doc = parseHtml('<!DOCTYPE html><body><h1>网站名</h1><article><h1>文章标题</h1><p>正文</p></article></body>');
    expect(readPageMetadata(doc).h1).toBe('文章标题');
  });

  it('takes the canonical <link> as the selector engine does (value in any case), else og:url', () => {
    const page = (links: string): Document =>
      parseHtml(`<!DOCTYPE html><head>${links}<meta property="og:url" content="https://example.com/og"></head><body><p>正文</p></body>`);
    expect(readPageMetadata(page('<link rel="Canonical" href="https://example.com/a"><link rel="canonical" href="https://example.com/b">')).canonicalUrl).toBe('https://example.com/a');
    expect(readPageMetadata(page('<link rel="stylesheet" href="/s.css"><link rel="canonical" href="https://example.com/c">')).canonicalUrl).toBe('https://example.com/c');
    expect(readPageMetadata(page('<link rel="stylesheet" href="/s.css"><link rel="canonical">')).canonicalUrl).toBe('https://example.com/og');
    expect(readPageMetadata(page('<link rel="stylesheet" href="/s.css"><link rel=" canonical" href="/x">')).canonicalUrl).toBe('https://example.com/og');
    expect(readPageMetadata(page('')).canonicalUrl).toBe('https://example.com/og');
    for (const links of ['<link rel="CANONICAL" href="/u">', '<link title="canonical" href="/t"><link rel="canonical" href="/u">', '<link rel="stylesheet canonical" href="/v">']) {
      const doc = page(links);
      expect(readPageMetadata(doc).canonicalUrl, links).toBe(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? 'https://example.com/og');
    }
  });

  it('reads WeChat fields by id, and recognises a WeChat page by its og:url', () => {
    const doc = parseHtml(`<!DOCTYPE html><head><meta property="og:url" content="https://mp.weixin.qq.com/s/abc">
      <meta property="og:title" content="公众号文章"></head><body><span id="js_name"> 医药观察 </span><div>正文</div></body>`);
    expect(readPageMetadata(doc).wechat).toEqual({ title: '公众号文章', account: '医药观察', author: null });
  });
});

describe('findPageByline', () => {
  it('reads the innermost short element whose text is a byline', () => {
    const doc = parseHtml('<!DOCTYPE html><body><div class="info">发布时间：2024-11-18 <span>来源：国家医保局</span></div><p>正文很长的段落。</p></body>');
    expect(findPageByline(doc).source).toBe('国家医保局');
  });

  it('skips elements that hold other blocks, and looks only inside <body>', () => {
    const doc = parseHtml('<!DOCTYPE html><head><title>来源：标题里的</title></head><body><div><p>作者：张三</p></div></body>');
    const line = findPageByline(doc);
    expect(line.author).toBe('张三');
    expect(line.source).toBeUndefined();
  });
});
