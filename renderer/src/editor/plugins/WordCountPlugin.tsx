// 字数 of the article, recounted after each change (cheap: text content is cached by Lexical).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect, useState } from 'react';
import { countWords } from '../wordCount';

export function WordCount() {
  const [editor] = useLexicalComposerContext();
  const [count, setCount] = useState(() => editor.getEditorState().read(() => countWords($getRoot().getTextContent())));
  useEffect(() => {
    let frame = 0;
    return editor.registerUpdateListener(({ editorState }) => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setCount(editorState.read(() => countWords($getRoot().getTextContent()))));
    });
  }, [editor]);
  return (
    <span className="word-count" aria-label="字数" aria-live="off">
      {count.toLocaleString('zh-CN')} 字
    </span>
  );
}
