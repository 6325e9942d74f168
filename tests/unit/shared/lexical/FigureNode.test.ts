import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { JSDOM } from 'jsdom';
import { $getRoot, $insertNodes, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { editorStateSchema, type SerializedEditorStateJson } from '../../../../shared/content/lexicalJson';
import { toBlocks } from '../../../../shared/content/walker';
import { $createFigureNode, $isFigureNode, FigureNode, imageSource } from '../../../../shared/lexical/FigureNode';
import { WEEKLY_NODES } from '../../../../shared/lexical/nodes';

function editor(): LexicalEditor {
  return createHeadlessEditor({ nodes: [...WEEKLY_NODES], onError: (e) => { throw e; } });
}

function importHtml(html: string): SerializedEditorStateJson {
  const e = editor();
  const dom = new JSDOM(`<!DOCTYPE html><body>${html}</body>`);
  e.update(
    () => {
      const nodes = $generateNodesFromDOM(e, dom.window.document);
      $getRoot().select();
      $insertNodes(nodes);
    },
    { discrete: true },
  );
  return e.getEditorState().toJSON() as unknown as SerializedEditorStateJson;
}

describe('FigureNode', () => {
  it('serialises to the shape shared/content/lexicalJson.ts declares', () => {
    const e = editor();
    e.update(() => $getRoot().append($createFigureNode({ src: 'media:ab12', altText: '示意图', caption: '图 1 分组数量', width: 600, height: 338 })), { discrete: true });
    const json = e.getEditorState().toJSON();
    expect(json.root.children).toEqual([{ type: 'figure', version: 1, src: 'media:ab12', altText: '示意图', caption: '图 1 分组数量', width: 600, height: 338 }]);
    expect(editorStateSchema.safeParse(json).success).toBe(true);
  });

  it('omits width and height when unknown', () => {
    const e = editor();
    e.update(() => $getRoot().append($createFigureNode({ caption: '数据来源：国家卫健委' })), { discrete: true });
    expect(e.getEditorState().toJSON().root.children[0]).toEqual({ type: 'figure', version: 1, src: '', altText: '', caption: '数据来源：国家卫健委' });
  });

  it('round-trips through the JSON an article stores', () => {
    const stored = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'figure', version: 1, src: 'https://a.cn/1.png', altText: '', caption: '图 2', width: 300 }] } };
    const e = editor();
    e.setEditorState(e.parseEditorState(JSON.stringify(stored)));
    e.read(() => {
      const node = $getRoot().getFirstChild();
      expect($isFigureNode(node)).toBe(true);
      if (!$isFigureNode(node)) return;
      expect([node.getSrc(), node.getCaption(), node.getAltText()]).toEqual(['https://a.cn/1.png', '图 2', '']);
      expect(node.decorate()).toBeNull();
      expect(node.isInline()).toBe(false);
    });
    expect(e.getEditorState().toJSON().root.children).toEqual(stored.root.children);
  });

  it('imports <figure><img><figcaption> as one figure, dropping its children', () => {
    const json = importHtml('<figure><img src="https://a.cn/x.png" alt="图" width="640" height="360"><figcaption> 图 1  DRG 分组 </figcaption></figure>');
    expect(json.root.children).toEqual([{ type: 'figure', version: 1, src: 'https://a.cn/x.png', altText: '图', caption: '图 1 DRG 分组', width: 640, height: 360 }]);
  });

  it('takes the first image and the first caption anywhere inside the figure', () => {
    const json = importHtml('<figure><p><picture><img src="https://a.cn/1.png" alt="一"></picture><img src="https://a.cn/2.png"></p><div><figcaption>图 2 第一</figcaption></div><figcaption>第二</figcaption></figure>');
    expect(json.root.children).toEqual([{ type: 'figure', version: 1, src: 'https://a.cn/1.png', altText: '一', caption: '图 2 第一' }]);
  });

  it('imports a caption-only figure (the fixtures lost their images) and a bare <img>', () => {
    const json = importHtml('<figure><figcaption>资料来源：火石创造</figcaption></figure><img data-src="https://mmbiz.qpic.cn/a/640" src="data:image/svg+xml,%3Csvg%3E">');
    const blocks = toBlocks(json);
    expect(blocks).toEqual([
      { kind: 'figure', src: '', altText: '', caption: '资料来源：火石创造' },
      { kind: 'figure', src: 'https://mmbiz.qpic.cn/a/640', altText: '', caption: '' },
    ]);
  });

  it('its text content is the caption (for search and word counts)', () => {
    const e = editor();
    e.update(() => $getRoot().append($createFigureNode({ caption: '图 3 对比' })), { discrete: true });
    e.read(() => expect($getRoot().getTextContent()).toBe('图 3 对比'));
  });

  it('is registered under the type the walker reads', () => {
    expect(FigureNode.getType()).toBe('figure');
    expect(WEEKLY_NODES).toContain(FigureNode);
  });
});

describe('imageSource', () => {
  const img = (attrs: string): Element => new JSDOM(`<img ${attrs}>`).window.document.querySelector('img') as Element;

  it('prefers a real src, then lazy-loading data-src over a placeholder', () => {
    expect(imageSource(img('src="https://a.cn/1.png" data-src="https://b.cn/2.png"'))).toBe('https://a.cn/1.png');
    expect(imageSource(img('src="data:image/gif;base64,R0lGOD" data-src="https://b.cn/2.png"'))).toBe('https://b.cn/2.png');
    expect(imageSource(img('data-original="https://c.cn/3.png"'))).toBe('https://c.cn/3.png');
    expect(imageSource(img(''))).toBe('');
  });
});
