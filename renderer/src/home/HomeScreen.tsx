// 期刊: recent issues from the archive and 新建期刊.
import { useCallback, useEffect, useState } from 'react';
import type { IssueListItem } from '../../../shared/api/contract';
import { errorMessage, getApi } from '../api/client';
import type { ScreenRequest } from '../api/shell';
import type { Navigate } from '../app/App';
import { ConfirmDialog } from '../common/Dialog';
import { useNotices } from '../common/Notices';
import { NewIssueDialog } from './NewIssueDialog';

export function HomeScreen({ navigate, request, onRequestDone }: { navigate: Navigate; request: ScreenRequest | null; onRequestDone: () => void }) {
  const notices = useNotices();
  const [issues, setIssues] = useState<IssueListItem[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [removing, setRemoving] = useState<IssueListItem | null>(null);

  const load = useCallback(
    () =>
      getApi()
        .issues.list({})
        .then(setIssues, (e: unknown) => {
          setIssues([]);
          notices.error(errorMessage(e));
        }),
    [notices],
  );

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (request?.name !== 'issue:new') return;
    setCreating(true);
    onRequestDone();
  }, [request, onRequestDone]);

  const open = (id: string) => navigate({ screen: 'issue', issueId: id, articleId: null });

  return (
    <div className="home">
      <div className="home-head">
        <div>
          <h1>期刊</h1>
          <p className="muted">每周一期：选定周次即可生成期号与日期，剪报归入栏目后导出 PDF 与 Word。</p>
        </div>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          新建期刊
        </button>
      </div>
      {issues === null ? (
        <p className="muted">正在读取…</p>
      ) : issues.length === 0 ? (
        <div className="empty">
          <p>还没有期刊。点击“新建期刊”，选择周次开始编辑。</p>
        </div>
      ) : (
        <table className="issue-table" aria-label="最近的期刊">
          <thead>
            <tr>
              <th>期号</th>
              <th>日期</th>
              <th>刊名</th>
              <th className="num">栏目</th>
              <th className="num">文章</th>
              <th>最后修改</th>
              <th aria-label="操作" />
            </tr>
          </thead>
          <tbody>
            {issues.map((i) => (
              <tr key={i.id} onDoubleClick={() => open(i.id)}>
                <td>
                  <button type="button" className="link-button" onClick={() => open(i.id)}>
                    {i.issueNumber}
                  </button>
                </td>
                <td className="muted">{i.dateRange}</td>
                <td>{i.title}</td>
                <td className="num">{i.columnCount}</td>
                <td className="num">{i.articleCount}</td>
                <td className="muted">{new Date(i.updatedAt).toLocaleString('zh-CN', { hour12: false })}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => open(i.id)}>
                    打开
                  </button>
                  <button type="button" className="quiet" aria-label={`删除 ${i.issueNumber}`} onClick={() => setRemoving(i)}>
                    删除
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && (
        <NewIssueDialog
          issues={issues ?? []}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            open(id);
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title="删除期刊"
          message={`确定删除 ${removing.issueNumber}（${removing.dateRange}）？其中的 ${removing.articleCount} 篇文章将一并删除，无法恢复。`}
          confirmLabel="删除"
          onAnswer={(ok) => {
            const target = removing;
            setRemoving(null);
            if (ok)
              void getApi()
                .issues.remove({ id: target.id })
                .then(load, (e: unknown) => notices.error(errorMessage(e)));
          }}
        />
      )}
    </div>
  );
}
