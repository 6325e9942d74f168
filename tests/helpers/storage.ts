// A Web Storage in memory for renderer tests; `limit` (characters per value) makes setItem throw the
// browser's QuotaExceededError the way a full localStorage does.
export function memoryStorage(limit = Infinity): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (v.length > limit) throw new DOMException('quota', 'QuotaExceededError');
      m.set(k, v);
    },
  };
}
