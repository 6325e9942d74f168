// Tagged PDF: the page model's structure tags become the structure tree (one Document root),
// each tagged item's drawing a marked-content sequence of its element; everything untagged
// (rules, frames, running headers and footers) is marked as an artifact.
import type PDFDocument from 'pdfkit';
import type { PageItem, StructTag } from '../../../shared/layout/types';

type Doc = InstanceType<typeof PDFDocument>;
type Element = ReturnType<Doc['struct']>;

interface TaggingDoc {
  struct(role: string, options?: Record<string, unknown>): Element;
  addStructure(element: Element): void;
  markStructureContent(tag: string, options?: Record<string, unknown>): unknown;
  markContent(tag: string, options?: Record<string, unknown> | null): void;
  endMarkedContent(): void;
}

export interface StructureWriter {
  /** call before drawing an item; opens and closes marked content as needed */
  before(item: PageItem): void;
  /** call when a page's drawing is done */
  endPage(): void;
  /** call once, before the document ends */
  finish(): void;
}

const NO_CONTENT = new Set(['link', 'dest']);

export function createStructureWriter(pdf: Doc): StructureWriter {
  const d = pdf as unknown as TaggingDoc;
  const root = d.struct('Document');
  d.addStructure(root);
  const elements = new Map<string, Element>();
  let open: string | null = null;

  const element = (path: StructTag[]): Element => {
    let parent = root;
    for (const tag of path) {
      let el = elements.get(tag.id);
      if (!el) {
        el = d.struct(tag.role, tag.alt ? { alt: tag.alt } : {});
        parent.add(el);
        elements.set(tag.id, el);
      }
      parent = el;
    }
    return parent;
  };

  const close = (): void => {
    if (open !== null) d.endMarkedContent();
    open = null;
  };

  return {
    before(item) {
      if (NO_CONTENT.has(item.kind)) return;
      const tags = item.kind === 'text' || item.kind === 'image' ? item.tags : undefined;
      const key = tags && tags.length > 0 ? tags[tags.length - 1].id : 'artifact';
      if (key === open) return;
      close();
      if (tags && tags.length > 0) {
        const content = d.markStructureContent(tags[tags.length - 1].role);
        element(tags).add(content as never);
      } else d.markContent('Artifact');
      open = key;
    },
    endPage: close,
    finish() {
      close();
      root.end();
    },
  };
}
