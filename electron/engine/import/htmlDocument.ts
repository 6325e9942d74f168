// Parse HTML with jsdom: scripts never run, no subresource is loaded.
import { JSDOM, VirtualConsole } from 'jsdom';

const quiet = new VirtualConsole();

export function parseHtml(html: string, url?: string): JSDOM {
  return new JSDOM(html, {
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    contentType: 'text/html',
    virtualConsole: quiet,
  });
}

/** Plain text of an element with runs of white space collapsed. */
export function textOf(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/**
 * jsdom parses <noscript> content as markup, so an unclosed one swallows the rest of the page. A <noscript>
 * holding real content (long text, several blocks, a table) is unwrapped (its markup is sanitised like the rest); the usual small ones ("请启用
 * JavaScript", duplicate lazy-load images) are dropped.
 */
export function settleNoscript(doc: Document): void {
  for (const el of [...doc.querySelectorAll('noscript')].reverse()) {
    if (!el.isConnected) continue;
    const blocks = el.querySelectorAll('p, div, table, h1, h2, h3, h4, ul, ol, section').length;
    if (textOf(el).length > 100 || blocks >= 2 || el.querySelector('table')) el.replaceWith(...el.childNodes);
    else el.remove();
  }
}
