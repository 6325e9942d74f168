// Figure images: data: URLs and local files are opened once with pdfkit (which also gives their
// size to the layout); remote URLs are not fetched here (the importer stores images inline),
// so such a figure is set with its caption and an empty frame.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type PDFDocument from 'pdfkit';
import type { IssueDocument } from '../../../shared/document/issueDocument';
import type { Block } from '../../../shared/content/blocks';

type Doc = InstanceType<typeof PDFDocument>;
/** pdfkit's opened image (its typings omit openImage) */
export interface OpenedImage {
  width: number;
  height: number;
}

export interface ImageResolver {
  size: (src: string) => { width: number; height: number } | null;
  /** the opened image to draw, or null */
  source: (src: string) => OpenedImage | null;
}

/** sources of an article's figures: the images the resolver opens (and sizes) for it */
export function figureSources(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'figure' && b.src ? [b.src] : []));
}

/** Whether the resolver may open this source (and so give the layout its size); other sources get none. */
export function mayOpenImage(src: string): boolean {
  return src.startsWith('data:image/') || src.startsWith('file:') || /^(\/|[A-Za-z]:\\)/.test(src);
}

function localPath(src: string): string | null {
  if (!mayOpenImage(src)) return null;
  if (src.startsWith('data:image/')) return src;
  if (src.startsWith('file:')) return fileURLToPath(src);
  if (/^(\/|[A-Za-z]:\\)/.test(src) && existsSync(src)) return src;
  return null;
}

export function createImageResolver(pdf: Doc, doc: IssueDocument): ImageResolver {
  const opened = new Map<string, OpenedImage | null>();
  const backCoverSources = (doc.meta.qrCodes ?? []).map((code) => code.image);
  for (const src of [...doc.articles.flatMap((a) => figureSources(a.blocks)), ...backCoverSources]) {
    if (opened.has(src)) continue;
    const path = localPath(src);
    let image: OpenedImage | null = null;
    if (path) {
      try {
        image = (pdf as unknown as { openImage(src: string): OpenedImage }).openImage(path);
      } catch {
        image = null; // unreadable or unsupported image: set the caption alone
      }
    }
    opened.set(src, image);
  }
  return {
    size: (src) => {
      const image = opened.get(src);
      return image ? { width: image.width, height: image.height } : null;
    },
    source: (src) => opened.get(src) ?? null,
  };
}
