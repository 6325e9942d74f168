// 新建期刊: pick the ISO week; 期号 and the Monday–Sunday dates follow. Optionally reuse the
// columns of an earlier issue.
import { useId, useState } from 'react';
import type { IssueListItem } from '../../../shared/api/contract';
import { errorMessage, getApi } from '../api/client';
import { Dialog } from '../common/Dialog';
import { currentWeek, describeWeek } from './weekChoice';

export function NewIssueDialog({
  issues,
  onClose,
  onCreated,
}: {
  issues: IssueListItem[];
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const weekId = useId();
  const copyId = useId();
  const [week, setWeek] = useState(() => currentWeek(new Date()));
  const [copyFrom, setCopyFrom] = useState<string>(issues[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choice = describeWeek(week);

  const create = async () => {
    if (!choice) return;
    setBusy(true);
    setError(null);
    try {
      const issue = await getApi().issues.create({ isoWeek: choice.isoWeek, copyColumnsFrom: copyFrom || null });
      onCreated(issue.id);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="新建期刊"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" disabled={!choice || busy} onClick={() => void create()}>
            创建
          </button>
        </>
      }
    >
      <div className="form-grid">
        <label htmlFor={weekId}>周次</label>
        <input id={weekId} type="week" value={week} required onChange={(e) => setWeek(e.target.value)} />
        <span className="form-label">期号</span>
        <output aria-label="期号">{choice?.issueNumber ?? '—'}</output>
        <span className="form-label">日期</span>
        <output aria-label="日期">{choice ? `(${choice.dateRange})` : '—'}</output>
        <label htmlFor={copyId}>栏目</label>
        <select id={copyId} value={copyFrom} onChange={(e) => setCopyFrom(e.target.value)}>
          <option value="">不沿用，稍后新建栏目</option>
          {issues.map((i) => (
            <option key={i.id} value={i.id}>
              沿用 {i.issueNumber} 的栏目
            </option>
          ))}
        </select>
      </div>
      {!choice && <p className="field-error">请选择一个有效的周次。</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
