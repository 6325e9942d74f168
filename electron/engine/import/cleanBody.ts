// Clean the extracted, sanitised body in place: resolve links and images, drop the title when the page
// repeats it, lift 来源/作者 bylines out of the text, and remove WeChat's follow/QR/阅读原文 boilerplate.
import { imageSource } from '../../../shared/lexical/FigureNode';
import { parseMetadataLine, type MetadataLine } from '../../../shared/import/metadataLines';
import { textKey } from '../../../shared/import/punctuation';
import { elementsWithTag } from './extractContent';
import { textOf, unwrap } from './htmlDocument';
import { verifiedDataUrl } from './images';
import { LIMITS } from './limits';

export interface CleanResult {
  byline: MetadataLine;
  warnings: string[];
}

/** How many blocks at the start (and end) of a body may hold the title, bylines or boilerplate. */
const LEADING_SCAN = 8;
const TRAILING_SCAN = 8;
const BOILERPLATE_RE =
  /(长按|扫描|扫码|识别).{0,8}(二维码|关注)|点击.{0,6}(蓝字|上方|下方|关注)|关注.{0,8}(公众号|我们)|阅读原文|点个?[“"]?在看|分享.{0,4}(点赞|在看)|星标|戳这里|▼|往期(推荐|回顾|精彩)|推荐阅读|END$/;
const MAX_BOILERPLATE_LENGTH = 60;

const LEAF_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'LI', 'DIV', 'SECTION', 'FIGURE', 'TABLE']);
const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL', 'TABLE', 'FIGURE', 'SECTION', 'DIV']);

/**
 * Blocks in reading order that hold text or an image directly (not containers of other blocks); tables
 * and figures count as one block each. One iterative pass, so deeply nested pages stay linear.
 */
function leafBlocks(body: Element): Element[] {
  const out: Element[] = [];
  // Post-order walk: an element is a container when any descendant is a block.
  const hasBlockBelow = new Map<Element, boolean>();
  const stack: Array<{ el: Element; visited: boolean }> = [{ el: body, visited: false }];
  const order: Element[] = [];
  while (stack.length > 0) {
    const top = stack.pop() as { el: Element; visited: boolean };
    if (top.visited) {
      let below = false;
      for (let c = top.el.firstElementChild; c; c = c.nextElementSibling) if (BLOCK_TAGS.has(c.tagName) || hasBlockBelow.get(c)) below = true;
      hasBlockBelow.set(top.el, below);
      continue;
    }
    order.push(top.el);
    stack.push({ el: top.el, visited: true });
    // Tables and figures are single blocks: their insides are not walked.
    if (top.el !== body && (top.el.tagName === 'TABLE' || top.el.tagName === 'FIGURE')) continue;
    const children: Element[] = [];
    for (let c = top.el.firstElementChild; c; c = c.nextElementSibling) children.push(c);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ el: children[i], visited: false });
  }
  for (const el of order) {
    if (el === body || !LEAF_TAGS.has(el.tagName) || el.tagName === 'LI') continue;
    if (el.tagName === 'TABLE' || el.tagName === 'FIGURE' || !hasBlockBelow.get(el)) out.push(el);
  }
  return out;
}

// The body is sanitised: HTML elements only, with lower-case names from the allow-list, so tag lookups find
// exactly what a selector would; jsdom runs its whole selector engine (set up again for every page) on
// querySelector, even for a bare tag name.

function firstByTag(el: Element, tag: string): Element | null {
  return el.getElementsByTagName(tag)[0] ?? null;
}

function hasImage(el: Element): boolean {
  return el.tagName === 'IMG' || firstByTag(el, 'img') !== null;
}

/** Removes an element and any ancestors left empty by its removal (WeChat nests sections deeply). */
function removeBlock(el: Element, body: Element): void {
  let cur: Element | null = el;
  while (cur && cur !== body) {
    const parent: Element | null = cur.parentElement;
    cur.remove();
    if (!parent || parent === body || textOf(parent) !== '' || hasImage(parent)) break;
    cur = parent;
  }
}

function resolveUrl(value: string, base: string | undefined): string | null {
  try {
    return new URL(value, base).href;
  } catch {
    return null;
  }
}

function resolveLinksAndImages(
  body: Element,
  baseUrl: string | undefined,
  localImage: ((relativePath: string) => string | null) | undefined,
  warnings: string[],
): void {
  for (const a of Array.from(body.getElementsByTagName('a'))) {
    if (!a.hasAttribute('href')) continue;
    const href = a.getAttribute('href') ?? '';
    if (href.startsWith('#')) continue;
    const abs = resolveUrl(href, baseUrl);
    if (abs && /^(https?|mailto):/i.test(abs)) a.setAttribute('href', abs);
    else a.removeAttribute('href');
  }
  // A link that lost its target (javascript:, data:, unresolvable) keeps only its text.
  for (const a of Array.from(body.getElementsByTagName('a'))) if (!a.hasAttribute('href')) unwrap(a);
  let unresolved = 0;
  let notImages = 0;
  for (const img of Array.from(body.getElementsByTagName('img'))) {
    const src = imageSource(img);
    img.removeAttribute('data-src');
    img.removeAttribute('data-original');
    if (src.startsWith('media:')) {
      img.setAttribute('src', src);
      continue;
    }
    if (/^data:/i.test(src)) {
      const verified = verifiedDataUrl(src, LIMITS.maxImageBytes);
      if (!verified) notImages++;
      img.setAttribute('src', verified ?? '');
      continue;
    }
    const local = !baseUrl && src && localImage && !/^[a-z][a-z0-9+.-]*:/i.test(src) ? localImage(src) : null;
    const abs = local ?? (src ? resolveUrl(src, baseUrl) : null);
    if (abs && (local || /^https?:/i.test(abs))) img.setAttribute('src', abs);
    else {
      if (src) unresolved++;
      img.setAttribute('src', '');
    }
  }
  if (notImages > 0) warnings.push(`有 ${notImages} 张图片不是可识别的图片格式（或超过 ${LIMITS.maxImageBytes / 1024 / 1024} MB），已略去`);
  if (unresolved > 0) warnings.push(`有 ${unresolved} 张图片的地址无法解析，已略去`);
}

const CAPTION_RE = /^(?:(?:图|图片|图表|表|附图|Figure|Fig\.?)\s*[\d一二三四五六七八九十]+|(?:数据|资料|图片)来源\s*[:：])/i;
const MAX_CAPTION_LENGTH = 80;

/** An image alone in its block followed by a short "图 1 …" line: make them one <figure> with a caption. */
function attachCaptions(body: Element, blocks: Element[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const next = blocks[i + 1];
    if (textOf(block) !== '' || !hasImage(block) || block.tagName === 'TABLE') continue;
    if (block.tagName === 'FIGURE' && firstByTag(block, 'figcaption')) continue;
    const caption = textOf(next);
    const alt = (firstByTag(block, 'img') ?? block).getAttribute('alt')?.trim() ?? '';
    if (alt !== '' && alt.length <= MAX_CAPTION_LENGTH && CAPTION_RE.test(alt) && !firstByTag(block, 'figcaption')) {
      // Markdown's ![图 1 …](…) carries its caption in the alt text.
      wrapInFigure(block, alt);
      continue;
    }
    if (!next || next.tagName === 'TABLE' || next.tagName === 'FIGURE' || caption.length > MAX_CAPTION_LENGTH || !CAPTION_RE.test(caption)) continue;
    wrapInFigure(block, caption);
    removeBlock(next, body);
    i++;
  }
}

function wrapInFigure(block: Element, caption: string): void {
  const doc = block.ownerDocument;
  const img = block.tagName === 'IMG' ? block : firstByTag(block, 'img');
  const figure = doc.createElement('figure');
  if (img) figure.append(img.cloneNode(true));
  const figcaption = doc.createElement('figcaption');
  figcaption.textContent = caption;
  figure.append(figcaption);
  block.replaceWith(figure);
}

const HEADING_PATTERNS: Array<[RegExp, string]> = [
  [/^[一二三四五六七八九十]+、/, 'h2'],
  [/^[（(][一二三四五六七八九十]+[）)]/, 'h3'],
  [/^\d{1,2}[.、．]\s*\S/, 'h4'],
];
const MAX_HEADING_LENGTH = 40;

/**
 * Government and news pages mark sub-headings as bold paragraphs (`<p><strong>一、筹资标准</strong></p>`).
 * A short, numbered, wholly bold paragraph without a closing full stop becomes a real heading.
 */
function promoteBoldHeadings(body: Element): void {
  for (const p of Array.from(body.getElementsByTagName('p'))) {
    const text = textOf(p);
    if (text === '' || text.length > MAX_HEADING_LENGTH || /[。；;]$/.test(text)) continue;
    const bold = elementsWithTag(p, ['strong', 'b']).map((b) => textOf(b)).join('');
    if (bold.replace(/\s/g, '') !== text.replace(/\s/g, '')) continue;
    const level = HEADING_PATTERNS.find(([re]) => re.test(text))?.[1];
    if (!level) continue;
    const heading = p.ownerDocument.createElement(level);
    heading.textContent = text;
    p.replaceWith(heading);
  }
}

function isEmptyBlock(el: Element): boolean {
  return textOf(el) === '' && !hasImage(el) && el.tagName !== 'TABLE' && el.tagName !== 'FIGURE' && el.tagName !== 'HR';
}

export interface CleanOptions {
  title: string | null;
  baseUrl?: string;
  localImage?: (relativePath: string) => string | null;
}

export function cleanBody(body: Element, options: CleanOptions): CleanResult {
  const warnings: string[] = [];
  const byline: MetadataLine = {};
  resolveLinksAndImages(body, options.baseUrl, options.localImage, warnings);
  const titleKey = options.title ? textKey(options.title) : null;

  const take = (line: MetadataLine): void => {
    if (line.source && !byline.source) byline.source = line.source;
    if (line.author && !byline.author) byline.author = line.author;
  };

  /** A block at either end of the body: a 来源/作者 line (taken into the metadata), boilerplate, or content. */
  const edgeBlockKind = (el: Element, text: string): 'metadata' | 'boilerplate' | null => {
    const line = el.tagName === 'TABLE' || el.tagName === 'FIGURE' ? null : parseMetadataLine(text);
    if (line) {
      take(line);
      return 'metadata';
    }
    return text.length <= MAX_BOILERPLATE_LENGTH && BOILERPLATE_RE.test(text) ? 'boilerplate' : null;
  };

  // The body's leaf blocks, walked again only after a removal has changed them.
  let leaves: Element[] | null = null;
  const blocksNow = (): Element[] => (leaves ??= leafBlocks(body));
  const remove = (el: Element): void => {
    removeBlock(el, body);
    leaves = null;
  };

  // Leading blocks: the repeated title, bylines, boilerplate, empty lines.
  let blocks = blocksNow();
  for (const el of blocks.slice(0, LEADING_SCAN)) {
    const text = textOf(el);
    if (isEmptyBlock(el)) {
      remove(el);
      continue;
    }
    if (titleKey && text !== '' && textKey(text) === titleKey) {
      remove(el);
      continue;
    }
    if (edgeBlockKind(el, text)) {
      remove(el);
      continue;
    }
    break;
  }

  // Trailing blocks: bylines placed at the end (common on WeChat) and follow-us boilerplate.
  // Images there (QR codes, banners) go only when boilerplate text sits right above them.
  blocks = blocksNow();
  let pendingImages: Element[] = [];
  for (const el of blocks.slice(-TRAILING_SCAN).reverse()) {
    const text = textOf(el);
    if (isEmptyBlock(el)) {
      remove(el);
      continue;
    }
    if (text === '' && hasImage(el) && el.tagName !== 'TABLE') {
      pendingImages.push(el);
      continue;
    }
    const kind = edgeBlockKind(el, text);
    if (kind === 'metadata') {
      remove(el);
      continue;
    }
    if (kind === 'boilerplate') {
      remove(el);
      for (const img of pendingImages) remove(img);
      pendingImages = [];
      continue;
    }
    break;
  }

  // Empty paragraphs anywhere (WeChat spaces its text with them).
  for (const el of blocksNow()) if (isEmptyBlock(el)) remove(el);
  attachCaptions(body, blocksNow());
  promoteBoldHeadings(body);
  return { byline, warnings };
}
