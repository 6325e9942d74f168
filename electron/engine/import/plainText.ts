// Plain text → HTML. Blank lines separate blocks. Inside a block, a line that ends a sentence ends a
// paragraph, and a long line without one was wrapped (PDF copies, e-mails) and joins the next; a run of
// short lines after a line ending in "：" is a list. A numbered line alone (`一、…`) is a heading.
// The first short line is the title; 来源/作者 lines are left for the shared byline clean-up.

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const SHORT_LINE = 30;
const SENTENCE_END = /[。！？!?；;：:”」』）)…]$/;
const HEADING_RE = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、．]\s*)\S.{0,40}$/;
const TITLE_MAX = 60;

function headingHtml(line: string): string | null {
  if (!HEADING_RE.test(line) || /[。；]$/.test(line)) return null;
  const level = /^[一二三四五六七八九十]+、/.test(line) ? 'h2' : /^（/.test(line) ? 'h3' : 'h4';
  return `<${level}>${escapeHtml(line)}</${level}>`;
}

/** HTML for one blank-line-separated block of lines. */
export function blockToHtml(lines: string[]): string {
  if (lines.length === 1) {
    const heading = headingHtml(lines[0]);
    if (heading) return heading;
  }
  const out: string[] = [];
  let paragraph = '';
  let list: string[] = [];
  const flushParagraph = (): void => {
    if (paragraph !== '') out.push(`<p>${escapeHtml(paragraph)}</p>`);
    paragraph = '';
  };
  const flushList = (): void => {
    if (list.length > 1) out.push(`<ul>${list.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`);
    else if (list.length === 1) out.push(`<p>${escapeHtml(list[0])}</p>`);
    list = [];
  };
  for (const line of lines) {
    const short = line.length <= SHORT_LINE && !SENTENCE_END.test(line);
    const inList = list.length > 0 || /[：:]$/.test(out.length > 0 ? (lastText(out) ?? '') : '');
    if (paragraph === '' && short && inList) {
      list.push(line);
      continue;
    }
    flushList();
    paragraph += line;
    // A long line without end punctuation was wrapped: keep joining. Anything else ends the paragraph.
    if (SENTENCE_END.test(line) || line.length <= SHORT_LINE) flushParagraph();
  }
  flushParagraph();
  flushList();
  return out.join('\n');
}

function lastText(out: string[]): string | null {
  const last = out[out.length - 1];
  return last ? last.replace(/<[^>]+>/g, '') : null;
}

export function plainTextToHtml(text: string): { html: string; title: string | null } {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ').replace(/^\ufeff/, '');
  const blocks = normalized
    .split(/\n[ \t\u3000]*\n/)
    .map((b) => b.split('\n').map((l) => l.trim()).filter((l) => l !== ''))
    .filter((b) => b.length > 0);
  let title: string | null = null;
  const first = blocks[0];
  if (first && first[0].length <= TITLE_MAX && !SENTENCE_END.test(first[0]) && (blocks.length > 1 || first.length > 1)) {
    title = first.shift() ?? null;
    // Byline lines right under the title (no blank line) stay separate paragraphs.
    if (first.length === 0) blocks.shift();
    else blocks.splice(0, 1, ...first.map((l) => [l]));
  }
  const html = blocks.map(blockToHtml).join('\n');
  return { html: title ? `<h1>${escapeHtml(title)}</h1>\n${html}` : html, title };
}
