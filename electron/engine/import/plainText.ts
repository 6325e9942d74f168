// Plain text → HTML: blank lines separate paragraphs; single line breaks inside a paragraph are kept
// as line breaks only when the lines are short (a list, an address), otherwise joined — pasted text
// from WeChat and PDFs breaks lines mid-sentence. The first short line is the title.

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const SHORT_LINE = 30;
const HEADING_RE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]\s*)\S.{0,40}$/;

function paragraphHtml(lines: string[]): string {
  const allShort = lines.length > 1 && lines.every((l) => l.length <= SHORT_LINE);
  const body = allShort ? lines.map(escapeHtml).join('<br>') : lines.map(escapeHtml).join('');
  if (lines.length === 1 && HEADING_RE.test(lines[0]) && !/[。；！？]$/.test(lines[0])) {
    const level = /^[一二三四五六七八九十]+、/.test(lines[0]) ? 'h2' : 'h3';
    return `<${level}>${body}</${level}>`;
  }
  return `<p>${body}</p>`;
}

export function plainTextToHtml(text: string): { html: string; title: string | null } {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const blocks = normalized
    .split(/\n[ \t\u3000]*\n/)
    .map((b) => b.split('\n').map((l) => l.trim()).filter((l) => l !== ''))
    .filter((b) => b.length > 0);
  let title: string | null = null;
  if (blocks.length > 1 && blocks[0].length === 1 && blocks[0][0].length <= 60 && !/[。；]$/.test(blocks[0][0])) {
    title = blocks[0][0];
    blocks.shift();
  } else if (blocks.length > 0 && blocks[0].length > 1 && blocks[0][0].length <= 60 && !/[。；]$/.test(blocks[0][0])) {
    // Title on the first line, byline lines right below it without a blank line.
    title = blocks[0].shift() ?? null;
    const rest = blocks.shift() ?? [];
    blocks.unshift(...rest.map((l) => [l]));
  }
  const html = blocks.map(paragraphHtml).join('\n');
  return { html: title ? `<h1>${escapeHtml(title)}</h1>\n${html}` : html, title };
}
