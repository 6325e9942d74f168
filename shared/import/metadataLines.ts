// Metadata lines inside a clipping's text: `来源：国家医保局`, `作者 | 张三`, `文 / 李四 编辑：王五`.
// Pure string logic, shared by every importer (HTML, WeChat, Word, Markdown, plain text).

export interface MetadataLine {
  source?: string;
  author?: string;
}

// Labels that may appear in a byline; only 来源 and 作者 are kept, the others just mark the line as metadata.
const SOURCE_LABELS = ['文章来源', '稿件来源', '信息来源', '来源', '來源', '文章來源'];
// Not 记者: in interviews `记者：…` starts a question, not a byline.
const AUTHOR_LABELS = ['作者', '作 者', '撰文', '文'];
const OTHER_LABELS = ['编辑', '责编', '责任编辑', '审核', '校对', '排版', '美编', '图', '发布时间', '发布日期', '时间', '日期', '发布', '原标题', '通讯员'];

const ALL_LABELS = [...SOURCE_LABELS, ...AUTHOR_LABELS, ...OTHER_LABELS].sort((a, b) => b.length - a.length);
const SEPARATOR = '[:：|｜丨/／]';
const LABEL_RE = new RegExp(`(^|[\\s\\u3000，,；;]+)(${ALL_LABELS.map(escapeRe).join('|')})\\s*${SEPARATOR}\\s*`, 'g');

/** A byline is short; a longer line naming a source is body text ("数据来源：…" under a chart is a caption). */
const MAX_LINE_LENGTH = 80;
const MAX_VALUE_LENGTH = 40;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cleanValue(value: string): string {
  return value
    // Page furniture that follows a byline on news sites: 【字体：大 中 小】, [打印], (点击量：…)
    .replace(/\s*[【[［].*$/, '')
    .replace(/[\s\u3000]+/g, ' ')
    .replace(/^[\s:：|｜丨/／]+|[\s。；;，,]+$/g, '')
    .trim();
}

/**
 * Parses one line of text as a byline. Returns null when the line is not purely metadata
 * (it must start with a known label, or with a date followed by labels).
 */
export function parseMetadataLine(line: string): MetadataLine | null {
  const text = line.replace(/[\u200b\ufeff]/g, '').replace(/\u00a0/g, ' ').trim();
  if (text === '' || text.length > MAX_LINE_LENGTH) return null;
  // Allow a leading date ("2024-11-20 来源：健康报").
  const lead = /^(\d{4}[-./年]\d{1,2}[-./月]\d{1,2}日?(\s+\d{1,2}:\d{2}(:\d{2})?)?)\s*/.exec(text);
  const body = lead ? text.slice(lead[0].length) : text;
  const matches = [...body.matchAll(LABEL_RE)];
  if (matches.length === 0 || matches[0].index !== 0) return null;
  const out: MetadataLine = {};
  for (const [i, m] of matches.entries()) {
    const label = m[2];
    const start = m.index + m[0].length;
    const end = i + 1 < matches.length ? matches[i + 1].index : body.length;
    const value = cleanValue(body.slice(start, end));
    // A name or an outlet never holds sentence punctuation; a question or a sentence does.
    if (value === '' || value.length > MAX_VALUE_LENGTH || /[，。？！?!；]/.test(value)) {
      if (SOURCE_LABELS.includes(label) || AUTHOR_LABELS.includes(label)) return null;
      continue;
    }
    if (SOURCE_LABELS.includes(label)) out.source ??= value;
    else if (AUTHOR_LABELS.includes(label)) out.author ??= value;
  }
  // "文" and "图" alone are too common as the first character of a sentence ("文/…" is fine, "文中" is not):
  // the separator is required by LABEL_RE, so this only accepts real bylines.
  return out;
}

/** Author names joined the way the issue prints them: `张三 李四`. */
export function normalizeAuthor(value: string): string {
  return value
    .split(/[\s、,，;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' ');
}
