// Messages for the editor: errors stay until dismissed, confirmations fade.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

interface NoticeApi {
  error(text: string): void;
  info(text: string): void;
}

const NoticeContext = createContext<NoticeApi>({ error: () => {}, info: () => {} });

export function useNotices(): NoticeApi {
  return useContext(NoticeContext);
}

let nextId = 1;

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const push = useCallback(
    (kind: Notice['kind'], text: string) => {
      const id = nextId++;
      setNotices((list) => [...list.filter((n) => n.text !== text), { id, kind, text }].slice(-4));
      if (kind === 'info') setTimeout(() => dismiss(id), 4000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ error: (t: string) => push('error', t), info: (t: string) => push('info', t) }), [push]);
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className="notices" aria-live="polite">
        {notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
            <span>{n.text}</span>
            <button type="button" className="notice-close" aria-label="关闭提示" onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
