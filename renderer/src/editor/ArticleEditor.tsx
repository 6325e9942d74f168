// The centre of the workspace: one article's body in Lexical, with its toolbar.
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { useMemo } from 'react';
import type { SerializedEditorStateJson } from '../../../shared/content/lexicalJson';
import type { Article } from '../../../shared/model/issue';
import { useNotices } from '../common/Notices';
import { EDITOR_NODES } from './nodes';
import { ContentSyncPlugin } from './plugins/ContentSyncPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { editorTheme } from './theme';
import { Toolbar } from './Toolbar';

const validUrl = (url: string) => /^(https?:|mailto:)/i.test(url);

export function ArticleEditor({ article, onContentChange }: { article: Article; onContentChange: (json: SerializedEditorStateJson) => void }) {
  const notices = useNotices();
  // The composer reads its config once; the workspace keys this component by article id.
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: 'weekly-desk-article',
      nodes: [...EDITOR_NODES],
      theme: editorTheme,
      editorState: article.content.root.children.length > 0 ? JSON.stringify(article.content) : undefined,
      onError: (error: Error) => {
        console.error(error);
        notices.error(`编辑器出错：${error.message}`);
      },
    }),
    [],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <div className="editor">
        <Toolbar />
        <div className="editor-scroll">
          <div className="editor-page">
            <h1 className="editor-article-title">{article.title || '（无标题）'}</h1>
            <RichTextPlugin
              contentEditable={<ContentEditable className="editor-content" aria-label="正文" spellCheck={false} />}
              ErrorBoundary={LexicalErrorBoundary}
            />
          </div>
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={validUrl} />
        <TablePlugin hasCellMerge hasCellBackgroundColor={false} />
        <PastePlugin />
        <ContentSyncPlugin onChange={onContentChange} />
      </div>
    </LexicalComposer>
  );
}
