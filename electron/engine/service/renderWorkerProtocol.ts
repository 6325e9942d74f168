// Messages between the service and the render worker (./renderWorker.ts). Plain data only:
// everything crosses the thread boundary by structured clone.
import type { PageSize, Settings } from '../../../shared/api/contract';
import type { DocumentArticle, IssueDocument, PageMap } from '../../../shared/document/issueDocument';
import type { MetricsPack } from '../../../shared/layout/metricsPack';

interface RequestBase {
  id: number;
  pageSize: PageSize;
  bodyFont: Settings['bodyFont'];
}

/**
 * An article of a page-number request: one the worker holds from an earlier request (the key only),
 * or a new or changed one for it to hold under that key. Live page numbers ask after every pause in
 * typing, so only the article being edited crosses the boundary, not the issue (and its images).
 */
export type ArticleRef = { key: number; article?: DocumentArticle };

/** The document of a page-number request: the front matter whole, the articles by reference. */
export type DocumentRefs = Omit<IssueDocument, 'articles'> & { articles: ArticleRef[] };

export type RenderRequest =
  | (RequestBase & { kind: 'pdf' | 'docx'; doc: IssueDocument })
  | (RequestBase & {
      kind: 'pages';
      doc: DocumentRefs;
      /** forget every held article first (the service lost track of what the worker holds) */
      reset: boolean;
      /** keys the worker can forget once this request's articles are resolved */
      drop: number[];
    })
  /** the faces' metrics pack (the worker has the faces loaded) */
  | { id: number; kind: 'metrics' };

export type RenderReply =
  | { id: number; type: 'stage'; stage: string }
  | { id: number; type: 'pdf'; pdf: Uint8Array; pageCount: number; pageMap: PageMap }
  | { id: number; type: 'docx'; docx: Uint8Array }
  | { id: number; type: 'pages'; pageCount: number; pageMap: PageMap }
  | { id: number; type: 'metrics'; pack: MetricsPack }
  | { id: number; type: 'error'; error: WorkerError };

/** A thrown value flattened for the trip back; UserFacingError keeps its code and Chinese message. */
export interface WorkerError {
  message: string;
  code?: string;
  messageZh?: string;
}

/** The worker's side of ArticleRef: the articles it holds, by key. */
export class HeldArticles {
  private readonly byKey = new Map<number, DocumentArticle>();

  /** The whole document of a page-number request; throws if a referenced article is not held. */
  resolve(request: { doc: DocumentRefs; reset: boolean; drop: number[] }): IssueDocument {
    if (request.reset) this.byKey.clear();
    const articles = request.doc.articles.map((ref) => {
      if (ref.article) this.byKey.set(ref.key, ref.article);
      const article = this.byKey.get(ref.key);
      if (!article) throw new Error(`render worker does not hold article #${ref.key}`);
      return article;
    });
    for (const key of request.drop) this.byKey.delete(key);
    return { ...request.doc, articles };
  }

  get size(): number {
    return this.byKey.size;
  }
}
