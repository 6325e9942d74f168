// 导入剪报: files (chooser or drop), pasted content, or a URL. Each clipping shows its title,
// 来源 and any "already ran" warning, and is filed under a column before it joins the issue.
import { useId, useRef, useState, type ClipboardEvent, type DragEvent } from 'react';
import type { Clipping, ImportResult } from '../../../shared/api/contract';
import type { Column } from '../../../shared/model/issue';
import { errorMessage, getApi } from '../api/client';
import { bytesToBase64 } from '../common/base64';
import { Dialog } from '../common/Dialog';

export const ACCEPTED_FILES = '.html,.htm,.docx,.md,.markdown,.txt';

interface Row {
  key: number;
  clipping: Clipping;
  columnId: string;
  include: boolean;
}

export interface ImportedRow {
  clipping: Clipping;
  columnId: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Plain pasted text becomes paragraphs, one per line. */
export function plainTextToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escapeHtml(l)}</p>`)
    .join('\n');
}

let rowKey = 1;

export function ImportDialog({
  issueId,
  columns,
  defaultColumnId,
  onAdd,
  onClose,
}: {
  issueId: string;
  columns: Column[];
  defaultColumnId: string | null;
  onAdd: (rows: ImportedRow[]) => void;
  onClose: () => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const urlId = useId();
  const [rows, setRows] = useState<Row[]>([]);
  const [failures, setFailures] = useState<ImportResult['failures']>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [url, setUrl] = useState('');
  const [dragOver, setDragOver] = useState(false);
  const fallbackColumn = defaultColumnId ?? columns[0]?.id ?? '';

  const take = async (label: string, work: () => Promise<ImportResult>) => {
    setBusy(label);
    try {
      const result = await work();
      setRows((prev) => [...prev, ...result.clippings.map((clipping) => ({ key: rowKey++, clipping, columnId: fallbackColumn, include: true }))]);
      setFailures((prev) => [...prev, ...result.failures]);
    } catch (e) {
      setFailures((prev) => [...prev, { fileName: label, messageZh: errorMessage(e) }]);
    } finally {
      setBusy(null);
    }
  };

  const importFiles = async (list: FileList | File[]) => {
    const files = [...list];
    if (files.length === 0) return;
    await take(`${files.length} 个文件`, async () => {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, data: bytesToBase64(new Uint8Array(await f.arrayBuffer())) })));
      return getApi().import.files({ issueId, files: payload });
    });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragOver(false);
    if (e.dataTransfer.files.length > 0) void importFiles(e.dataTransfer.files);
  };

  const onPaste = (e: ClipboardEvent) => {
    const html = e.clipboardData.getData('text/html');
    const text = e.clipboardData.getData('text/plain');
    if (!html && !text.trim()) return;
    e.preventDefault();
    if (!html && /^https?:\/\/\S+$/.test(text.trim())) {
      setUrl(text.trim());
      return;
    }
    void take('粘贴的内容', () => getApi().import.html({ issueId, html: html || plainTextToHtml(text) }));
  };

  const chosen = rows.filter((r) => r.include && r.columnId);
  const update = (key: number, patch: Partial<Row>) => setRows((prev) => prev.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Dialog
      title="导入剪报"
      wide
      onClose={onClose}
      footer={
        <>
          <span className="muted small footer-note">{columns.length === 0 ? '请先新建栏目，剪报需归入栏目。' : `已选 ${chosen.length} 篇`}</span>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => onAdd(chosen.map((r) => ({ clipping: r.clipping, columnId: r.columnId })))}>
            加入本期
          </button>
        </>
      }
    >
      <div
        className={`drop-zone${dragOver ? ' over' : ''}`}
        tabIndex={0}
        aria-label="拖入文件或在此粘贴"
        onDragOver={(e) => {
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
        onPaste={onPaste}
      >
        <p>
          把剪报文件拖到这里，或
          <button type="button" className="link-button" onClick={() => fileInput.current?.click()}>
            选择文件
          </button>
          （.html .htm .docx .md .txt，可多选）
        </p>
        <p className="muted small">也可以点此处后按 Ctrl+V 粘贴网页、公众号或 Word 中复制的内容。</p>
        <input
          ref={fileInput}
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          hidden
          aria-label="选择剪报文件"
          onChange={(e) => {
            if (e.target.files) void importFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </div>
      <form
        className="url-row"
        onSubmit={(e) => {
          e.preventDefault();
          const u = url.trim();
          if (u) void take(u, () => getApi().import.url({ issueId, url: u })).then(() => setUrl(''));
        }}
      >
        <label htmlFor={urlId}>网址</label>
        <input id={urlId} type="url" placeholder="https://mp.weixin.qq.com/s/…" value={url} onChange={(e) => setUrl(e.target.value)} />
        <button type="submit" disabled={!url.trim() || busy !== null}>
          获取
        </button>
      </form>
      {busy && (
        <p className="muted" role="status">
          正在读取{busy}…
        </p>
      )}
      {failures.map((f, i) => (
        <p key={i} className="field-error" role="alert">
          {f.fileName}：{f.messageZh}
        </p>
      ))}
      {rows.length > 0 && (
        <ul className="clippings" aria-label="待导入的剪报">
          {rows.map((r) => (
            <li key={r.key} className={`clipping${r.include ? '' : ' excluded'}`} aria-label={r.clipping.title}>
              <input type="checkbox" checked={r.include} aria-label={`导入 ${r.clipping.title}`} onChange={(e) => update(r.key, { include: e.target.checked })} />
              <div className="clipping-main">
                <div className="clipping-title">{r.clipping.title || '（未识别出标题）'}</div>
                <div className="clipping-meta">
                  <span className="clipping-source">来源：{r.clipping.source || '未识别'}</span>
                  {r.clipping.author && <span>作者：{r.clipping.author}</span>}
                  <span className="muted">{r.clipping.fileName}</span>
                </div>
                {r.clipping.alreadyRan.map((a) => (
                  <div key={`${a.issueId}-${a.articleId}`} className="warning already-ran" role="note">
                    ⚠ 已在 {a.issueNumber} 刊登过：{a.title}
                  </div>
                ))}
                {r.clipping.warnings.map((w, i) => (
                  <div key={i} className="warning muted small">
                    {w}
                  </div>
                ))}
              </div>
              <select aria-label={`栏目：${r.clipping.title}`} value={r.columnId} onChange={(e) => update(r.key, { columnId: e.target.value })}>
                {columns.length === 0 && <option value="">（无栏目）</option>}
                {columns.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
