// 导出 PDF / 导出 Word: page size, a progress bar with the engine's stages, then the file
// (a download in web mode) and, for PDF, its page count.
import { useEffect, useId, useRef, useState } from 'react';
import type { ExportFile, JobStatus, PageSize } from '../../../shared/api/contract';
import { errorMessage, getApi } from '../api/client';
import { Dialog } from '../common/Dialog';
import { downloadFile } from '../common/download';

const POLL_MS = 250;

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
  const [pageSize, setPageSize] = useState<PageSize>(defaultPageSize);
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [file, setFile] = useState<ExportFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const label = kind === 'pdf' ? 'PDF' : 'Word';

  const start = async () => {
    setError(null);
    setFile(null);
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

  const running = status?.state === 'running';

  return (
    <Dialog
      title={`导出 ${label}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {file ? '完成' : '取消'}
          </button>
          {file ? (
            <button type="button" className="primary" onClick={() => downloadFile(file.fileName, file.mimeType, file.data)}>
              再次下载
            </button>
          ) : (
            <button type="button" className="primary" disabled={running} onClick={() => void start()}>
              开始导出
            </button>
          )}
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
        <span className="muted">浏览器的下载文件夹</span>
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
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
