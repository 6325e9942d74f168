// What survives sanitising of clipped or pasted HTML, shared by the Node importer and the editor's paste.
// Only structure the article model can hold is kept: no scripts, frames, forms, SVG, styles or event handlers.
import type { Config } from 'dompurify';

export const ALLOWED_TAGS = [
  'article', 'section', 'div', 'span', 'p', 'br', 'hr',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'sup', 'sub', 'mark', 'small', 'code', 'pre',
  'blockquote', 'ul', 'ol', 'li',
  'a', 'img', 'figure', 'figcaption', 'picture',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col',
];

export const ALLOWED_ATTR = [
  'href', 'src', 'data-src', 'data-original', 'alt', 'title', 'width', 'height',
  'colspan', 'rowspan', 'start', 'type', 'value',
  // Word's list markers (mso-list) live in style/class; read by the paste clean-up, then dropped.
  'style', 'class', 'id', 'align',
];

/** http(s), mailto, in-page anchors, relative URLs and raster data: images; never javascript:, vbscript: or data:text/html. */
export const ALLOWED_URI_REGEXP = /^(?:(?:https?|mailto|media):|data:image\/(?:png|jpe?g|gif|webp|bmp);base64,|#|\/|\.{1,2}\/|[^a-z]|[a-z0-9+.-]+(?:[^a-z0-9+.:-]|$))/i;

export const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP,
  FORBID_TAGS: ['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'select', 'textarea', 'noscript', 'template', 'link', 'meta', 'base', 'audio', 'video', 'canvas'],
  FORBID_ATTR: ['srcset', 'onerror', 'onload', 'onclick'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
};
