// Messages between Electron main and the engine's utility process. Main forwards contract calls
// (already validated) and gets back the dispatch envelope; nothing else crosses.
import type { DispatchResult } from '../../engine/service/dispatch';

export interface EngineInit {
  type: 'init';
  /** where the archive lives (app.getPath('userData')/archive) */
  dataDir: string | null;
  /** bundled sample issue to load and open first, or null */
  sampleManifest: string | null;
  version: string;
}

export interface EngineCall {
  type: 'call';
  id: number;
  channel: string;
  input: unknown;
}

export type ToEngine = EngineInit | EngineCall;

export type FromEngine = { type: 'ready' } | { type: 'fatal'; message: string } | { type: 'reply'; id: number; reply: DispatchResult };

export function isFromEngine(value: unknown): value is FromEngine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; id?: unknown; reply?: unknown; message?: unknown };
  if (v.type === 'ready') return true;
  if (v.type === 'fatal') return typeof v.message === 'string';
  return v.type === 'reply' && typeof v.id === 'number' && typeof v.reply === 'object' && v.reply !== null;
}

export function isToEngine(value: unknown): value is ToEngine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; id?: unknown; channel?: unknown };
  if (v.type === 'init') return true;
  return v.type === 'call' && typeof v.id === 'number' && typeof v.channel === 'string';
}
