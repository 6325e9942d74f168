// Messages between the service and the render worker (./renderWorker.ts). Plain data only:
// everything crosses the thread boundary by structured clone.
import type { PageSize, Settings } from '../../../shared/api/contract';
import type { IssueDocument, PageMap } from '../../../shared/document/issueDocument';

export type RenderRequest = { id: number; kind: 'pdf' | 'docx' | 'pages'; doc: IssueDocument; pageSize: PageSize; bodyFont: Settings['bodyFont'] };

export type RenderReply =
  | { id: number; type: 'stage'; stage: string }
  | { id: number; type: 'pdf'; pdf: Uint8Array; pageCount: number; pageMap: PageMap }
  | { id: number; type: 'docx'; docx: Uint8Array }
  | { id: number; type: 'pages'; pageCount: number; pageMap: PageMap }
  | { id: number; type: 'error'; error: WorkerError };

/** A thrown value flattened for the trip back; UserFacingError keeps its code and Chinese message. */
export interface WorkerError {
  message: string;
  code?: string;
  messageZh?: string;
}
