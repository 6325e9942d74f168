// The editor draws figures with its own node type ('editor-figure', Lexical node replacement);
// the stored article, the walker and every exporter know it as 'figure'. This maps one to the other.
import type { SerializedEditorStateJson, SerializedLexicalNode } from '../../../shared/content/lexicalJson';

const EDITOR_TO_STORED: Record<string, string> = { 'editor-figure': 'figure' };

function mapNode(node: SerializedLexicalNode): SerializedLexicalNode {
  const stored = EDITOR_TO_STORED[node.type];
  const children = (node as { children?: SerializedLexicalNode[] }).children;
  if (!stored && !children) return node;
  return { ...node, ...(stored ? { type: stored } : {}), ...(children ? { children: children.map(mapNode) } : {}) };
}

export function toStoredJson(state: SerializedEditorStateJson): SerializedEditorStateJson {
  return { root: mapNode(state.root) as SerializedEditorStateJson['root'] };
}
