// @vitest-environment jsdom
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $insertNodes } from 'lexical';
import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { $isEditorFigureNode, EditorFigureNode } from '../../../../renderer/src/editor/EditorFigureNode';
import { EDITOR_NODES } from '../../../../renderer/src/editor/nodes';
import { toStoredJson } from '../../../../renderer/src/editor/storedJson';
import { $createFigureNode } from '../../../../shared/lexical/FigureNode';
import type { SerializedEditorStateJson } from '../../../../shared/content/lexicalJson';

const STORED: SerializedEditorStateJson = {
  root: {
    type: 'root',
    version: 1,
    children: [
      { type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: '正文', format: 0 }] },
      { type: 'figure', version: 1, src: '', altText: '', caption: '图 1 2023 年医保基金收支' },
    ],
  },
};

function editor() {
  return createHeadlessEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
}

describe('the editor’s figure node', () => {
  it('maps only the editor’s own node types back to stored ones', () => {
    const nested = { root: { type: 'root', version: 1, children: [{ type: 'quote', version: 1, children: [{ type: 'editor-figure', version: 1, src: '', altText: '', caption: 'x' }] }] } };
    expect(toStoredJson(nested as SerializedEditorStateJson)).toEqual({
      root: { type: 'root', version: 1, children: [{ type: 'quote', version: 1, children: [{ type: 'figure', version: 1, src: '', altText: '', caption: 'x' }] }] },
    });
    expect(nested.root.children[0].children[0].type).toBe('editor-figure');
  });

  it('loads stored figures as its React-drawn node and writes them back unchanged', () => {
    const ed = editor();
    ed.setEditorState(ed.parseEditorState(JSON.stringify(STORED)));
    ed.getEditorState().read(() => {
      const figure = $getRoot().getChildren()[1];
      expect($isEditorFigureNode(figure)).toBe(true);
      expect((figure as EditorFigureNode).getCaption()).toBe('图 1 2023 年医保基金收支');
    });
    const json = toStoredJson(ed.getEditorState().toJSON() as unknown as SerializedEditorStateJson);
    expect(json.root.children[1]).toEqual({ type: 'figure', version: 1, src: '', altText: '', caption: '图 1 2023 年医保基金收支' });
  });

  it('replaces figures created by shared code, and decorates them with a React element', () => {
    const ed = editor();
    ed.update(
      () => {
        $insertNodes([$createFigureNode({ src: 'data:image/png;base64,iVBOR', caption: '图 2' })]);
      },
      { discrete: true },
    );
    ed.getEditorState().read(() => {
      const figure = $getRoot().getChildren().find($isEditorFigureNode);
      expect(figure).toBeDefined();
      expect(isValidElement(figure!.decorate())).toBe(true);
    });
  });

  it('clones a figure with everything it shows (Lexical clones a node on every write)', () => {
    const ed = editor();
    ed.update(() => $insertNodes([$createFigureNode({ src: 'media:ab12', altText: '示意图', caption: '图 3', width: 640, height: 360 })]), { discrete: true });
    ed.read(() => {
      const figure = $getRoot().getChildren().find($isEditorFigureNode)!;
      const copy = EditorFigureNode.clone(figure);
      expect(copy).toBeInstanceOf(EditorFigureNode);
      expect(copy.getKey()).toBe(figure.getKey());
      expect(copy.payload()).toEqual({ src: 'media:ab12', altText: '示意图', caption: '图 3', width: 640, height: 360 });
    });
  });

  it('round-trips the caption edit a reader makes', () => {
    const ed = editor();
    ed.setEditorState(ed.parseEditorState(JSON.stringify(STORED)));
    ed.update(
      () => {
        const figure = $getRoot().getChildren().find($isEditorFigureNode)!;
        figure.setCaption('图 1 2023 年全国医保基金收支（亿元）');
      },
      { discrete: true },
    );
    const json = toStoredJson(ed.getEditorState().toJSON() as unknown as SerializedEditorStateJson);
    expect(json.root.children[1]).toMatchObject({ type: 'figure', caption: '图 1 2023 年全国医保基金收支（亿元）' });
  });
});
