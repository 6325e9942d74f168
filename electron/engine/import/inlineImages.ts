// A clipping fetched from the web keeps its images: each remote figure is downloaded once (WeChat's
// CDN gets its Referer) and stored inline as a data: URL, so the article no longer depends on the page.
// A download that fails keeps the address and adds a warning; it never fails the import.
import type { SerializedLexicalNode } from '../../../shared/content/lexicalJson';
import { isElement } from '../../../shared/content/lexicalJson';
import type { FetchedImage } from './fetchImage';
import type { ImportedClipping } from './types';

/** Images per article downloaded at most; the rest keep their address (and a warning). */
export const MAX_INLINE_IMAGES = 40;

export type ImageFetcher = (url: string) => Promise<FetchedImage>;

function remoteFigures(node: SerializedLexicalNode, out: SerializedLexicalNode[]): void {
  if (node.type === 'figure' && typeof node.src === 'string' && /^https?:\/\//i.test(node.src)) out.push(node);
  if (isElement(node)) for (const child of node.children) remoteFigures(child, out);
}

export async function inlineRemoteImages(clipping: ImportedClipping, fetchImage: ImageFetcher): Promise<ImportedClipping> {
  const content = structuredClone(clipping.content);
  const figures: SerializedLexicalNode[] = [];
  remoteFigures(content.root, figures);
  if (figures.length === 0) return clipping;
  const warnings = [...clipping.warnings];
  const downloads = new Map<string, Promise<string | null>>();
  const download = (url: string): Promise<string | null> => {
    let p = downloads.get(url);
    if (!p) {
      p = fetchImage(url).then(
        (img) => `data:${img.type};base64,${Buffer.from(img.bytes).toString('base64')}`,
        (e: unknown) => {
          const reason = (e as { messageZh?: string }).messageZh ?? (e instanceof Error ? e.message : String(e));
          warnings.push(`图片未能下载，保留原地址：${url}（${reason}）`);
          return null;
        },
      );
      downloads.set(url, p);
    }
    return p;
  };
  const wanted = figures.slice(0, MAX_INLINE_IMAGES);
  if (figures.length > wanted.length) warnings.push(`图片过多，只下载了前 ${MAX_INLINE_IMAGES} 张，其余保留原地址`);
  // Two at a time: polite to the site, and enough to overlap network waits.
  for (let i = 0; i < wanted.length; i += 2) {
    await Promise.all(
      wanted.slice(i, i + 2).map(async (figure) => {
        const data = await download(figure.src as string);
        if (data) figure.src = data;
      }),
    );
  }
  return { ...clipping, content, warnings };
}
