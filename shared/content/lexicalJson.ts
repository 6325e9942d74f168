// The article body is stored as Lexical's serialized editor state (the editor's own JSON).
// These types cover the node types Weekly Desk registers; unknown nodes pass validation
// (so content from a newer app version is never rejected) and are walked by their children.
import { z } from 'zod';

export interface SerializedLexicalNode {
  type: string;
  version: number;
  [key: string]: unknown;
}

export interface SerializedElement extends SerializedLexicalNode {
  children: SerializedLexicalNode[];
}

export interface SerializedText extends SerializedLexicalNode {
  type: 'text';
  text: string;
  /** Lexical's format bitmask: 1 bold, 2 italic, 4 strikethrough, 8 underline, 16 code, 32 subscript, 64 superscript. */
  format: number;
}

export interface SerializedEditorStateJson {
  root: SerializedElement & { type: 'root' };
}

/** Custom node for a figure (image + caption); see shared/lexical/FigureNode.ts. */
export interface SerializedFigure extends SerializedLexicalNode {
  type: 'figure';
  /** media reference: `media:<sha256>` in the archive, a data: URL, or an http(s) URL; '' when the image was lost. */
  src: string;
  altText: string;
  caption: string;
  width?: number;
  height?: number;
}

export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

const nodeSchema: z.ZodType<SerializedLexicalNode> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1),
    version: z.number(),
    children: z.array(nodeSchema).optional(),
  }),
);

export const editorStateSchema = z.object({
  root: z.looseObject({
    type: z.literal('root'),
    version: z.number(),
    children: z.array(nodeSchema),
  }),
}) as unknown as z.ZodType<SerializedEditorStateJson>;

export function isElement(node: SerializedLexicalNode): node is SerializedElement {
  return Array.isArray((node as SerializedElement).children);
}

export function emptyEditorState(): SerializedEditorStateJson {
  return {
    root: {
      type: 'root',
      version: 1,
      children: [],
      direction: null,
      format: '',
      indent: 0,
    },
  };
}
