// How a figure looks in the editor: the image (or a note that the clipping lost it) and an
// editable caption.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey } from 'lexical';
import { useState } from 'react';
import { $isFigureNode } from '../../../shared/lexical/FigureNode';

/** Only images the page may show under its CSP: embedded or served by the app itself. */
function displayable(src: string): boolean {
  return src.startsWith('data:image/') || src.startsWith('blob:') || src.startsWith('./') || src.startsWith('/');
}

export default function FigureView({ nodeKey, src, altText, caption }: { nodeKey: string; src: string; altText: string; caption: string }) {
  const [editor] = useLexicalComposerContext();
  const [draft, setDraft] = useState<string | null>(null);

  const commit = (value: string) => {
    setDraft(null);
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isFigureNode(node) && node.getCaption() !== value) node.setCaption(value);
    });
  };

  return (
    <figure className="figure-view" contentEditable={false}>
      {src && displayable(src) ? (
        <img src={src} alt={altText || caption} />
      ) : (
        <div className="figure-missing">{src ? `外部图片（导出时嵌入）：${src.slice(0, 80)}` : '图片缺失（剪报只保留了图注）'}</div>
      )}
      <figcaption>
        <input
          className="figure-caption"
          aria-label="图注"
          value={draft ?? caption}
          placeholder="图注，如：图 1 …"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
        />
      </figcaption>
    </figure>
  );
}
