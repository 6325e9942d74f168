// Openings an editor passes over when writing the 提要 of a feature or a report.
//
// A news lead states the news and goes into the 提要 whole. Features and research reports often
// open instead with a preamble the editor skips:
// - a preamble that poses the questions the article answers (`如何理解……？……又将如何？`) — the
//   reporter's introduction before an interview or a talk, or a rhetorical run-up of questions;
//   the 提要 then starts where the answers start;
// - scene-setting background: a year framed as a milestone (`2020 年是……收官之年`) or a
//   textbook definition of the subject (`“互联网医院”是指……`). Such an article has no news lead
//   at all: the 提要 is gathered from its key sentences after the background.
// Either way the 提要 starts after the preamble, at the first sub-heading when the preamble sits
// above one.

/** Opening paragraphs looked at for a preamble. */
export const OPENING_WINDOW = 6;
/** Questions the opening must pose to count as a preamble of questions. */
const PREAMBLE_QUESTIONS = 2;
/** A preamble of questions starts asking within this many paragraphs: it is an opening device. */
const FIRST_QUESTION_WITHIN = 3;
/**
 * A news lead dates the news (`11月18日，`, `近日，`): such an opening is never a preamble, whatever
 * framing or questions come with it.
 */
const NEWS_TIME = /\d{1,2}\s*月\s*\d{1,2}\s*日|近日|日前|昨[日天]|今[日天]|本周|上周|日内/;

const QUESTION = /[？?]/g;
const QUOTED = /“[^“”]*”|「[^「」]*」/g;
/** A year framed as a milestone: `2020 年是十三五计划的收官之年`, `2021 年作为……元年`. */
const MILESTONE_YEAR = /^(?:\d{4}\s*年|今年|去年|明年)(?:是|作为|既是)[^。！？]{0,30}(?:之年|元年|开局年|收官年)/;
/** A textbook definition of the subject: `“互联网医院”是指……`, `所谓数字疗法，指的是……`. */
const DEFINITION = /^(?:所谓)?[“"「]?[^，。！？“”"「」]{2,20}[”"」]?[，,]?\s*(?:是指|指的是|的定义是)/;

export interface OpeningParagraph {
  text: string;
  /** a sub-heading, not body text */
  heading: boolean;
}

/** The opening sentence is background an editor would not lead with. */
export function backgroundOpening(text: string): boolean {
  const first = text.trim();
  return MILESTONE_YEAR.test(first) || DEFINITION.test(first);
}

export type PreambleKind = 'none' | 'questions' | 'background';

export interface Preamble {
  kind: PreambleKind;
  /**
   * Index, among the body paragraphs (headings not counted), of the first paragraph the 提要 may
   * start from: 0 for an ordinary lead.
   */
  end: number;
}

/** The preamble an editor would skip at the top of the article, if any. */
export function findPreamble(paragraphs: OpeningParagraph[]): Preamble {
  const none: Preamble = { kind: 'none', end: 0 };
  const firstHeading = paragraphs.findIndex((p) => p.heading);
  const body = paragraphs.filter((p) => !p.heading);
  if (body.length < 2) return none;
  // Body paragraphs above the first sub-heading, when there is one.
  const above = firstHeading < 0 ? Infinity : firstHeading;
  const window = body.slice(0, Math.min(OPENING_WINDOW, above));
  // Questions the writer asks; a question quoted from someone (`“……吗？”`) is reported news.
  const questions = window.map((p) => (p.text.replace(QUOTED, '').match(QUESTION) ?? []).length);
  const total = questions.reduce((a, b) => a + b, 0);
  if (window.length === 0 || NEWS_TIME.test(window[0].text)) return none;
  let found = none;
  const firstAsking = questions.findIndex((q) => q > 0);
  if (total >= PREAMBLE_QUESTIONS && firstAsking < FIRST_QUESTION_WITHIN) {
    // Past the last paragraph that asks.
    const last = questions.findLastIndex((q) => q > 0);
    found = { kind: 'questions', end: last + 1 };
  } else if (backgroundOpening(window[0].text)) {
    // Background above a sub-heading is skipped whole; without one, only its first paragraph.
    found = { kind: 'background', end: above <= OPENING_WINDOW ? above : 1 };
  }
  // Never skip the whole article.
  return found.end < body.length ? found : none;
}

/** Index of the first body paragraph the 提要 may start from (see {@link findPreamble}). */
export function preambleEnd(paragraphs: OpeningParagraph[]): number {
  return findPreamble(paragraphs).end;
}
