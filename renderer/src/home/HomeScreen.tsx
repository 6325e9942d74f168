// 期刊: recent issues from the archive and 新建期刊.
import { useCallback, useEffect, useState } from 'react';
import type { IssueListItem } from '../../../shared/api/contract';
import { errorMessage, getApi } from '../api/client';
import type { ScreenRequest } from '../api/shell';
import type { Navigate } from '../app/App';
import { ConfirmDialog } from '../common/Dialog';
import { useNotices } from '../common/Notices';
import { bytesToBase64 } from '../common/base64';
import { downloadFile } from '../common/download';
import { FilePickButton } from '../common/FilePickButton';
import { isUserFacingError } from '../../../shared/errors';
import { NewIssueDialog } from './NewIssueDialog';

const WEEKLY_MIME = 'application/vnd.weekly-desk.issue+zip';

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
  const [weeklyBusy, setWeeklyBusy] = useState(false);

  /** 打开期刊文件: a `.weekly` file chosen in the browser goes into the archive, then opens. */
  const [weeklyConflict, setWeeklyConflict] = useState<{ file: File; messageZh: string } | null>(null);
  const openWeekly = async (file: File, onConflict: 'error' | 'copy' = 'error') => {
    setWeeklyBusy(true);
    try {
      const data = bytesToBase64(new Uint8Array(await file.arrayBuffer()));
      const issue = await getApi().issues.importWeekly({ name: file.name, data, onConflict });
      notices.info(`已打开期刊文件 ${file.name}（${issue.meta.issueNumber}）。`);
      open(issue.id);
    } catch (e) {
      // The archive already holds that issue: offer a copy rather than overwriting anyone's edits.
      if (isUserFacingError(e) && e.code === 'weekly-file-exists') setWeeklyConflict({ file, messageZh: e.messageZh });
      else notices.error(errorMessage(e));
    } finally {
      setWeeklyBusy(false);
    }
  };

  /** 导出期刊文件: the issue as a `.weekly` file, handed to the browser as a download. */
  const exportWeekly = async (item: IssueListItem) => {
    try {
      const file = await getApi().issues.exportWeekly({ id: item.id });
      downloadFile(file.fileName, WEEKLY_MIME, file.data);
    } catch (e) {
      notices.error(`导出期刊文件失败：${errorMessage(e)}`);
    }
  };

  return (
    <div className="home">
      <div className="home-head">
        <div>
          <h1>期刊</h1>
          <p className="muted">每周一期：选定周次即可生成期号与日期，剪报归入栏目后导出 PDF 与 Word。</p>
        </div>
        <div className="home-actions">
          <FilePickButton accept=".weekly" inputLabel="选择期刊文件" disabled={weeklyBusy} onFile={(file) => void openWeekly(file)}>
            {weeklyBusy ? '正在打开…' : '打开期刊文件'}
          </FilePickButton>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            新建期刊
          </button>
        </div>
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
                  <button type="button" className="quiet" aria-label={`导出期刊文件 ${i.issueNumber}`} title="导出期刊文件（.weekly）" onClick={() => void exportWeekly(i)}>
                    导出文件
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
      {weeklyConflict && (
        <ConfirmDialog
          title="期刊已存在"
          message={`${weeklyConflict.messageZh}要把“${weeklyConflict.file.name}”作为副本导入吗？`}
          confirmLabel="作为副本导入"
          onAnswer={(ok) => {
            const { file } = weeklyConflict;
            setWeeklyConflict(null);
            if (ok) void openWeekly(file, 'copy');
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
