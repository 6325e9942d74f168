// Main's side of the engine connection: numbered calls, one pending promise each, and a clear
// Chinese failure for every call in flight when the engine process dies.
import type { DispatchResult } from '../../engine/service/dispatch';
import { isFromEngine, type EngineCall } from './protocol';

export interface EngineClient {
  call(channel: string, input: unknown): Promise<DispatchResult>;
  /** feed every message that arrives from the engine process */
  receive(message: unknown): void;
  /** the engine process is gone: fail what is in flight */
  failAll(messageZh: string): void;
  pending(): number;
}

export function createEngineClient(send: (message: EngineCall) => void): EngineClient {
  let nextId = 1;
  const waiting = new Map<number, (reply: DispatchResult) => void>();
  return {
    call(channel, input) {
      const id = nextId++;
      return new Promise<DispatchResult>((resolve) => {
        waiting.set(id, resolve);
        try {
          send({ type: 'call', id, channel, input });
        } catch (e) {
          waiting.delete(id);
          resolve({ ok: false, error: { code: 'engine-unavailable', messageZh: `后台引擎无法接收请求：${e instanceof Error ? e.message : String(e)}` } });
        }
      });
    },
    receive(message) {
      if (!isFromEngine(message) || message.type !== 'reply') return;
      const resolve = waiting.get(message.id);
      if (!resolve) return;
      waiting.delete(message.id);
      resolve(message.reply);
    },
    failAll(messageZh) {
      for (const [id, resolve] of waiting) {
        waiting.delete(id);
        resolve({ ok: false, error: { code: 'engine-crashed', messageZh } });
      }
    },
    pending: () => waiting.size,
  };
}
