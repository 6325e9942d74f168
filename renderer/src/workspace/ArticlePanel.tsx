// Right pane: the article's 标题, 来源, 作者, 原文链接, its column, and the 【提要】.
// An edited 提要 carries a mark; 重新生成 asks before replacing an edit.
import { useId, useState } from 'react';
import type { Article, Column } from '../../../shared/model/issue';
import { errorMessage, getApi } from '../api/client';
import { ConfirmDialog } from '../common/Dialog';
import { useNotices } from '../common/Notices';

export interface ArticlePanelProps {
  article: Article;
  columns: Column[];
  columnId: string;
  onChange: (patch: Partial<Omit<Article, 'id'>>) => void;
  onMoveToColumn: (columnId: string) => void;
  onRemove: () => void;
}

function Field({ label, value, onChange, placeholder, type = 'text' }: { label: string; value: string; onChange: (v: string) => void; placeholder?: string; type?: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type={type} value={value} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function ArticlePanel({ article, columns, columnId, onChange, onMoveToColumn, onRemove }: ArticlePanelProps) {
  const notices = useNotices();
  const summaryId = useId();
  const columnSelectId = useId();
  const [busy, setBusy] = useState(false);
  const [proposal, setProposal] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const length = [...article.summary].length;

  const regenerate = async () => {
    setBusy(true);
    try {
      const { summary } = await getApi().articles.summarize({ title: article.title, content: article.content });
      if (article.summaryEdited) setProposal(summary);
      else onChange({ summary, summaryEdited: false });
    } catch (e) {
      notices.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <aside className="article-panel" aria-label="文章信息">
      <div className="pane-title">
        <span>文章信息</span>
      </div>
      <div className="panel-body">
        <div className="field">
          <label htmlFor={`${summaryId}-title`}>标题</label>
          <textarea id={`${summaryId}-title`} rows={2} value={article.title} onChange={(e) => onChange({ title: e.target.value.replace(/\n/g, '') })} />
        </div>
        <Field label="来源" value={article.source} onChange={(v) => onChange({ source: v })} placeholder="如：国家医疗保障局" />
        <Field label="作者" value={article.author ?? ''} onChange={(v) => onChange({ author: v.trim() ? v : null })} placeholder="无则留空" />
        <Field label="原文链接" type="url" value={article.url ?? ''} onChange={(v) => onChange({ url: v.trim() ? v.trim() : null })} placeholder="https://…" />
        <div className="field">
          <label htmlFor={columnSelectId}>栏目</label>
          <select id={columnSelectId} value={columnId} onChange={(e) => onMoveToColumn(e.target.value)}>
            {columns.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>

        <div className="summary-block">
          <div className="summary-head">
            <label htmlFor={summaryId}>【提要】</label>
            {article.summaryEdited && (
              <span className="edited-mark" title="提要已手动修改，重新生成前会先询问">
                已手动修改
              </span>
            )}
            <span className={`summary-length${length > 320 || (length > 0 && length < 100) ? ' warn' : ''}`}>{length} 字</span>
          </div>
          <textarea
            id={summaryId}
            aria-label="提要"
            className="summary-text"
            rows={9}
            value={article.summary}
            onChange={(e) => onChange({ summary: e.target.value, summaryEdited: true })}
          />
          <div className="summary-actions">
            <span className="muted small">建议 100–320 字，多取自导语与关键句。</span>
            <button type="button" disabled={busy} onClick={() => void regenerate()}>
              {busy ? '生成中…' : '重新生成'}
            </button>
          </div>
        </div>

        <div className="panel-footer">
          <button type="button" className="quiet danger" onClick={() => setConfirmRemove(true)}>
            从本期移除
          </button>
        </div>
      </div>
      {proposal !== null && (
        <ConfirmDialog
          title="覆盖已修改的提要？"
          message={`这篇文章的提要已手动修改过。用新生成的提要替换它吗？\n\n新提要：${proposal}`}
          confirmLabel="替换"
          onAnswer={(ok) => {
            if (ok) onChange({ summary: proposal, summaryEdited: false });
            setProposal(null);
          }}
        />
      )}
      {confirmRemove && (
        <ConfirmDialog
          title="移除文章"
          message={`确定把“${article.title}”从本期移除？`}
          confirmLabel="移除"
          onAnswer={(ok) => {
            setConfirmRemove(false);
            if (ok) onRemove();
          }}
        />
      )}
    </aside>
  );
}
