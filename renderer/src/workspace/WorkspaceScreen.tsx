// The issue workspace: 栏目 on the left, the article editor (or the 本期视点 preview) in the
// centre, the article's details and 【提要】 on the right.
import { useCallback, useEffect, useState } from 'react';
import type { PageSize } from '../../../shared/api/contract';
import type { SerializedEditorStateJson } from '../../../shared/content/lexicalJson';
import type { Article, Column } from '../../../shared/model/issue';
import { getApi } from '../api/client';
import type { ScreenRequest } from '../api/shell';
import type { Navigate } from '../app/App';
import { ConfirmDialog } from '../common/Dialog';
import { useNotices } from '../common/Notices';
import { ArticleEditor } from '../editor/ArticleEditor';
import { ArticlePanel } from './ArticlePanel';
import { ColumnTree } from './ColumnTree';
import { ExportDialog } from './ExportDialog';
import { ImportDialog, type ImportedRow } from './ImportDialog';
import { IssueMetaDialog } from './IssueMetaDialog';
import {
  addArticles,
  addColumn,
  COMMON_COLUMNS,
  findArticle,
  moveArticle,
  neighbourOf,
  removeArticle,
  removeColumn,
  renameColumn,
  shiftColumn,
  suggestColumnNames,
  updateArticle,
} from './issueOps';
import { SaveIndicator } from './SaveIndicator';
import { mark, MARKS, useLivePages } from './livePages';
import { useIssue } from './useIssue';
import { ViewpointPreview } from './ViewpointPreview';

type CentreView = 'editor' | 'viewpoint';

function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}

export function WorkspaceScreen({
  issueId,
  articleId,
  navigate,
  request,
  onRequestDone,
}: {
  issueId: string;
  articleId: string | null;
  navigate: Navigate;
  request: ScreenRequest | null;
  onRequestDone: () => void;
}) {
  const notices = useNotices();
  const { issue, loadError, restored, save, revision, change, flush, unsaved, latest } = useIssue(issueId);
  const live = useLivePages(issueId, revision, { latest, unsaved, flush, allSaved: save.kind === 'saved' });
  const { follow } = live;

  useEffect(() => {
    if (restored) notices.info('已恢复上次关闭前未保存的修改。');
  }, [restored, notices]);
  const [view, setView] = useState<CentreView>('editor');
  const [importing, setImporting] = useState(false);
  const [editingMeta, setEditingMeta] = useState(false);
  const [exporting, setExporting] = useState<'pdf' | 'docx' | null>(null);
  const [removingColumn, setRemovingColumn] = useState<Column | null>(null);
  const [archiveNames, setArchiveNames] = useState<string[]>([]);
  const [pageSize, setPageSize] = useState<PageSize>('A4');

  useEffect(() => {
    if (request?.name === 'import:clippings') setImporting(true);
    else if (request?.name === 'issue:meta') setEditingMeta(true);
    else if (request?.name === 'export:pdf') setExporting('pdf');
    else if (request?.name === 'export:docx') setExporting('docx');
    else return;
    onRequestDone();
  }, [request, onRequestDone]);

  useEffect(() => {
    const api = getApi();
    api.issues.columnNames({}).then(setArchiveNames, () => {});
    api.settings.get({}).then((s) => setPageSize(s.pageSize), () => {});
  }, []);

  const location = issue && articleId ? findArticle(issue, articleId) : null;
  const firstArticle = issue?.columns.flatMap((c) => c.articles)[0] ?? null;
  const selected = location ?? (issue && firstArticle ? findArticle(issue, firstArticle.id) : null);

  const select = useCallback(
    (id: string | null) => {
      setView('editor');
      navigate({ screen: 'issue', issueId, articleId: id }, { replace: true });
    },
    [issueId, navigate],
  );

  const onContentChange = useCallback(
    (id: string, content: SerializedEditorStateJson) => {
      mark(MARKS.handover);
      change((i) => updateArticle(i, id, { content }));
      // the page numbers, at once: the worker lays them out while React renders the change
      follow();
    },
    [change, follow],
  );

  const addImported = (rows: ImportedRow[]) => {
    const byColumn = new Map<string, Article[]>();
    for (const { clipping, columnId } of rows) {
      const article: Article = {
        id: newId('a'),
        title: clipping.title,
        source: clipping.source,
        author: clipping.author,
        url: clipping.url,
        clippedAt: new Date().toISOString(),
        content: clipping.content,
        summary: clipping.summary,
        summaryEdited: false,
      };
      byColumn.set(columnId, [...(byColumn.get(columnId) ?? []), article]);
    }
    change((i) => [...byColumn].reduce((acc, [columnId, articles]) => addArticles(acc, columnId, articles), i));
    setImporting(false);
    notices.info(`已加入 ${rows.length} 篇文章。`);
    if (!selected && rows.length > 0) {
      const first = byColumn.values().next().value?.[0];
      if (first) select(first.id);
    }
  };

  if (loadError) {
    return (
      <div className="fatal" role="alert">
        {loadError}
      </div>
    );
  }
  if (!issue) return <p className="muted pad">正在打开期刊…</p>;

  return (
    <div className="workspace">
      <header className="workspace-head">
        <div className="issue-title">
          <h1>
            {issue.meta.title} · {issue.meta.issueNumber}
          </h1>
          <span className="muted">({issue.meta.dateRange})</span>
          <SaveIndicator state={save} />
        </div>
        <div className="workspace-actions">
          <button type="button" onClick={() => setImporting(true)}>
            导入剪报
          </button>
          <button type="button" onClick={() => setEditingMeta(true)}>
            期刊信息
          </button>
          <button type="button" onClick={() => setExporting('pdf')}>
            导出 PDF
          </button>
          <button type="button" onClick={() => setExporting('docx')}>
            导出 Word
          </button>
        </div>
      </header>

      <ColumnTree
        issue={issue}
        selectedArticleId={view === 'editor' ? (selected?.article.id ?? null) : null}
        suggestions={suggestColumnNames(issue, archiveNames, COMMON_COLUMNS)}
        onSelect={select}
        onMoveArticle={(id, toColumnId, toIndex) => change((i) => moveArticle(i, id, toColumnId, toIndex))}
        onAddColumn={(name) => {
          if (issue.columns.some((c) => c.name === name)) notices.error(`栏目“${name}”已存在。`);
          else change((i) => addColumn(i, { id: newId('c'), name }));
        }}
        onRenameColumn={(id, name) => change((i) => renameColumn(i, id, name))}
        onShiftColumn={(id, delta) => change((i) => shiftColumn(i, id, delta))}
        onRemoveColumn={(column) => (column.articles.length === 0 ? change((i) => removeColumn(i, column.id)) : setRemovingColumn(column))}
        pages={live.pages}
        pagesPending={live.pending}
      />

      <section className="centre" aria-label="编辑区">
        <div className="centre-tabs" role="tablist" aria-label="视图">
          <button type="button" role="tab" aria-selected={view === 'editor'} className={view === 'editor' ? 'active' : ''} onClick={() => setView('editor')}>
            正文
          </button>
          <button type="button" role="tab" aria-selected={view === 'viewpoint'} className={view === 'viewpoint' ? 'active' : ''} onClick={() => setView('viewpoint')}>
            本期视点预览
          </button>
        </div>
        {view === 'viewpoint' ? (
          <ViewpointPreview live={live} readingNote={issue.meta.readingNote} onOpenArticle={select} />
        ) : selected ? (
          <ArticleEditor key={selected.article.id} article={selected.article} onContentChange={onContentChange} />
        ) : (
          <div className="empty centre-empty">
            <p>{issue.columns.length === 0 ? '先在左侧“新建栏目”，再导入剪报。' : '本期还没有文章。'}</p>
            <button type="button" className="primary" onClick={() => setImporting(true)}>
              导入剪报
            </button>
          </div>
        )}
      </section>

      {selected ? (
        <ArticlePanel
          key={selected.article.id}
          article={selected.article}
          columns={issue.columns}
          columnId={selected.column.id}
          onChange={(patch) => change((i) => updateArticle(i, selected.article.id, patch))}
          onMoveToColumn={(columnId) => change((i) => moveArticle(i, selected.article.id, columnId, Number.MAX_SAFE_INTEGER))}
          onRemove={() => {
            const next = neighbourOf(issue, selected.article.id);
            change((i) => removeArticle(i, selected.article.id));
            select(next === selected.article.id ? null : next);
          }}
        />
      ) : (
        <aside className="article-panel" aria-label="文章信息">
          <div className="pane-title">文章信息</div>
          <p className="muted pad">选择一篇文章后，在此编辑标题、来源和提要。</p>
        </aside>
      )}

      {importing && (
        <ImportDialog
          issueId={issue.id}
          columns={issue.columns}
          defaultColumnId={selected?.column.id ?? null}
          onAdd={addImported}
          onClose={() => setImporting(false)}
        />
      )}
      {editingMeta && (
        <IssueMetaDialog
          meta={issue.meta}
          onClose={() => setEditingMeta(false)}
          onSave={(meta) => {
            // through the autosave like every other edit: the header, 本期视点 and exports follow
            change((i) => ({ ...i, meta }));
            setEditingMeta(false);
            notices.info('期刊信息已更新。');
          }}
        />
      )}
      {exporting && <ExportDialog kind={exporting} issueId={issue.id} defaultPageSize={pageSize} flush={flush} onClose={() => setExporting(null)} />}
      {removingColumn && (
        <ConfirmDialog
          title="删除栏目"
          message={`栏目“${removingColumn.name}”中还有 ${removingColumn.articles.length} 篇文章，删除栏目会把它们一并从本期移除。确定删除吗？`}
          confirmLabel="删除"
          onAnswer={(ok) => {
            const target = removingColumn;
            setRemovingColumn(null);
            if (ok) change((i) => removeColumn(i, target.id));
          }}
        />
      )}
    </div>
  );
}

