// 搜索: the whole archive, with highlighted snippets; open the article it came from or copy it
// into the issue being edited.
import { useEffect, useId, useState } from 'react';
import type { SearchHit } from '../../../shared/api/contract';
import type { Issue } from '../../../shared/model/issue';
import { errorMessage, getApi } from '../api/client';
import type { Navigate } from '../app/App';
import { useNotices } from '../common/Notices';
import { planCopy } from './copyArticle';

export function Highlighted({ text, highlights }: { text: string; highlights: SearchHit['highlights'] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [i, h] of [...highlights].sort((a, b) => a.start - b.start).entries()) {
    if (h.start < at || h.end > text.length) continue;
    if (h.start > at) parts.push(text.slice(at, h.start));
    parts.push(<mark key={i}>{text.slice(h.start, h.end)}</mark>);
    at = h.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

export function SearchScreen({ query, navigate, currentIssueId }: { query: string; navigate: Navigate; currentIssueId: string | null }) {
  const notices = useNotices();
  const inputId = useId();
  const [text, setText] = useState(query);
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [busy, setBusy] = useState(false);
  /** hits already copied into the current issue this visit */
  const [copied, setCopied] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    setText(query);
    if (!query.trim()) {
      setHits(null);
      return;
    }
    let cancelled = false;
    setBusy(true);
    getApi()
      .search.query({ query, limit: 50 })
      .then(
        (h) => !cancelled && setHits(h),
        (e: unknown) => !cancelled && notices.error(errorMessage(e)),
      )
      .finally(() => !cancelled && setBusy(false));
    return () => {
      cancelled = true;
    };
  }, [query, notices]);

  const copyToCurrent = async (hit: SearchHit) => {
    if (!currentIssueId) return;
    const key = `${hit.issueId}/${hit.articleId}`;
    try {
      const api = getApi();
      const [source, target]: [Issue, Issue] = await Promise.all([api.issues.get({ id: hit.issueId }), api.issues.get({ id: currentIssueId })]);
      const plan = planCopy(source, hit.articleId, target, `a-${crypto.randomUUID()}`);
      if (!plan.ok) {
        notices.error(plan.messageZh);
        return;
      }
      // One article appended to its column: the rest of the issue is not rewritten.
      await api.articles.save({ issueId: target.id, columnId: plan.columnId, article: plan.article });
      setCopied((c) => new Set(c).add(key));
      notices.info(`已复制到 ${target.meta.issueNumber} 的“${plan.columnName}”栏目。`);
    } catch (e) {
      notices.error(`复制失败：${errorMessage(e)}`);
    }
  };

  return (
    <div className="search">
      <form
        className="search-bar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate({ screen: 'search', query: text.trim() });
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          搜索内容
        </label>
        <input id={inputId} type="search" value={text} placeholder="在全部往期中搜索，如：医保 DRG" autoFocus onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="primary" disabled={!text.trim()}>
          搜索
        </button>
      </form>
      {busy && <p className="muted">正在搜索…</p>}
      {hits && !busy && <p className="muted small">找到 {hits.length} 篇</p>}
      {hits && hits.length === 0 && !busy && <p className="empty">没有找到相关文章，换个关键词试试。</p>}
      <ol className="hits" aria-label="搜索结果">
        {hits?.map((h) => (
          <li key={`${h.issueId}/${h.articleId}`} className="hit">
            <div className="hit-head">
              <button type="button" className="link-button hit-title" onClick={() => navigate({ screen: 'issue', issueId: h.issueId, articleId: h.articleId })}>
                {h.title}
              </button>
              <span className="muted small">
                {h.issueNumber} · {h.column}
              </span>
            </div>
            <p className="hit-snippet">
              <Highlighted text={h.snippet} highlights={h.highlights} />
            </p>
            {currentIssueId && currentIssueId !== h.issueId && (
              <button
                type="button"
                className="quiet small"
                disabled={copied.has(`${h.issueId}/${h.articleId}`)}
                onClick={() => void copyToCurrent(h)}
              >
                {copied.has(`${h.issueId}/${h.articleId}`) ? '已复制到当前期刊' : '复制到当前期刊'}
              </button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
