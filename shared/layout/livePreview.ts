// The live 本期视点 preview of an issue as the editor has it now: the issue's document (unchanged
// articles reused), laid out for page numbers only with the export's own engine and options, so
// the numbers are the ones the PDF prints. Pure: given font metrics, it runs wherever they are
// (the renderer's page-number worker, over the engine's metrics pack).
import type { ViewpointPreview } from '../api/contract';
import { createDocumentCache, viewpointPreviewOf } from '../document/liveDocument';
import type { Issue } from '../model/issue';
import { layoutIssue } from './issueLayout';
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
  /** paragraphs broken (not taken from the line cache) so far */
  readonly paragraphsBroken: number;
}

export function createLivePreview(metrics: FontMetrics): LivePreview {
  const ts = new Typesetter(metrics, { maxLineEntries: LINE_ENTRIES });
  const documents = createDocumentCache();
  return {
    preview(issue, look) {
      const doc = documents.documentOf(issue);
      if (doc.articles.length === 0) return viewpointPreviewOf(doc, null);
      // the options settlePageNumbers (electron/engine/pdf) lays the app's issues out with
      const layout = layoutIssue(doc, ts, { size: look.pageSize, bodyFont: look.bodyFont, pageMapOnly: true, keepArticleLines: true });
      return viewpointPreviewOf(doc, { pageMap: layout.pageMap, pageCount: layout.pages.length });
    },
    get paragraphsBroken() {
      return ts.paragraphsBroken;
    },
  };
}
