// Sanitised HTML → Lexical's serialized editor state, with the same nodes the editor registers.
// Figures are lifted out of paragraphs (an <img> inside a <p>) so every figure is a top-level block.
import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import {
  $createParagraphNode,
  $getRoot,
  $insertNodes,
  $isElementNode,
  $isTextNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import type { SerializedEditorStateJson } from '../../../shared/content/lexicalJson';
import { $isFigureNode } from '../../../shared/lexical/FigureNode';
import { WEEKLY_NODES } from '../../../shared/lexical/nodes';

function isBlank(node: ElementNode): boolean {
  return node.getChildren().every((c) => ($isTextNode(c) && c.getTextContent().trim() === '') || c.getType() === 'linebreak');
}

/** Splits `parent` (a top-level block) around each figure child: [before][figure][after]. */
function $liftFigures(parent: ElementNode): void {
  let current: ElementNode = parent;
  for (const child of parent.getChildren()) {
    if (!$isFigureNode(child)) {
      if (current !== parent) current.append(child);
      continue;
    }
    const anchor: LexicalNode = current;
    anchor.insertAfter(child);
    const rest = $createParagraphNode();
    child.insertAfter(rest);
    current = rest;
  }
  // Drop blocks the split left empty.
  for (const block of [parent, current]) if (block.isAttached() && block.getChildrenSize() === 0) block.remove();
  if (parent.isAttached() && $isElementNode(parent) && isBlank(parent) && parent.getType() === 'paragraph') parent.remove();
  if (current !== parent && current.isAttached() && isBlank(current)) current.remove();
}

function $normalizeRoot(): void {
  // A figure that lost its image and has no caption shows nothing: drop it (the importer warned).
  const dropEmptyFigures = (node: LexicalNode): void => {
    if ($isFigureNode(node) && node.getSrc() === '' && node.getCaption() === '') node.remove();
    else if ($isElementNode(node)) for (const c of node.getChildren()) dropEmptyFigures(c);
  };
  dropEmptyFigures($getRoot());
  for (const block of $getRoot().getChildren()) {
    if ($isElementNode(block) && block.getChildren().some($isFigureNode)) $liftFigures(block);
  }
  for (const block of $getRoot().getChildren()) {
    if (block.getType() === 'paragraph' && $isElementNode(block) && isBlank(block) && $getRoot().getChildrenSize() > 1) block.remove();
  }
  // Text styles (colours, fonts) from web pages are not part of the article; formats (bold, sup) are.
  const visit = (node: LexicalNode): void => {
    if ($isTextNode(node) && node.getStyle() !== '') node.setStyle('');
    if ($isElementNode(node)) for (const c of node.getChildren()) visit(c);
  };
  visit($getRoot());
}

/** Lexical state of the children of `body` (the clean, sanitised body). */
export function htmlToLexical(body: ParentNode): SerializedEditorStateJson {
  const editor = createHeadlessEditor({
    namespace: 'weekly-import',
    nodes: [...WEEKLY_NODES],
    onError: (e) => {
      throw e;
    },
  });
  editor.update(
    () => {
      const nodes = $generateNodesFromDOM(editor, body);
      const root = $getRoot();
      root.clear();
      root.select();
      $insertNodes(nodes);
      $normalizeRoot();
    },
    { discrete: true },
  );
  return editor.getEditorState().toJSON() as unknown as SerializedEditorStateJson;
}
