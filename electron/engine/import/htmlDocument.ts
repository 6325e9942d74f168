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
