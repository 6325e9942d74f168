// 栏目: the issue's columns with their articles. Drag an article onto another article (to go
// before it) or onto a column (to go last); columns are added, renamed, moved and removed here.
import { useId, useState, type DragEvent } from 'react';
import type { Column, Issue } from '../../../shared/model/issue';

const ARTICLE_MIME = 'application/x-weekly-desk-article';

export interface ColumnTreeProps {
  issue: Issue;
  selectedArticleId: string | null;
  suggestions: string[];
  onSelect: (articleId: string) => void;
  onMoveArticle: (articleId: string, toColumnId: string, toIndex: number) => void;
  onAddColumn: (name: string) => void;
  onRenameColumn: (columnId: string, name: string) => void;
  onShiftColumn: (columnId: string, delta: -1 | 1) => void;
  onRemoveColumn: (column: Column) => void;
  /** articleId → page of its title in print, from the live layout */
  pages?: ReadonlyMap<string, number>;
  /** true while an edit's page numbers are being recomputed */
  pagesPending?: boolean;
}

type DropTarget = { columnId: string; index: number } | null;

export function ColumnTree(props: ColumnTreeProps) {
  const { issue, selectedArticleId } = props;
  const [dragging, setDragging] = useState<string | null>(null);
  const [target, setTarget] = useState<DropTarget>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const listId = useId();

  const allow = (e: DragEvent, next: DropTarget) => {
    if (!e.dataTransfer.types.includes(ARTICLE_MIME)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'move';
    if (target?.columnId !== next?.columnId || target?.index !== next?.index) setTarget(next);
  };

  const drop = (e: DragEvent, columnId: string, index: number) => {
    const articleId = e.dataTransfer.getData(ARTICLE_MIME);
    e.preventDefault();
    e.stopPropagation();
    setTarget(null);
    setDragging(null);
    if (!articleId) return;
    // The index is counted with the dragged article still in place: correct for its removal.
    const column = issue.columns.find((c) => c.id === columnId);
    const from = column?.articles.findIndex((a) => a.id === articleId) ?? -1;
    props.onMoveArticle(articleId, columnId, from >= 0 && from < index ? index - 1 : index);
  };

  return (
    <nav className="column-tree" aria-label="栏目与文章">
      <div className="pane-title">
        <span>栏目</span>
        <span className="muted small">{issue.columns.reduce((n, c) => n + c.articles.length, 0)} 篇</span>
      </div>
      <ul className="columns" aria-label="栏目">
        {issue.columns.map((column, ci) => (
          <li
            key={column.id}
            className={`column${target?.columnId === column.id && target.index === column.articles.length ? ' drop-end' : ''}`}
            aria-label={column.name}
            onDragOver={(e) => allow(e, { columnId: column.id, index: column.articles.length })}
            onDrop={(e) => drop(e, column.id, column.articles.length)}
          >
            <div className="column-head">
              {renaming === column.id ? (
                <input
                  className="column-rename"
                  aria-label="栏目名称"
                  defaultValue={column.name}
                  autoFocus
                  onBlur={(e) => {
                    props.onRenameColumn(column.id, e.currentTarget.value);
                    setRenaming(null);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') e.currentTarget.blur();
                    if (e.key === 'Escape') setRenaming(null);
                  }}
                />
              ) : (
                <span className="column-name" onDoubleClick={() => setRenaming(column.id)}>
                  {column.name}
                </span>
              )}
              <span className="column-actions">
                <button type="button" className="icon-button" aria-label={`上移栏目 ${column.name}`} title="上移" disabled={ci === 0} onClick={() => props.onShiftColumn(column.id, -1)}>
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`下移栏目 ${column.name}`}
                  title="下移"
                  disabled={ci === issue.columns.length - 1}
                  onClick={() => props.onShiftColumn(column.id, 1)}
                >
                  ↓
                </button>
                <button type="button" className="icon-button" aria-label={`重命名栏目 ${column.name}`} title="重命名" onClick={() => setRenaming(column.id)}>
                  ✎
                </button>
                <button type="button" className="icon-button" aria-label={`删除栏目 ${column.name}`} title="删除" onClick={() => props.onRemoveColumn(column)}>
                  ×
                </button>
              </span>
            </div>
            <ul className="articles" aria-label={`${column.name} 的文章`}>
              {column.articles.length === 0 && <li className="articles-empty muted small">拖入文章，或在导入时选择此栏目</li>}
              {column.articles.map((article, ai) => (
                <li
                  key={article.id}
                  className={`article-item${target?.columnId === column.id && target.index === ai ? ' drop-before' : ''}${dragging === article.id ? ' dragging' : ''}`}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(ARTICLE_MIME, article.id);
                    e.dataTransfer.effectAllowed = 'move';
                    setDragging(article.id);
                  }}
                  onDragEnd={() => {
                    setDragging(null);
                    setTarget(null);
                  }}
                  onDragOver={(e) => allow(e, { columnId: column.id, index: ai })}
                  onDrop={(e) => drop(e, column.id, ai)}
                >
                  <button
                    type="button"
                    className={`article-button${article.id === selectedArticleId ? ' selected' : ''}`}
                    aria-current={article.id === selectedArticleId ? 'true' : undefined}
                    onClick={() => props.onSelect(article.id)}
                  >
                    <span className="article-title">{article.title || '（无标题）'}</span>
                    <span className="article-meta">
                      <span className="article-source">{article.source || '来源未填'}</span>
                      {props.pages?.has(article.id) && (
                        <span className={`article-page${props.pagesPending ? ' pending' : ''}`} title="标题所在页（随修改自动更新）">
                          第 {props.pages.get(article.id)} 页
                        </span>
                      )}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {adding ? (
        <form
          className="add-column"
          onSubmit={(e) => {
            e.preventDefault();
            const name = String(new FormData(e.currentTarget).get('name') ?? '').trim();
            if (name) props.onAddColumn(name);
            setAdding(false);
          }}
        >
          <input name="name" aria-label="新栏目名称" placeholder="栏目名称，如 专家观点" list={listId} autoFocus onKeyDown={(e) => e.key === 'Escape' && setAdding(false)} />
          <datalist id={listId}>
            {props.suggestions.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <button type="submit" className="primary">
            添加
          </button>
        </form>
      ) : (
        <button type="button" className="add-column-button" onClick={() => setAdding(true)}>
          新建栏目
        </button>
      )}
    </nav>
  );
}
