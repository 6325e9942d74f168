// The live 本期视点 preview of an issue as the editor has it now: the issue's document (unchanged
// articles reused), laid out for page numbers only with the export's own engine and options, so
// the numbers are the ones the PDF prints. Pure: given font metrics, it runs wherever they are
// (the renderer, over the engine's metrics pack). Once every article has been laid out (warm), a
// preview after an edit re-breaks only the paragraphs the edit changed: a millisecond or two.
import type { ViewpointPreview } from '../api/contract';
import { createDocumentCache, viewpointPreviewOf } from '../document/liveDocument';
import type { Issue } from '../model/issue';
import { layoutIssue, prepareArticle, type IssueLayoutOptions } from './issueLayout';
import type { BodyFont, PageSizeName } from './pageStyle';
import { Typesetter } from './typesetter';
import type { FontMetrics } from './types';

/** What the page numbers depend on besides the issue: paper and body face (a sans body sets wider). */
export interface PageLook {
  pageSize: PageSizeName;
  bodyFont: BodyFont;
}

/**
 * Paragraphs whose lines are kept (as the engine's typesetter: ~25 KB each, both fixtures are
 * ~1,500 paragraphs), so an edit re-breaks only the paragraphs it changed.
 */
const LINE_ENTRIES = 4_000;

export interface LivePreview {
  preview(issue: Issue, look: PageLook): ViewpointPreview;
  /**
   * Lays the issue out ahead while `more()` says there is time (the renderer's idle time): its
   * articles one at a time, then the issue itself (本期视点 and TOC, and articles whose place
   * changed). True once done: a preview of this issue, or of an edit of one article, is then cheap.
   */
  warm(issue: Issue, look: PageLook, more: () => boolean): boolean;
  /** Whether every article of the issue (by id: an edited article counts) has been laid out in this look. */
  isWarm(issue: Issue, look: PageLook): boolean;
  /** paragraphs broken (not taken from the line cache) so far */
  readonly paragraphsBroken: number;
}

/**
 * How live page numbers are laid out, wherever they are (here, and the engine's settlePageNumbers):
 * pages counted, not filled; paragraphs' lines kept, so an edit re-breaks only what it changed.
 */
export const PAGE_NUMBERS_ONLY = { pageMapOnly: true, keepArticleLines: true } as const satisfies IssueLayoutOptions;

function layoutOptions(look: PageLook): IssueLayoutOptions {
  return { size: look.pageSize, bodyFont: look.bodyFont, ...PAGE_NUMBERS_ONLY };
}

export function createLivePreview(metrics: FontMetrics): LivePreview {
  const ts = new Typesetter(metrics, { maxLineEntries: LINE_ENTRIES });
  const documents = createDocumentCache();
  /** per issue and look: the ids of the articles laid out in it */
  const laidOut = new Map<string, Set<string>>();
  /** the issue and look of the latest preview */
  let previewed: { issue: Issue; look: string } | null = null;
  const lookKey = (look: PageLook): string => `${look.pageSize}|${look.bodyFont}`;
  const laidOutIn = (issue: Issue, look: PageLook): Set<string> => {
    const key = JSON.stringify([issue.id, look.pageSize, look.bodyFont]);
    let ids = laidOut.get(key);
    if (!ids) laidOut.set(key, (ids = new Set()));
    return ids;
  };
  return {
    preview(issue, look) {
      previewed = { issue, look: lookKey(look) };
      const doc = documents.documentOf(issue);
      if (doc.articles.length === 0) return viewpointPreviewOf(doc, null);
      const layout = layoutIssue(doc, ts, layoutOptions(look));
      const ids = laidOutIn(issue, look);
      for (const a of doc.articles) ids.add(a.id);
      return viewpointPreviewOf(doc, { pageMap: layout.pageMap, pageCount: layout.pages.length });
    },
    warm(issue, look, more) {
      const ids = laidOutIn(issue, look);
      const doc = documents.documentOf(issue);
      for (const article of doc.articles) {
        if (ids.has(article.id)) continue;
        if (!more()) return false;
        prepareArticle(article, ts, layoutOptions(look));
        ids.add(article.id);
      }
      if (previewed?.issue === issue && previewed.look === lookKey(look)) return true;
      if (!more()) return false;
      this.preview(issue, look);
      return true;
    },
    isWarm(issue, look) {
      const ids = laidOutIn(issue, look);
      return issue.columns.every((c) => c.articles.every((a) => ids.has(a.id)));
    },
    get paragraphsBroken() {
      return ts.paragraphsBroken;
    },
  };
}
