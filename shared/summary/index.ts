// 【提要】: an extractive summary the way the editors write theirs — the article's own sentences,
// mostly from the lead, in the article's order, about 190 characters, never cut mid-sentence.
import type { Block } from '../content/blocks';
import { cleanBlocks } from './clean';
import { segmentParagraphs } from './segment';
import { selectSentences } from './select';

export interface SummaryInput {
  title: string;
  blocks: Block[];
}

export interface SummaryOptions {
  /** length the summary aims at, in characters (default 190) */
  targetLength?: number;
  /** hard limit, in characters (default 320) */
  maxLength?: number;
}

export const DEFAULT_TARGET_LENGTH = 190;
export const DEFAULT_MAX_LENGTH = 320;

export function summarize(input: SummaryInput, options: SummaryOptions = {}): string {
  const maxLength = Math.max(1, options.maxLength ?? DEFAULT_MAX_LENGTH);
  const targetLength = Math.min(maxLength, Math.max(1, options.targetLength ?? DEFAULT_TARGET_LENGTH));
  const paragraphs = cleanBlocks(input.blocks);
  const bodyIndex: number[] = [];
  const texts: string[] = [];
  paragraphs.forEach((p, i) => {
    if (p.kind !== 'heading') {
      bodyIndex.push(i);
      texts.push(p.text);
    }
  });
  const sentences = segmentParagraphs(texts);
  return selectSentences(sentences, { title: input.title, targetLength, maxLength });
}
