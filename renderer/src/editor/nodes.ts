// The editor registers the shared node list, with FigureNode replaced by its React-drawn twin.
import type { Klass, LexicalNode, LexicalNodeReplacement } from 'lexical';
import { FigureNode } from '../../../shared/lexical/FigureNode';
import { WEEKLY_NODES } from '../../../shared/lexical/nodes';
import { EditorFigureNode } from './EditorFigureNode';

export const EDITOR_NODES: ReadonlyArray<Klass<LexicalNode> | LexicalNodeReplacement> = [
  ...WEEKLY_NODES,
  EditorFigureNode,
  {
    replace: FigureNode,
    with: (node: FigureNode) =>
      new EditorFigureNode({ src: node.__src, altText: node.__altText, caption: node.__caption, width: node.__width, height: node.__height }),
    withKlass: EditorFigureNode,
  },
];
