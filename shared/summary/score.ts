// How much a sentence belongs in the 提要, the way the editors of policy and industry news pick:
// the lead first, then sentences that restate the article's thesis or its title, that the rest of
// the article keeps coming back to (centrality), and that read on their own. Questions, bare
// attributions (`……他表示。`), enumerated details and number-heavy sentences rank low.
import { endsSentence, summaryLength, type Sentence } from './segment';
import { bigramSet, textRankOfSets } from './textrank';

/** Opening words of a sentence that states the article's conclusion or thesis. */
const THESIS_OPENING =
  /^(?:总之|综上|综上所述|总的来看|总的来说|总体来看|总体而言|总而言之|由此可见|可以预见|可以看出|可以说|不难看出|显然|因此|所以|归根结底|概括来说|简言之|展望未来|未来|下一步|当前|目前|近年来|随着)/;
/** Words that mark a sentence as stating meaning, aim or outlook. */
const THESIS_WORDS = /意味着|标志着|旨在|关键|核心|根本|重要(?:举措|意义|部署|抓手|组成部分|途径)|必要性|紧迫性|趋势|前景|方向|目标|意义/g;
/** A sentence that only attributes a quote: `……，某某表示。` */
const BARE_ATTRIBUTION = /(?:表示|说|指出|认为|介绍|强调|称|坦言|透露)[。！]?$/;
/** Openings that need the sentence before them to make sense. */
const DANGLING_OPENING = /^(?:但|但是|而|而且|并且|同时|此外|另外|另一方面|其中|其次|再次|最后|对此|为此|这|那|该|其|他|她|它|此|上述|以上|然而|不过|当然|例如|比如|如)/;
/** An enumerated detail: `1.` `（一）` `一是` `第一，` `①`. */
const ENUMERATED = /^(?:\d{1,2}[.．、)）]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}[是要、]|第[一二三四五六七八九十]{1,3}[，,、是])/;
/** Openings that flag a key point: `值得关注的是，……`, `需要指出的是，……`. */
const KEY_POINT_OPENING = /^(?:值得(?:关注|注意|重视)的是|尤其值得(?:关注|注意)的是|需要(?:指出|强调)的是|更重要的是)[，,]?/;
/** Bonus for a sentence that the writer flags as a key point. */
const KEY_POINT_BONUS = 0.5;
/** Openings of a sentence addressing the reader about the text itself (`本文…`, `笔者…`). */
const META_OPENING = /^(?:本文|笔者|小编|记者|编者|文章|下面|以下)/;

const QUESTION_END = /[？?][”’」』）)]*$/;
/** Bonus for the first sentence under a sub-heading. */
const SECTION_OPENER_BONUS = 0.6;
/** Bonus for the sentence that answers a question just asked. */
const ANSWER_BONUS = 0.4;

/** Sentences ranked by TextRank; later ones count as average. */
export const MAX_RANKED = 400;

/** Bonus for the closing paragraph, where commentary and analysis restate their thesis. */
export const END_BONUS = 0.6;

export interface ScoredSentence extends Sentence {
  /** characters, spaces excluded, counting the `。` the summary adds to a sentence without a mark */
  length: number;
  score: number;
  /** bigram set, kept for redundancy checks */
  bigrams: Set<number>;
  /** share of the title's bigrams the sentence carries */
  titleShare: number;
  /** the sentence opens the first paragraph under a sub-heading */
  opensSection: boolean;
}

export interface ScoreContext {
  title: string;
  /** number of body paragraphs */
  paragraphCount: number;
  /** body paragraphs that open a section (right after a sub-heading) */
  sectionOpeners?: ReadonlySet<number>;
}

/** Share of the title's bigrams that the sentence contains. */
export function titleOverlap(sentence: Set<number>, title: Set<number>): number {
  if (title.size === 0) return 0;
  let shared = 0;
  for (const b of title) if (sentence.has(b)) shared++;
  return shared / title.size;
}

/** Penalty-or-bonus features of one sentence alone, independent of the article. */
export function styleScore(text: string): number {
  let s = 0;
  const len = summaryLength(text);
  if (QUESTION_END.test(text)) s -= 1.2; // questions: editors answer, they do not ask
  if (BARE_ATTRIBUTION.test(text) && len < 60) s -= 1.0;
  if (/^[“「『]/.test(text) && /[”」』][。！]?$/.test(text)) s -= 0.5; // a quotation alone
  if (ENUMERATED.test(text)) s -= 0.5;
  if (DANGLING_OPENING.test(text)) s -= 0.3;
  if (META_OPENING.test(text)) s -= 0.2;
  if (THESIS_OPENING.test(text)) s += 0.3;
  if (KEY_POINT_OPENING.test(text)) s += KEY_POINT_BONUS;
  s += Math.min(3, (text.match(THESIS_WORDS) ?? []).length) * 0.12;
  if (len < 15) s -= 1.0;
  else if (len < 25) s -= 0.4;
  if (len > 200) s -= 0.3;
  const digits = (text.match(/\d+(?:\.\d+)?/g) ?? []).length;
  if (digits >= 4) s -= 0.15 * Math.min(6, digits - 3); // a string of figures is detail, not thesis
  if (!/[。！？!?…”’」』）)；;.]$/.test(text)) s -= 0.3; // no closing mark: a heading-like fragment
  return s;
}

/** Scores every sentence; higher is better. */
export function scoreSentences(sentences: Sentence[], ctx: ScoreContext): ScoredSentence[] {
  const titleBigrams = bigramSet(ctx.title);
  const sets = sentences.map((s) => bigramSet(s.text));
  // TextRank is quadratic: past MAX_RANKED sentences (a long report pasted whole) the tail gets
  // the mean centrality, since a 提要 is drawn from the opening and the close anyway.
  const ranked = textRankOfSets(sets.slice(0, MAX_RANKED));
  const centrality = sets.map((_, i) => (i < ranked.length ? ranked[i] : 1));
  const meanCentrality = centrality.reduce((a, b) => a + b, 0) / Math.max(1, centrality.length);
  const lastParagraph = Math.max(0, ctx.paragraphCount - 1);
  return sentences.map((s, i) => {
    const bigrams = sets[i];
    let score = 0;
    // Position: the lead paragraph dominates; the closing paragraphs often restate the thesis.
    score += 1.5 / (1 + s.paragraph * 0.6);
    if (s.position === 0) score += 0.25;
    // A section's opening sentence usually states what the section argues.
    if (s.position === 0 && ctx.sectionOpeners?.has(s.paragraph)) score += SECTION_OPENER_BONUS;
    if (lastParagraph >= 4 && s.paragraph === lastParagraph) score += END_BONUS;
    else if (lastParagraph >= 4 && s.paragraph === lastParagraph - 1) score += END_BONUS / 2;
    const titleShare = titleOverlap(bigrams, titleBigrams);
    score += 1.2 * titleShare;
    score += 0.6 * Math.log2(1 + centrality[i] / Math.max(1e-9, meanCentrality));
    score += styleScore(s.text);
    // The answer to a rhetorical question states the point: `那 DRG 和这个有什么关系呢？DRG 是……`
    const prev = sentences[i - 1];
    if (prev && prev.paragraph === s.paragraph && QUESTION_END.test(prev.text) && !QUESTION_END.test(s.text)) score += ANSWER_BONUS;
    const opensSection = s.position === 0 && (ctx.sectionOpeners?.has(s.paragraph) ?? false);
    return { ...s, length: summaryLength(s.text) + (endsSentence(s.text) ? 0 : 1), score, bigrams, titleShare, opensSection };
  });
}
