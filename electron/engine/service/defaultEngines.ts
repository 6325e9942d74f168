// The real engine modules, wired into the Engines interface.
import { summarize } from '../../../shared/summary/index';
import { renderIssueDocx } from '../docx/index';
import { metricsPack } from '../fonts/metricsPack';
import { importBytes, importHtml, importUrl } from '../import/index';
import { renderIssuePdf, settlePageNumbers } from '../pdf/index';
import type { Engines } from './engines';

export const defaultEngines: Engines = {
  importBytes: (bytes, fileName) => importBytes(bytes, fileName),
  importHtml: (html) => importHtml(html),
  importUrl: (url) => importUrl(url),
  summarize: (input, length) => summarize(input, length),
  renderPdf: async (doc, options) => {
    // the app's engine: an export reuses the paragraph lines the live page numbers set, and keeps its own
    const r = await renderIssuePdf(doc, { pageSize: options.pageSize, bodyFont: options.bodyFont, keepArticleLines: true, ...(options.onStage ? { onStage: options.onStage } : {}) });
    return { pdf: r.pdf, pageCount: r.pageCount, pageMap: r.pageMap };
  },
  settlePages: async (doc, options) => {
    const r = settlePageNumbers(doc, { pageSize: options.pageSize, bodyFont: options.bodyFont });
    return { pageCount: r.pageCount, pageMap: r.pageMap };
  },
  renderDocx: async (doc, options) => {
    const r = await renderIssueDocx(doc, { pageSize: options.pageSize, bodyFont: options.bodyFont, ...(options.onStage ? { onStage: options.onStage } : {}) });
    return { docx: r.docx };
  },
  metricsPack: async () => metricsPack(),
};
