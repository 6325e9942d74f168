// The real engine modules, wired into the Engines interface.
import { summarize } from '../../../shared/summary/index';
import { renderIssueDocx } from '../docx/index';
import { importBytes, importHtml, importUrl } from '../import/index';
import { renderIssuePdf, settlePageNumbers } from '../pdf/index';
import type { BodyFont, Engines } from './engines';

/** 正文字体 in Word: the 宋体 and 黑体 every Chinese Windows has (Word substitutes them elsewhere); headings stay 黑体. */
const DOCX_BODY_FONTS: Record<BodyFont, string> = { serif: 'SimSun', sans: 'SimHei' };

export const defaultEngines: Engines = {
  importBytes: (bytes, fileName) => importBytes(bytes, fileName),
  importHtml: (html) => importHtml(html),
  importUrl: (url) => importUrl(url),
  summarize: (input, length) => summarize(input, length),
  renderPdf: async (doc, options) => {
    const r = await renderIssuePdf(doc, { pageSize: options.pageSize, bodyFont: options.bodyFont, ...(options.onStage ? { onStage: options.onStage } : {}) });
    return { pdf: r.pdf, pageCount: r.pageCount, pageMap: r.pageMap };
  },
  settlePages: async (doc, options) => {
    const r = settlePageNumbers(doc, { pageSize: options.pageSize, bodyFont: options.bodyFont });
    return { pageCount: r.pageCount, pageMap: r.pageMap };
  },
  renderDocx: async (doc, options) => {
    const r = await renderIssueDocx(doc, {
      pageSize: options.pageSize,
      fonts: { body: DOCX_BODY_FONTS[options.bodyFont] },
      ...(options.onStage ? { onStage: options.onStage } : {}),
    });
    return { docx: r.docx };
  },
};
