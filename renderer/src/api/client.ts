// The renderer's only door to the engine: the typed contract from shared/api, spoken over
// HTTP in web mode or through the Electron preload's `window.weeklyDesk` proxy.
import { apiErrorSchema, createClient, type Channel, type WeeklyDeskApi } from '../../../shared/api/contract';
import { UserFacingError } from '../../../shared/errors';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge: the same contract, over IPC. */
    weeklyDesk?: WeeklyDeskApi;
  }
}

const TOKEN_KEY = 'weekly-desk-token';
export const TOKEN_HEADER = 'x-weekly-desk-token';

/** Take the per-run token from the URL once, keep it for this tab, and remove it from the address bar. */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    storage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
    return fromUrl;
  }
  return storage.getItem(TOKEN_KEY);
}

export function createHttpApi(token: string, fetchImpl: typeof fetch = fetch.bind(globalThis)): WeeklyDeskApi {
  return createClient(async (channel: Channel, input: unknown) => {
    let response: Response;
    try {
      response = await fetchImpl(`./api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input),
      });
    } catch (e) {
      throw new UserFacingError('offline', '无法连接到周刊编辑台的本地服务，请确认它仍在运行。', String(e));
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new UserFacingError('bad-response', `本地服务返回了无法识别的内容（HTTP ${response.status}）。`, `HTTP ${response.status}`);
    }
    const envelope = body as { ok?: boolean; result?: unknown; error?: unknown };
    if (envelope.ok === true) return envelope.result;
    const error = apiErrorSchema.safeParse(envelope.error);
    if (error.success) throw new UserFacingError(error.data.code, error.data.messageZh, `${channel}: ${error.data.code}`);
    throw new UserFacingError('bad-response', `操作失败（HTTP ${response.status}）。`, `${channel}: HTTP ${response.status}`);
  });
}

let api: WeeklyDeskApi | null = null;

export function getApi(): WeeklyDeskApi {
  if (api) return api;
  if (window.weeklyDesk) {
    api = window.weeklyDesk;
    return api;
  }
  const token = takeToken(window.location, window.history, window.sessionStorage);
  if (!token) throw new UserFacingError('no-token', '缺少访问令牌：请使用启动时打印的完整网址打开。', 'No token in URL or session');
  api = createHttpApi(token);
  return api;
}

/** A Chinese message for anything thrown by an API call. */
export function errorMessage(e: unknown): string {
  if (e instanceof UserFacingError) return e.messageZh;
  if (e instanceof Error) return `出错了：${e.message}`;
  return '出错了。';
}
