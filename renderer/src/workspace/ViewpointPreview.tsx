// 本期视点 as it will print: column headers, ▶ titles with 来源 and page numbers, 【提要】.
// Page numbers come from a real layout of the saved issue (livePages.ts), refreshed once edits go idle.
import { LABELS } from '../../../shared/document/issueDocument';
import { DEFAULT_READING_NOTE } from '../../../shared/model/issue';
import type { LivePages } from './livePages';

export function ViewpointPreview({
  live,
  readingNote,
  onOpenArticle,
}: {
  /** the workspace's live layout result (see livePages.ts) */
  live: LivePages;
  readingNote: string;
  onOpenArticle: (articleId: string) => void;
}) {
  const { preview, pending: loading, error } = live;

  const note = `（${(readingNote || DEFAULT_READING_NOTE).replace(/^（|）$/g, '')}）`;

  return (
    <section className="viewpoint" aria-label="本期视点" aria-busy={loading}>
      <div className="viewpoint-status muted small" role="status">
        {loading ? '正在排版，核定页码…' : error ? error : preview?.exact ? `页码已按排版核定，全刊共 ${preview.pageCount} 页` : '页码暂不可用'}
      </div>
      <div className="print-page">
        <h2 className="vp-heading">{LABELS.viewpointHeading}</h2>
        <p className="vp-note">{note}</p>
        {preview?.columns.length === 0 && <p className="muted">本期还没有文章。</p>}
        {preview?.columns.map((column) => (
          <div key={column.column} className="vp-column">
            <h3 className="vp-column-head">{LABELS.columnHeader(column.column)}</h3>
            {column.entries.map((e) => (
              <div key={e.articleId} className="vp-entry" data-article-id={e.articleId}>
                <p className="vp-title">
                  ▶{' '}
                  <button type="button" className="vp-link" onClick={() => onOpenArticle(e.articleId)}>
                    {e.title}
                  </button>
                  <span className="vp-source">{LABELS.viewpointSource(e.source)}</span>
                  <span className="vp-page">{LABELS.pageRef(e.page ?? '…')}</span>
                </p>
                <p className="vp-summary">
                  <span className="vp-mark">{LABELS.summaryMark}</span>
                  {e.summary || <span className="muted">（提要为空）</span>}
                </p>
              </div>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}
