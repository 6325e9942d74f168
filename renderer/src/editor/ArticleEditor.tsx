// The centre of the workspace: one article's body in Lexical, with its toolbar.
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { memo, useCallback, useMemo } from 'react';
import type { SerializedEditorStateJson } from '../../../shared/content/lexicalJson';
import type { Article } from '../../../shared/model/issue';
import { useNotices } from '../common/Notices';
import { EDITOR_NODES } from './nodes';
import { ContentSyncPlugin } from './plugins/ContentSyncPlugin';
import { PastePlugin } from './plugins/PastePlugin';
import { editorTheme } from './theme';
import { Toolbar } from './Toolbar';

const validUrl = (url: string) => /^(https?:|mailto:)/i.test(url);

interface ArticleEditorProps {
  article: Article;
  /** the editor's content, with its article's id, once typing pauses */
  onContentChange: (articleId: string, json: SerializedEditorStateJson) => void;
}

/**
 * The editor owns its content once open: a new `article` object (its own edit coming back, a save, new
 * page numbers elsewhere in the workspace) re-renders it only for what it shows from outside, the title.
 * Live page numbers then update the column tree without re-rendering the editor (issue #10).
 */
export const ArticleEditor = memo(ArticleEditorView, (a, b) => a.article.id === b.article.id && a.article.title === b.article.title && a.onContentChange === b.onContentChange);

function ArticleEditorView({ article, onContentChange }: ArticleEditorProps) {
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

  const articleId = article.id;
  const onChange = useCallback((json: SerializedEditorStateJson) => onContentChange(articleId, json), [articleId, onContentChange]);

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
        <ContentSyncPlugin onChange={onChange} />
      </div>
    </LexicalComposer>
  );
}
