// The engine modules the service drives (import, 提要, PDF, DOCX), behind one interface so
// tests can pass their own and the web server / Electron main pass the real ones.
import type { Block } from '../../../shared/content/blocks';
import type { IssueDocument, PageMap } from '../../../shared/document/issueDocument';
import type { PageSize, Settings } from '../../../shared/api/contract';
import type { MetricsPack } from '../../../shared/layout/metricsPack';

export type { ImportedClipping } from '../import/types';
import type { ImportedClipping } from '../import/types';

export interface SummaryLength {
  targetLength: number;
  maxLength: number;
}

export interface RenderedPdf {
  pdf: Uint8Array;
  pageCount: number;
  pageMap: PageMap;
}

/** Where each article's title prints, from a layout that draws nothing (cheap, incremental). */
export interface PageNumbers {
  pageCount: number;
  pageMap: PageMap;
}

export type BodyFont = Settings['bodyFont'];

export interface RenderOptions {
  pageSize: PageSize;
  /** 正文字体 from 设置: body text, 提要 and table cells in the serif or the sans */
  bodyFont: BodyFont;
  /** the engine's stage names as it reaches them (see ./exportStages.ts) */
  onStage?: (stage: string) => void;
}

export interface Engines {
  importBytes(bytes: Uint8Array, fileName: string): Promise<ImportedClipping>;
  importHtml(html: string): Promise<ImportedClipping>;
  importUrl(url: string): Promise<ImportedClipping>;
  /** 提要 of an article; lengths in characters, from the editor's settings */
  summarize(input: { title: string; blocks: Block[] }, length: SummaryLength): string;
  renderPdf(doc: IssueDocument, options: RenderOptions): Promise<RenderedPdf>;
  /** the page numbers renderPdf would print, for the live 本期视点 preview */
  settlePages(doc: IssueDocument, options: RenderOptions): Promise<PageNumbers>;
  renderDocx(doc: IssueDocument, options: RenderOptions): Promise<{ docx: Uint8Array }>;
  /** the faces' metrics as plain data, so the renderer can run the layout itself (made once, then kept) */
  metricsPack(): Promise<MetricsPack>;
}
