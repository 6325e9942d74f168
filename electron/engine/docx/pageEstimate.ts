// Page numbers of the issue, laid out an article at a time.
//
// Every article starts on a new page, so how many pages it takes depends on its own content alone: the count comes
// from the fast layout (fastLayout.ts), which follows docx's page estimate for what articles are made of, or is kept
// by the article's content from an earlier export, and docx estimates the articles neither has, together in a
// document of their own (same page, header, footer, styles). The front matter is the one part whose length depends
// on the numbers (a `——第 17 页` may wrap where `——第 7 页` does not): docx estimates it alone, with the sections
// before and after the articles, its page references written as the numbers they show, until its length is the one
// those numbers were worked out from. Where that does not settle, a skeleton of the issue is estimated instead — the
// front matter, then each article's bookmark followed by as many empty pages as the article takes, then the back
// cover — which docx lays out with its own page references until they settle. The numbers are those of the whole
// issue.
import { createHash } from 'node:crypto';
import {
  Document,
  Packer,
  Paragraph,
  TextRun,
  type EstimatedPageNumbers,
  type FileChild,
  type INumberingOptions,
  type IPropertiesOptions,
  type ISectionOptions,
  type PageNumberEstimator,
} from 'docx';

type Estimate = (body: Parameters<PageNumberEstimator>[0], context: Parameters<PageNumberEstimator>[1]) => EstimatedPageNumbers;

/** What every part is laid out with: styles, numbering and the article section's page, header and footer. */
export interface LayoutFrame {
  styles: IPropertiesOptions['styles'];
  numbering: INumberingOptions;
  section: Pick<ISectionOptions, 'properties' | 'headers' | 'footers'>;
  /** what else the page count depends on beyond an article's content: fonts, page size, header text */
  key: string;
}

export interface IssueArticlePart {
  /** bookmark on the article's title */
  anchor: string;
  /** identifies the article's content: equal keys, equal page counts */
  key: string;
  /**
   * the article's paragraphs, starting on a new page, made anew for each document they go in: docx turns an external
   * link into the relationship of the first document it packs it in
   */
  children: () => Promise<FileChild[]>;
  /** its page count from the fast layout (fastLayout.ts), or null where that leaves it to docx's estimate */
  fastPages?: () => number | null;
}

/** Page counts of articles laid out before, by content; oldest dropped first past the limit. */
const articlePages = new Map<string, number>();
const ARTICLE_LIMIT = 2000;

export function contentKey(...parts: unknown[]): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

/** Runs docx's estimate over a document as it is written, and gives what it worked out. */
async function estimateOf(estimate: Estimate, options: Omit<IPropertiesOptions, 'pageNumbers'>): Promise<EstimatedPageNumbers | null> {
  let result: EstimatedPageNumbers | null = null;
  const pageNumbers = (body: Parameters<Estimate>[0], context: Parameters<Estimate>[1]) => (result = estimate(body, context));
  await Packer.toBuffer(new Document({ ...options, pageNumbers, features: { updateFields: false } }));
  return result;
}

function remember(key: string, pages: number): void {
  if (articlePages.size >= ARTICLE_LIMIT) articlePages.delete(articlePages.keys().next().value!);
  articlePages.set(key, pages);
}

/**
 * The pages each article takes in an estimate where the articles follow each other, each from a new page, until
 * `end` (the last page of the last one): the difference between the pages their titles are on.
 */
export function pagesBetween(anchors: readonly string[], estimate: EstimatedPageNumbers, end: number): number[] | null {
  const starts = anchors.map((anchor) => estimate.bookmarkPageNumbers?.get(anchor));
  if (starts.some((page) => page === undefined)) return null;
  const pages = starts.map((page, i) => (i + 1 < starts.length ? starts[i + 1]! : end + 1) - page!);
  return pages.every((n) => n >= 1) ? pages : null;
}

/**
 * Keeps the page count of each article of an estimate of the whole issue: the articles' section runs from the front
 * matter to the back cover, whose pages (the last section's) end the last article.
 */
export function rememberArticlePages(articles: readonly IssueArticlePart[], frame: LayoutFrame, estimate: EstimatedPageNumbers | null): void {
  const back = estimate?.sectionPageCounts?.at(-1);
  if (!estimate || estimate.pageCount === undefined || back === undefined) return;
  const pages = pagesBetween(articles.map((a) => a.anchor), estimate, estimate.pageCount - back);
  pages?.forEach((n, i) => remember(`${frame.key}:${articles[i].key}`, n));
}

/** Page counts of the articles, those not remembered laid out together in a document of their own. */
async function articlePageCounts(articles: readonly IssueArticlePart[], frame: LayoutFrame, estimate: Estimate): Promise<number[] | null> {
  const keys = articles.map((a) => `${frame.key}:${a.key}`);
  articles.forEach((article, i) => {
    if (articlePages.has(keys[i])) return;
    const pages = article.fastPages?.();
    if (pages !== null && pages !== undefined) remember(keys[i], pages);
  });
  const missing = articles.filter((_, i) => !articlePages.has(keys[i]));
  if (missing.length > 0) {
    const result = await estimateOf(estimate, {
      styles: frame.styles,
      numbering: frame.numbering,
      // after a page of its own, so the first article starts on a new page as in the issue, not at the top of the
      // section, where its title would keep its space before
      sections: [{ ...frame.section, children: [new Paragraph({ children: [new TextRun('\u00a0')] }), ...(await Promise.all(missing.map((a) => a.children()))).flat()] }],
    });
    const pages = result?.pageCount === undefined ? null : pagesBetween(missing.map((a) => a.anchor), result, result.pageCount);
    if (!pages) return null;
    pages.forEach((n, i) => remember(`${frame.key}:${missing[i].key}`, n));
  }
  return keys.map((key) => articlePages.get(key)!);
}

/** Whether no article of these was laid out before. */
export function noneRemembered(articles: readonly IssueArticlePart[], frame: LayoutFrame): boolean {
  return articles.every((a) => !articlePages.has(`${frame.key}:${a.key}`));
}

/**
 * Stands in for an article in the skeleton: its bookmarked first page, then its other pages, each a paragraph of a
 * no-break space (a last page that is only an empty paragraph ending the section would not count as a page).
 */
function placeholder(anchor: string, pages: number, bookmarked: (anchor: string) => Paragraph): Paragraph[] {
  return [bookmarked(anchor), ...Array.from({ length: pages - 1 }, () => new Paragraph({ pageBreakBefore: true, children: [new TextRun('\u00a0')] }))];
}

export interface IssueSkeleton {
  /** sections before the articles' section, and the start of that section before the first article */
  before: ISectionOptions[];
  frontMatter: FileChild[];
  /** the front matter with its page references written as the numbers they show, when it can be */
  frontMatterWith?: (pageOf: (anchor: string) => number) => FileChild[];
  /** a quick guess at the pages the front matter takes with these numbers, or null */
  frontMatterGuess?: (pageOf: (anchor: string) => number) => number | null;
  after: ISectionOptions[];
  /** an empty paragraph starting a new page, with the bookmark on it */
  bookmarked: (anchor: string) => Paragraph;
}

/**
 * The issue's page numbers: each article's page count (from the fast layout, remembered, or estimated by docx with
 * the other articles neither has), then the front matter's settled estimate, or the skeleton's. Null when the
 * articles could not be laid out: the caller then estimates the whole document.
 */
export async function estimateIssuePages(
  articles: IssueArticlePart[],
  skeleton: IssueSkeleton,
  frame: LayoutFrame,
  estimate: Estimate,
): Promise<EstimatedPageNumbers | null> {
  const pages = await articlePageCounts(articles, frame, estimate);
  if (!pages) return null;
  const settled = skeleton.frontMatterWith ? await frontMatterNumbers(articles, pages, skeleton, frame, estimate) : null;
  if (settled) return settled;
  const stand = articles.flatMap((article, i) => placeholder(article.anchor, pages[i], skeleton.bookmarked));
  return estimateOf(estimate, {
    styles: frame.styles,
    numbering: frame.numbering,
    sections: [...skeleton.before, { ...frame.section, children: [...skeleton.frontMatter, ...stand] }, ...skeleton.after],
  });
}

/** The front matter's pages last worked out, by frame: where the next export's settling starts. */
const frontPages = new Map<string, { before: number; front: number }>();
const FRONT_LIMIT = 100;
const SETTLING_PASSES = 4;

/**
 * The issue's page numbers from its articles' page counts and docx's estimate of the rest of the issue alone (the
 * sections before the articles, the front matter, the sections after), with the front matter's page references
 * written as the numbers they show. Those numbers follow from how many pages the front matter takes, which depends
 * on them (`——第 17 页` may wrap where `——第 7 页` does not): it is laid out again with the numbers of the length it
 * took, until that length is the one they were worked out from, as docx settles its page references. Null when it
 * does not settle or cannot be laid out: the skeleton of the whole issue is estimated instead.
 */
async function frontMatterNumbers(
  articles: readonly IssueArticlePart[],
  pages: readonly number[],
  skeleton: IssueSkeleton,
  frame: LayoutFrame,
  estimate: Estimate,
): Promise<EstimatedPageNumbers | null> {
  const frontIndex = skeleton.before.length;
  /** the page of each article's title, after these many pages of the sections before and of the front matter */
  const titlesAfter = ({ before, front }: { before: number; front: number }): Map<string, number> => {
    const titles = new Map<string, number>();
    let page = before + front + 1;
    articles.forEach((article, i) => {
      titles.set(article.anchor, page);
      page += pages[i];
    });
    return titles;
  };
  /** pages before the articles: those of the sections before, and the front matter's; a guess to start from */
  let assumed = frontPages.get(frame.key);
  if (!assumed) {
    assumed = { before: skeleton.before.length, front: 2 };
    for (let pass = 0; pass < SETTLING_PASSES && skeleton.frontMatterGuess; pass++) {
      const titles = titlesAfter(assumed);
      const front = skeleton.frontMatterGuess((anchor) => titles.get(anchor) ?? 0);
      if (front === null || front === assumed.front) break;
      assumed = { ...assumed, front };
    }
  }
  for (let pass = 0; pass < SETTLING_PASSES; pass++) {
    const titles = titlesAfter(assumed);
    const result = await estimateOf(estimate, {
      styles: frame.styles,
      numbering: frame.numbering,
      sections: [
        ...skeleton.before,
        { ...frame.section, children: skeleton.frontMatterWith!((anchor) => titles.get(anchor) ?? 0) },
        ...skeleton.after,
      ],
    });
    const counts = result?.sectionPageCounts;
    if (!result || !counts || counts.length !== frontIndex + 1 + skeleton.after.length || counts.some((n) => n === undefined)) return null;
    const laid = { before: sum(counts.slice(0, frontIndex) as number[]), front: counts[frontIndex]! };
    if (laid.before !== assumed.before || laid.front !== assumed.front) {
      assumed = laid;
      continue;
    }
    // settled: the front matter is as long as the numbers written in it say
    if (frontPages.size >= FRONT_LIMIT) frontPages.delete(frontPages.keys().next().value!);
    frontPages.set(frame.key, laid);
    const frontEnd = laid.before + laid.front;
    const bookmarkPageNumbers = new Map([...(result.bookmarkPageNumbers ?? [])].filter(([, n]) => n <= frontEnd));
    const bookmarks = new Map([...result.bookmarks].filter(([name]) => bookmarkPageNumbers.has(name)));
    for (const [anchor, n] of titles) {
      bookmarkPageNumbers.set(anchor, n);
      bookmarks.set(anchor, String(n));
    }
    const sectionPageCounts = [...counts.slice(0, frontIndex), laid.front + sum(pages), ...counts.slice(frontIndex + 1)];
    return { bookmarks, bookmarkPageNumbers, sectionPageCounts, pageCount: sum(sectionPageCounts as number[]) };
  }
  return null;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** Forgets every remembered article (tests). */
export function clearArticlePages(): void {
  articlePages.clear();
  frontPages.clear();
}
