// Chinese typography clean-up for titles and bylines: a half-width comma, colon, question or
// exclamation mark next to Chinese text becomes the full-width mark the printed issue uses.

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef“”‘’';
const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', '?': '？', ';': '；', '!': '！' };

/**
 * Replaces `,:?;!` by their full-width forms when the mark follows a Chinese character or closing quote
 * (and is not part of a number like `1,000` or a time like `10:30` or a URL).
 */
export function fullWidthPunctuation(text: string): string {
  const re = new RegExp(`([${CJK}])\\s*([,:?;!])(?![/\\d])\\s*`, 'g');
  return text.replace(re, (_m, before: string, mark: string) => `${before}${HALF_TO_FULL[mark]}`);
}

/** Collapses runs of white space (incl. U+3000 and NBSP) to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/** A clean single-line title: white space collapsed, Chinese punctuation full-width. */
export function normalizeTitle(text: string): string {
  return fullWidthPunctuation(collapseWhitespace(text));
}

/**
 * A comparison key for "is this paragraph the title again?": ignores white space, punctuation width,
 * dash variants and case.
 */
export function textKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000\u200b\ufeff]+/g, '')
    .replace(/[—–―-]+/g, '-')
    .replace(/[“”"'‘’「」『』]/g, '')
    .toLowerCase();
}
