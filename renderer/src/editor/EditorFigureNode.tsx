// The editor's FigureNode: same JSON as shared/lexical/FigureNode (type 'figure'), but decorate()
// draws the figure with React. Swapped in through Lexical node replacement (see ./nodes.ts).
import type { JSX } from 'react';
import { lazy, Suspense } from 'react';
import type { EditorConfig, LexicalEditor, LexicalUpdateJSON, NodeKey } from 'lexical';
import { FigureNode, type FigurePayload, type SerializedFigureNode } from '../../../shared/lexical/FigureNode';

const FigureView = lazy(() => import('./FigureView'));

export class EditorFigureNode extends FigureNode {
  static override getType(): string {
    return 'editor-figure';
  }

  static override clone(node: EditorFigureNode): EditorFigureNode {
    return new EditorFigureNode(node.payload(), node.__key);
  }

  static override importJSON(serialized: SerializedFigureNode): EditorFigureNode {
    return new EditorFigureNode().updateFromJSON(serialized as LexicalUpdateJSON<SerializedFigureNode>);
  }

  constructor(payload: FigurePayload = {}, key?: NodeKey) {
    super(payload, key);
  }

  // Lexical checks that a node exports its own type; storedJson.ts maps it back to 'figure'.
  override exportJSON(): SerializedFigureNode {
    return { ...super.exportJSON(), type: 'editor-figure' };
  }

  override createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'figure-block';
    return div;
  }

  // FigureNode is a DecoratorNode<null> so the headless importer needs no React; here the
  // decoration is a React element, which Lexical's React layer renders into createDOM()'s div.
  override decorate(_editor?: LexicalEditor, _config?: EditorConfig): null {
    const view: JSX.Element = (
      <Suspense fallback={null}>
        <FigureView nodeKey={this.getKey()} src={this.__src} altText={this.__altText} caption={this.__caption} />
      </Suspense>
    );
    return view as unknown as null;
  }
}

export function $isEditorFigureNode(node: unknown): node is EditorFigureNode {
  return node instanceof EditorFigureNode;
}
