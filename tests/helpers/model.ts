// Realistic model values shared by tests: the 2024-W47 issue's metadata as printed.
import { emptyEditorState, type SerializedEditorStateJson } from '../../shared/content/lexicalJson';
import type { Article, Issue, IssueMeta } from '../../shared/model/issue';
import { issueMetaForWeek } from '../../shared/model/issueMeta';

export function issueMeta2024W47(overrides: Partial<IssueMeta> = {}): IssueMeta {
  return issueMetaForWeek('2024-W47', overrides);
}

/** An article with empty fields but for those given: each test names only what it is about. */
export function testArticle(id: string, title: string, fields: Partial<Omit<Article, 'id' | 'title'>> = {}): Article {
  return { id, title, source: '', author: null, url: null, clippedAt: null, content: emptyEditorState(), summary: '', summaryEdited: false, ...fields };
}

/** Lexical JSON of plain paragraphs, as the editor saves them. */
export function paragraphsContent(...paragraphs: string[]): SerializedEditorStateJson {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
      })),
    },
  };
}

/** The issue with the article at `k` (in issue order, across columns) replaced by `edit` of it; the others are the same objects. */
export function withArticleEdited(issue: Issue, k: number, edit: (article: Article) => Article): Issue {
  let n = 0;
  return {
    ...issue,
    columns: issue.columns.map((c) => ({ ...c, articles: c.articles.map((a) => (n++ === k ? edit(a) : a)) })),
  };
}
