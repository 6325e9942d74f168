// Picks sentences for the 提要 within the length budget and joins them in the article's order.
//
// Editors start from the lead: the first real paragraph goes in whole when it fits. Only a short
// lead (under LEAD_ENOUGH of the target) is topped up with the best other sentences, each chosen
// only if it brings the length closer to the target; a lead longer than the hard limit keeps its
// first sentence and the best of the rest. Nothing is ever cut mid-sentence.
import type { ScoredSentence } from './score';
import { endsSentence, splitClauses, summaryLength } from './segment';

export interface SelectOptions {
  targetLength: number;
  maxLength: number;
  /** first paragraph that may open the 提要 (an interview's first answer); default 0 */
  leadFrom?: number;
  /**
   * Whether the lead paragraph goes in whole (default true). An article that opens with
   * background has no news lead: only the lead's first sentence is taken, and the rest of the
   * 提要 is gathered from the best sentences.
   */
  wholeLead?: boolean;
}

/**
 * A lead paragraph at least this share of the target stands alone, as editors usually leave it:
 * their 提要 run 100–320 characters, so with the default target of 190 a lead under 100
 * characters is topped up.
 */
export const LEAD_ENOUGH = 100 / 190;
/** How much of a candidate's bigrams may already be in the summary before it counts as repetition. */
const REDUNDANCY_WEIGHT = 2.5;
/** Sentences shorter than this (teasers, fragments) are never added to top up a short lead. */
const MIN_ADD_LENGTH = 15;
/** Candidates below this score are never added to top up a short lead. */
const MIN_ADD_SCORE = -0.2;

export { summaryLength };

/** Paragraphs looked at for the lead: the opening of an article, not its middle. */
const LEAD_WINDOW = 3;
/**
 * Preference for a lead paragraph that fits the limit whole over one that must be cut: editors
 * take a paragraph whole when they can (a clipping may open with an overlong preface and then
 * an abstract that fits).
 */
const WHOLE_LEAD_BONUS = 1.0;
/**
 * Share of the title's bigrams a sentence of an opening paragraph must carry to count as restating
 * the headline (the paragraph may lead with context and then name the report the headline is about).
 */
const HEADLINE_RESTATED = 0.8;
/** How much better a later paragraph must open to replace the first one as the lead. */
const LEAD_OVERRIDE_MARGIN = 0.4;

/**
 * Index of the paragraph that opens the 提要: of the first few paragraphs that read as a lead
 * (not a one-line teaser, a question or a bare attributed quote), the one whose opening sentence
 * scores best. The position prior in the scores makes this the first paragraph unless a later
 * one states the title's subject far better (a clipping that opens with a statistic or a teaser).
 */
export function leadParagraph(sentences: ScoredSentence[], maxLength = Infinity, leadFrom = 0): number {
  const byParagraph = new Map<number, ScoredSentence[]>();
  for (const s of sentences) {
    const list = byParagraph.get(s.paragraph) ?? [];
    list.push(s);
    byParagraph.set(s.paragraph, list);
  }
  const all = [...byParagraph.keys()].sort((a, b) => a - b);
  const from = all.some((p) => p >= leadFrom) ? all.filter((p) => p >= leadFrom) : all;
  // The lead is the text above the first sub-heading, when there is any.
  const firstSection = from.findIndex((p) => byParagraph.get(p)?.[0].opensSection);
  const paragraphs = firstSection > 0 ? from.slice(0, firstSection) : from;
  let best = -1;
  let bestValue = -Infinity;
  for (const p of paragraphs.slice(0, LEAD_WINDOW)) {
    const list = byParagraph.get(p) ?? [];
    const length = list.reduce((a, s) => a + s.length, 0);
    const asks = list.every((s) => /[？?][”’」』）)]*$/.test(s.text));
    const attribution = list.length <= 2 && list.some((s) => /(?:表示|说|指出|认为|介绍|称)[。！]?$/.test(s.text));
    // A teaser: a few words, or a short exclamation or question; a short plain statement can lead.
    const teaser = length < 15 || (length < 30 && !/。[”’」』）)]*$/.test(list[list.length - 1].text));
    // A hook: the paragraph trails off (`……`) or ends on a question or a colon, leading the
    // reader on rather than stating the news.
    const hook = /(?:……|…|\.{3,}|[？?：:])[”’」』）)]*$/.test(list[list.length - 1].text);
    if (teaser || asks || attribution || hook) continue;
    // A paragraph that restates the headline in any of its sentences is the lead, whatever came before it.
    if (list.some((s) => s.titleShare >= HEADLINE_RESTATED)) return p;
    const value = list[0].score + (length <= maxLength ? WHOLE_LEAD_BONUS : -WHOLE_LEAD_BONUS);
    if (best < 0 || value > bestValue + LEAD_OVERRIDE_MARGIN) {
      bestValue = value;
      best = p;
    }
  }
  return best >= 0 ? best : (paragraphs[0] ?? 0);
}

function overlapShare(a: Set<number>, chosen: Set<number>): number {
  if (a.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (chosen.has(x)) shared++;
  return shared / a.size;
}

export function selectSentences(sentences: ScoredSentence[], options: SelectOptions): string {
  const { targetLength, maxLength } = options;
  if (sentences.length === 0) return '';
  const chosen = new Set<number>();
  let length = 0;
  const take = (i: number): void => {
    chosen.add(i);
    length += sentences[i].length;
  };

  const lead = leadParagraph(sentences, maxLength, options.leadFrom ?? 0);
  const leadIdx = sentences.map((s, i) => (s.paragraph === lead ? i : -1)).filter((i) => i >= 0);
  const leadLength = leadIdx.reduce((a, i) => a + sentences[i].length, 0);
  const wholeLead = options.wholeLead ?? true;
  if (!wholeLead && leadIdx.length > 0 && sentences[leadIdx[0]].length <= maxLength) {
    take(leadIdx[0]);
  } else if (leadLength <= maxLength) {
    for (const i of leadIdx) take(i);
  } else {
    // An overlong lead: its first sentence that fits, then the rest compete below.
    const first = leadIdx.find((i) => sentences[i].length <= maxLength);
    if (first !== undefined) take(first);
  }

  if (chosen.size === 0) {
    const best = bestFitting(sentences, chosen, maxLength);
    if (best < 0) return fitOverlong(sentences[leadIdx[0] ?? 0].text, maxLength);
    take(best);
  }

  if (!wholeLead || length < LEAD_ENOUGH * targetLength || leadLength > maxLength) {
    const seen = new Set<number>();
    for (const i of chosen) for (const b of sentences[i].bigrams) seen.add(b);
    for (;;) {
      let best = -1;
      let bestGain = -Infinity;
      for (let i = 0; i < sentences.length; i++) {
        if (chosen.has(i)) continue;
        const s = sentences[i];
        // Text above the lead was passed over as a teaser or an introduction; fragments never help.
        if (s.paragraph < lead || s.length < MIN_ADD_LENGTH) continue;
        if (s.score < MIN_ADD_SCORE || length + s.length > maxLength) continue;
        // Only if the summary gets closer to the target length.
        if (Math.abs(length + s.length - targetLength) >= Math.abs(length - targetLength)) continue;
        const gain = s.score - REDUNDANCY_WEIGHT * overlapShare(s.bigrams, seen);
        if (gain > bestGain) {
          bestGain = gain;
          best = i;
        }
      }
      if (best < 0) break;
      take(best);
      for (const b of sentences[best].bigrams) seen.add(b);
    }
  }

  const order = [...chosen].sort((a, b) => a - b);
  // A list item closed by `；` ends with `。` when its next item is not in the 提要.
  const texts = order.map((i, k) =>
    k + 1 < order.length && order[k + 1] !== i + 1 ? sentences[i].text.replace(/[；;]$/, '。') : sentences[i].text,
  );
  if (texts.length > 0) texts[0] = stripOpeningFiller(texts[0]);
  return joinSentences(texts);
}

/** Reporting fillers that editors drop when a sentence opens the 提要: `据了解，近日，……`. */
const OPENING_FILLER = /^(?:据了解|据悉|据介绍|记者了解到|记者获悉|记者从[^，,]{2,20}获悉|笔者了解到)[，,]\s*/;

export function stripOpeningFiller(sentence: string): string {
  const rest = sentence.replace(OPENING_FILLER, '');
  return rest !== sentence && summaryLength(rest) >= 10 ? rest : sentence;
}

function bestFitting(sentences: ScoredSentence[], chosen: Set<number>, maxLength: number): number {
  let best = -1;
  for (let i = 0; i < sentences.length; i++) {
    if (chosen.has(i) || sentences[i].length > maxLength) continue;
    if (best < 0 || sentences[i].score > sentences[best].score) best = i;
  }
  return best;
}

/**
 * Joins sentences. Each one ends with a mark, so two never run together: a clipping's paragraph
 * may lack its final 。, and one that trails off (`……`, a "read more" cut) is closed with 。 as
 * editors do. The 提要 itself ends like a sentence: a trailing `；` of a list item becomes 。.
 */
export function joinSentences(texts: string[]): string {
  const closed = texts
    .map((t) => t.trim().replace(/(?:……|\.{3,}|…)$/, '。'))
    .filter((t) => t !== '' && t !== '。')
    .map((t) => (endsSentence(t) ? t : `${t}。`));
  return closed.join('').replace(/[；;，,：:、]$/, '。');
}

/**
 * Every sentence is over the limit: the longest run of whole clauses from the start of the lead
 * sentence that fits, closed with `。`. Cutting at a clause mark keeps each clause whole, and an
 * ellipsis would print text the article never had.
 */
export function fitOverlong(sentence: string, maxLength: number): string {
  let out = '';
  for (const clause of splitClauses(sentence)) {
    if (summaryLength(out + clause) > maxLength) break;
    out += clause;
  }
  if (out === '') return '';
  return out.replace(/[，,；;：:、。！？!?]$/, '') + '。';
}
