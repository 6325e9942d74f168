// @vitest-environment jsdom
import { createHeadlessEditor } from '@lexical/headless';
import { $generateNodesFromDOM } from '@lexical/html';
import { $getRoot, $insertNodes, $isElementNode } from 'lexical';
import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from '../../../../renderer/src/editor/cleanPaste';
import { EDITOR_NODES } from '../../../../renderer/src/editor/nodes';

const WORD_LIST = `
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span>完善多层次医疗保障体系</p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp;</span></span>推进医保商保一站式结算</p>
<p class=MsoNormal>正文段落</p>`;

function pasteIntoEditor(html: string): string[] {
  const editor = createHeadlessEditor({ nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
  const doc = cleanPastedHtml(html);
  editor.update(
    () => {
      $getRoot().clear().select();
      $insertNodes($generateNodesFromDOM(editor, doc));
    },
    { discrete: true },
  );
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((n) => `${n.getType()}${$isElementNode(n) && n.getType() === 'list' ? `:${(n as unknown as { getListType(): string }).getListType()}` : ''}:${n.getTextContent().trim()}`),
  );
}

describe('paste clean-up', () => {
  it('drops scripts, event handlers, frames and javascript: links', () => {
    const doc = cleanPastedHtml(
      '<p onclick="steal()">医保<script>alert(1)</script><a href="javascript:alert(2)">链接</a></p><iframe src="https://evil.example"></iframe><img src="x" onerror="alert(3)">',
    );
    const html = doc.body.innerHTML;
    expect(html).not.toMatch(/script|onclick|onerror|iframe|javascript:/i);
    expect(doc.body.textContent).toContain('医保');
    expect(doc.body.textContent).toContain('链接');
  });

  it('removes presentational attributes but keeps structure', () => {
    const doc = cleanPastedHtml('<h2 style="color:red" class="rich_media_title" id="t">一、总体要求</h2><p style="text-indent:2em"><strong>加粗</strong>正文<sup>①</sup></p>');
    expect(doc.body.innerHTML).toBe('<h2>一、总体要求</h2><p><strong>加粗</strong>正文<sup>①</sup></p>');
  });

  it('turns Word mso-list paragraphs into a real numbered list in the editor', () => {
    expect(pasteIntoEditor(WORD_LIST)).toEqual(['list:number:完善多层次医疗保障体系\n\n推进医保商保一站式结算', 'paragraph:正文段落']);
  });

  it('keeps WeChat images (data-src) as figures with their captions', () => {
    const nodes = pasteIntoEditor('<figure><img data-src="https://mmbiz.qpic.cn/a.png" src="data:image/gif;base64,R0lGOD"><figcaption>图 1 医保基金支出</figcaption></figure>');
    expect(nodes).toEqual(['editor-figure:图 1 医保基金支出']);
  });
});
