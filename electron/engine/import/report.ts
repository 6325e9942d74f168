// What `weekly import` prints: the clipping's metadata, its body as plain text, and block counts.
import { blocksToPlainText, toBlocks } from '../../../shared/content/walker';
import type { Block } from '../../../shared/content/blocks';
import type { ImportedClipping } from './types';

export interface ImportReport {
  title: string;
  source: string;
  author: string | null;
  url: string | null;
  text: string;
  /** `image` counts figures that carry an image; a figure whose picture was lost shows only in `text` (its caption) */
  blocks: { paragraph: number; heading: number; table: number; image: number; list: number };
  warnings: string[];
}

export function countBlocks(blocks: Block[]): ImportReport['blocks'] {
  const counts = { paragraph: 0, heading: 0, table: 0, image: 0, list: 0 };
  for (const b of blocks) {
    if (b.kind === 'figure') {
      if (b.src !== '') counts.image++;
    } else if (b.kind === 'quote') counts.paragraph++;
    else counts[b.kind]++;
  }
  return counts;
}

export function importReport(clipping: ImportedClipping): ImportReport {
  const blocks = toBlocks(clipping.content);
  return {
    title: clipping.title,
    source: clipping.source,
    author: clipping.author,
    url: clipping.url,
    text: blocksToPlainText(blocks),
    blocks: countBlocks(blocks),
    warnings: clipping.warnings,
  };
}
