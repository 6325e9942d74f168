// Test engines: deterministic stand-ins for import/PDF/DOCX so the service's own logic is what runs.
import type { Engines, ImportedClipping } from '../../../../../electron/engine/service/engines';
import type { SerializedEditorStateJson } from '../../../../../shared/content/lexicalJson';
import type { MetricsPack } from '../../../../../shared/layout/metricsPack';

export function paragraphs(...texts: string[]): SerializedEditorStateJson {
  return {
    root: {
      type: 'root',
      version: 1,
      children: texts.map((text) => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0 }] })),
    },
  };
}

export function clipping(title: string, source: string, body: string): ImportedClipping {
  return { title, source, author: null, url: null, content: paragraphs(body), warnings: [] };
}

/** A small pack: one 1000-unit face (printable ASCII 500, CJK Unified Ideographs 1000), no extra face. */
export function fakeMetricsPack(): MetricsPack {
  const face = { unitsPerEm: 1000, ascent: 880, descent: -120, missingAdvance: 1000, twoEmDash: true, runs: [0x20, 0x5f, 500, 0x4e00 - 0x7f, 0x5200, 1000] };
  return { version: 1, faces: [face], keys: { serif: 0, serifBold: 0, sans: 0, sansBold: 0, extra: null } };
}

export function fakeEngines(overrides: Partial<Engines> = {}): Engines & { pdfCalls: number; layoutCalls: number } {
  const engines = {
    pdfCalls: 0,
    layoutCalls: 0,
    importBytes: async (bytes: Uint8Array, fileName: string) => {
      const text = new TextDecoder().decode(bytes);
      if (!text.includes('|')) throw new Error(`cannot read ${fileName}`);
      const [title, source, body] = text.split('|');
      return clipping(title, source, body);
    },
    importHtml: async (html: string) => clipping(html.replace(/<[^>]+>/g, '').slice(0, 20), '粘贴', html.replace(/<[^>]+>/g, '')),
    importUrl: async (url: string) => clipping(`网页 ${url}`, '网络', '正文'),
    summarize: ({ blocks }: { title: string; blocks: Array<{ kind: string; runs?: Array<{ text: string }> }> }, length: { maxLength: number }) =>
      blocks
        .flatMap((b) => b.runs ?? [])
        .map((r) => r.text)
        .join('')
        .slice(0, Math.min(50, length.maxLength)),
    renderPdf: async (doc: { articles: Array<{ id: string }> }) => {
      engines.pdfCalls++;
      const pageMap: Record<string, number> = {};
      doc.articles.forEach((a, i) => (pageMap[a.id] = 5 + i * 3));
      return { pdf: new TextEncoder().encode('%PDF-1.7 fake'), pageCount: 4 + doc.articles.length * 3, pageMap };
    },
    settlePages: async (doc: { articles: Array<{ id: string }> }) => {
      engines.layoutCalls++;
      const pageMap: Record<string, number> = {};
      doc.articles.forEach((a, i) => (pageMap[a.id] = 5 + i * 3));
      return { pageCount: 4 + doc.articles.length * 3, pageMap };
    },
    renderDocx: async () => ({ docx: new Uint8Array([0x50, 0x4b, 3, 4]) }),
    metricsPack: async () => fakeMetricsPack(),
    ...overrides,
  };
  return engines as Engines & { pdfCalls: number; layoutCalls: number };
}

export function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}
