// 【提要】: an extractive summary the way the editors write theirs — the article's own sentences,
// mostly from the lead, in the article's order, about 190 characters, never cut mid-sentence.
//
//   blocks ─ clean.ts ─▶ body paragraphs (no credits, captions, tables, boilerplate, note marks)
//          ─ segment.ts ─▶ sentences (quotes and brackets respected)
//          ─ score.ts ─▶ lead/title/centrality/thesis/style score per sentence
//          ─ opening.ts ─▶ where the lead may start (a preamble of questions or background is skipped)
//          ─ select.ts ─▶ lead paragraph whole, topped up when short; joined in order
//
// Pure and deterministic; measured by `npm run bench:summary` against the editors' own 提要.
import type { Block } from '../content/blocks';
import { cleanBlocks, stripSpeakerLabel } from './clean';
import { findPreamble } from './opening';
import { scoreSentences } from './score';
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

/**
 * The 提要 of an article: whole sentences of its body, in order, at most `maxLength` characters
 * (spaces not counted). Empty when the article has no body text.
 */
export function summarize(input: SummaryInput, options: SummaryOptions = {}): string {
  const maxLength = Math.max(1, options.maxLength ?? DEFAULT_MAX_LENGTH);
  const targetLength = Math.min(maxLength, Math.max(1, options.targetLength ?? DEFAULT_TARGET_LENGTH));
  const title = input.title ?? '';
  const paragraphs = cleanBlocks(input.blocks);
  const raw: string[] = [];
  const sectionOpeners = new Set<number>();
  paragraphs.forEach((p, i) => {
    if (p.kind === 'heading') return;
    if (i > 0 && paragraphs[i - 1].kind === 'heading') sectionOpeners.add(raw.length);
    raw.push(p.text);
  });
  const texts = raw.map((t) => stripSpeakerLabel(t, title));
  // An interview (several turns opened by a speaker's label) is summed up from its first answer,
  // not from the reporter's introduction.
  const turns = texts.map((t, i) => (t !== raw[i] ? i : -1)).filter((i) => i >= 0);
  // Otherwise a feature's preamble (questions it will answer, background) is passed over; after
  // background there is no lead to take whole, only key sentences.
  const preamble =
    turns.length >= 2
      ? { kind: 'none' as const, end: turns[0] }
      : findPreamble(paragraphs.map((p) => ({ text: p.text, heading: p.kind === 'heading' })));
  const leadFrom = preamble.end;
  const sentences = segmentParagraphs(texts);
  const scored = scoreSentences(sentences, { title, paragraphCount: texts.length, sectionOpeners });
  return selectSentences(scored, { targetLength, maxLength, leadFrom, wholeLead: preamble.kind !== 'background' });
}
