// Window size and position, remembered between runs. The pure part decides whether saved
// bounds still fit on a connected display (a laptop undocked from its monitor, say).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1440, height: 900 };
export const MIN_SIZE = { width: 960, height: 640 };

function isRect(v: unknown): v is Rect {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

/** Parse what was saved; anything malformed counts as nothing saved. */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as { bounds?: unknown; maximized?: unknown };
    if (!isRect(v.bounds)) return null;
    return { bounds: v.bounds, maximized: v.maximized === true };
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Bounds to open the window with: the saved ones when their title bar area is on a display,
 * shrunk to fit it; otherwise the default size centred on the primary work area.
 */
export function restoreBounds(saved: WindowState | null, workAreas: Rect[]): { bounds: Rect; maximized: boolean } {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const centred = (): Rect => {
    const width = Math.min(DEFAULT_SIZE.width, primary.width);
    const height = Math.min(DEFAULT_SIZE.height, primary.height);
    return { x: primary.x + Math.round((primary.width - width) / 2), y: primary.y + Math.round((primary.height - height) / 2), width, height };
  };
  if (!saved) return { bounds: centred(), maximized: false };
  const b = saved.bounds;
  // The top strip is what the editor grabs to move the window: it must be reachable.
  const titleBar: Rect = { x: b.x, y: b.y, width: b.width, height: Math.min(40, b.height) };
  const area = workAreas
    .map((a) => ({ a, o: overlap(titleBar, a) }))
    .sort((p, q) => q.o - p.o)[0];
  if (!area || area.o < Math.min(titleBar.width, 100) * titleBar.height * 0.5) return { bounds: centred(), maximized: saved.maximized };
  const a = area.a;
  const width = Math.max(Math.min(b.width, a.width), Math.min(MIN_SIZE.width, a.width));
  const height = Math.max(Math.min(b.height, a.height), Math.min(MIN_SIZE.height, a.height));
  const x = Math.min(Math.max(b.x, a.x), a.x + a.width - width);
  const y = Math.min(Math.max(b.y, a.y), a.y + a.height - height);
  return { bounds: { x, y, width, height }, maximized: saved.maximized };
}
