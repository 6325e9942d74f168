// The engine process's loop, independent of how messages travel (Electron's parentPort in the
// app, a worker_threads MessagePort in tests): wait for `init`, then answer every call.
import type { Dispatch } from '../../engine/service/dispatch';
import { isToEngine, type EngineInit, type FromEngine } from './protocol';

export interface HostPort {
  post(message: FromEngine): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function serveEngine(port: HostPort, start: (init: EngineInit) => Promise<Dispatch>): void {
  let dispatch: Promise<Dispatch> | null = null;
  port.onMessage((message) => {
    if (!isToEngine(message)) return;
    if (message.type === 'init') {
      if (dispatch) return;
      dispatch = start(message);
      dispatch.then(
        () => port.post({ type: 'ready' }),
        (e: unknown) => port.post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) }),
      );
      return;
    }
    const { id, channel, input } = message;
    if (!dispatch) {
      port.post({ type: 'reply', id, reply: { ok: false, error: { code: 'engine-starting', messageZh: '后台引擎尚未启动，请稍候再试。' } } });
      return;
    }
    dispatch
      .then((d) => d(channel, input))
      .then(
        (reply) => port.post({ type: 'reply', id, reply }),
        (e: unknown) =>
          port.post({ type: 'reply', id, reply: { ok: false, error: { code: 'engine-failed', messageZh: `后台引擎出错：${e instanceof Error ? e.message : String(e)}` } } }),
      );
  });
}
