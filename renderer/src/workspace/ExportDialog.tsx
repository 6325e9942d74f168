// 导出 PDF / 导出 Word: page size, a progress bar with the engine's stages, then the file and,
// for PDF, its page count. In the desktop app main saves the file into the export folder
// (保存到, 更改…) and the dialog offers 打开文件 / 打开所在文件夹, or 另存为… when it could not
// save there; in web mode the file is a browser download.
import { useEffect, useId, useRef, useState } from 'react';
import type { ExportFile, JobStatus, PageSize } from '../../../shared/api/contract';
import { errorMessage, getApi } from '../api/client';
import { desktopExports, type DesktopExports, type SavedExport, type SaveOutcome } from '../api/shell';
import { Dialog } from '../common/Dialog';
import { downloadFile } from '../common/download';

const POLL_MS = 250;

/** A finished job main could not save into the export folder: its reason, and the job to retry. */
interface Unsaved {
  jobId: string;
  messageZh: string;
}

export function ExportDialog({
  kind,
  issueId,
  defaultPageSize,
  flush,
  onClose,
}: {
  kind: 'pdf' | 'docx';
  issueId: string;
  defaultPageSize: PageSize;
  flush: () => Promise<void>;
  onClose: () => void;
}) {
  const sizeId = useId();
  const [desktop] = useState<DesktopExports | null>(desktopExports);
  const [pageSize, setPageSize] = useState<PageSize>(defaultPageSize);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [file, setFile] = useState<ExportFile | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedExport | null>(null);
  const [unsaved, setUnsaved] = useState<Unsaved | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  useEffect(() => {
    desktop?.folder().then(
      (r) => alive.current && setFolder(r.folder),
      (e: unknown) => alive.current && setError(errorMessage(e)),
    );
  }, [desktop]);
  const label = kind === 'pdf' ? 'PDF' : 'Word';

  /** Run one shell step (save, 另存为…, open); a failure to save keeps the job for a retry. */
  const shellStep = async (jobId: string | null, step: () => Promise<SaveOutcome | void>) => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await step();
      if (!alive.current || !outcome) return;
      if (outcome.saved) {
        setSaved(outcome.file);
        setUnsaved(null);
      } else if (outcome.code !== 'canceled' && jobId) {
        setUnsaved({ jobId, messageZh: outcome.messageZh });
      }
    } catch (e) {
      if (!alive.current) return;
      // Main's refusals arrive as Errors whose message is already the Chinese message (contextBridge keeps only that).
      setError(e instanceof Error && e.message ? e.message : errorMessage(e));
      // A refused save (e.g. the engine no longer holds the job) leaves 开始导出 to try again.
      if (jobId) setUnsaved(null);
    } finally {
      if (alive.current) setBusy(false);
    }
  };

  const start = async () => {
    setError(null);
    setFile(null);
    setSaved(null);
    setUnsaved(null);
    setStatus({ jobId: 'pending', kind, state: 'running', stage: '保存修改', progress: 0 });
    try {
      await flush();
      const api = getApi();
      const { jobId } = kind === 'pdf' ? await api.export.pdf({ issueId, pageSize }) : await api.export.docx({ issueId, pageSize });
      let s = await api.export.status({ jobId });
      while (s.state === 'running' && alive.current) {
        setStatus(s);
        await new Promise((r) => setTimeout(r, POLL_MS));
        s = await api.export.status({ jobId });
      }
      if (!alive.current) return;
      setStatus(s);
      if (s.state === 'failed') {
        setError(s.messageZh ?? '导出失败。');
        return;
      }
      if (desktop) {
        // Main fetches the file from the engine and writes it: the bytes never come through the page.
        await shellStep(jobId, () => desktop.save({ jobId }));
        return;
      }
      const result = await api.export.result({ jobId });
      setFile(result);
      downloadFile(result.fileName, result.mimeType, result.data);
    } catch (e) {
      if (alive.current) {
        setError(errorMessage(e));
        setStatus(null);
      }
    }
  };

  const changeFolder = async () => {
    if (!desktop) return;
    setError(null);
    try {
      const { folder: chosen } = await desktop.chooseFolder();
      if (alive.current && chosen) setFolder(chosen);
    } catch (e) {
      if (alive.current) setError(errorMessage(e));
    }
  };

  const running = status?.state === 'running';

  let actions;
  if (!desktop) {
    actions = file ? (
      <button type="button" className="primary" onClick={() => downloadFile(file.fileName, file.mimeType, file.data)}>
        再次下载
      </button>
    ) : (
      <button type="button" className="primary" disabled={running} onClick={() => void start()}>
        开始导出
      </button>
    );
  } else if (saved) {
    actions = (
      <>
        <button type="button" disabled={busy} onClick={() => void shellStep(null, () => desktop.showInFolder({ path: saved.path }))}>
          打开所在文件夹
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void shellStep(null, () => desktop.openFile({ path: saved.path }))}>
          打开文件
        </button>
      </>
    );
  } else if (unsaved) {
    actions = (
      <>
        <button type="button" disabled={busy} onClick={() => void shellStep(unsaved.jobId, () => desktop.save({ jobId: unsaved.jobId }))}>
          重新保存
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void shellStep(unsaved.jobId, () => desktop.saveAs({ jobId: unsaved.jobId }))}>
          另存为…
        </button>
      </>
    );
  } else {
    actions = (
      <button type="button" className="primary" disabled={running || busy} onClick={() => void start()}>
        开始导出
      </button>
    );
  }

  return (
    <Dialog
      title={`导出 ${label}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {file || saved ? '完成' : '取消'}
          </button>
          {actions}
        </>
      }
    >
      <div className="form-grid">
        <label htmlFor={sizeId}>纸张</label>
        <select id={sizeId} value={pageSize} disabled={running} onChange={(e) => setPageSize(e.target.value as PageSize)}>
          <option value="A4">A4（210×297 mm）</option>
          <option value="16K">16 开（185×260 mm）</option>
        </select>
        <span className="form-label">保存到</span>
        {desktop ? (
          <span className="export-folder">
            <span className="export-folder-path" title={folder ?? undefined}>
              {folder ?? '…'}
            </span>
            <button type="button" disabled={running || busy} onClick={() => void changeFolder()}>
              更改…
            </button>
          </span>
        ) : (
          <span className="muted">浏览器的下载文件夹</span>
        )}
      </div>
      {status && (
        <div className="export-progress">
          <progress aria-label="导出进度" max={1} value={status.progress} />
          <div className="export-stage" role="status">
            {status.stage}
          </div>
        </div>
      )}
      {file && (
        <p className="export-done" role="status">
          已导出 {file.fileName}
          {file.pageCount !== null && `，共 ${file.pageCount} 页`}。
        </p>
      )}
      {saved && (
        <>
          <p className="export-done" role="status">
            已保存 {saved.fileName}
            {saved.pageCount !== null && `，共 ${saved.pageCount} 页`}。
          </p>
          <p className="export-path" title={saved.path}>
            {saved.path}
          </p>
        </>
      )}
      {unsaved && (
        <p className="field-error" role="alert">
          {unsaved.messageZh}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
