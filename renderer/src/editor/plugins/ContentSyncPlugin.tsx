// Hands the article's JSON to the workspace shortly after typing stops, and once more when the
// editor goes away (switching articles, leaving the page), so nothing typed is lost.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useRef } from 'react';
import type { SerializedEditorStateJson } from '../../../../shared/content/lexicalJson';
import { toStoredJson } from '../storedJson';

export function ContentSyncPlugin({ onChange, delayMs = 400 }: { onChange: (json: SerializedEditorStateJson) => void; delayMs?: number }) {
  const [editor] = useLexicalComposerContext();
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending = false;
    const emit = () => {
      timer = null;
      if (!pending) return;
      pending = false;
      latest.current(toStoredJson(editor.getEditorState().toJSON() as unknown as SerializedEditorStateJson));
    };
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
      if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has('history-merge-initial')) return;
      pending = true;
      if (timer) clearTimeout(timer);
      timer = setTimeout(emit, delayMs);
    });
    // Leaving the page: hand over what is pending now, so the workspace can keep a draft of it.
    const onLeave = () => {
      if (timer) clearTimeout(timer);
      emit();
    };
    // Capture phase: runs before the workspace's own listeners, which keep the draft.
    window.addEventListener('beforeunload', onLeave, { capture: true });
    window.addEventListener('pagehide', onLeave, { capture: true });
    return () => {
      window.removeEventListener('beforeunload', onLeave, { capture: true });
      window.removeEventListener('pagehide', onLeave, { capture: true });
      unregister();
      if (timer) clearTimeout(timer);
      emit();
    };
  }, [editor, delayMs]);
  return null;
}
