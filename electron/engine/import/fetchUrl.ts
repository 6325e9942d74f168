// Fetch a clipping by URL: http(s) only, a time limit over the whole transfer, a size cap checked while
// reading, at most a few redirects (followed by hand so each hop is checked), and a content-type check.
import { ImportError, formatBytes } from './errors';
import { headerCharset } from './decode';
import { LIMITS } from './limits';
import type { FetchLimits } from './types';

export interface FetchedClipping {
  bytes: Uint8Array;
  finalUrl: string;
  /** a file name with the extension the content type implies, for the importer dispatch */
  fileName: string;
  charset: string | null;
  contentType: string;
}

const TYPES: Array<[RegExp, string]> = [
  [/^text\/html|^application\/xhtml\+xml/, '.html'],
  [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/, '.docx'],
  [/^text\/markdown|^text\/x-markdown/, '.md'],
  [/^text\/plain/, '.txt'],
];

export const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) WeeklyDesk/0.1 Safari/537.36';

/** WeChat's image CDN refuses requests without its own Referer; used when images are downloaded. */
export function refererFor(imageUrl: string): string | undefined {
  return /(^|\.)(mmbiz\.qpic\.cn|mmbiz\.qlogo\.cn)$/i.test(safeHost(imageUrl)) ? 'https://mp.weixin.qq.com/' : undefined;
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

function parseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ImportError('import-url-invalid', url, '网址格式不正确', 'not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ImportError('import-url-invalid', url, `只支持 http/https 网址（收到 ${parsed.protocol}）`, `only http(s) URLs are supported (got ${parsed.protocol})`);
  }
  return parsed;
}

function fileNameFor(url: URL, ext: string): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '').replace(/[\\/:*?"<>|]/g, '_');
  const base = last === '' ? url.hostname : last.replace(/\.[a-z0-9]{1,8}$/i, '');
  return `${base}${ext}`;
}

async function readCapped(res: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? 'NaN');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw new ImportError('import-too-large', url, `网页太大（${formatBytes(declared)}，上限 ${formatBytes(maxBytes)}）`, `the response is too large (${formatBytes(declared)})`);
  }
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new ImportError('import-too-large', url, `网页太大（超过 ${formatBytes(maxBytes)}）`, `the response exceeds ${formatBytes(maxBytes)}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export async function fetchClipping(url: string, limits: FetchLimits = {}): Promise<FetchedClipping> {
  const timeoutMs = limits.timeoutMs ?? LIMITS.fetchTimeoutMs;
  const maxBytes = limits.maxBytes ?? LIMITS.fetchMaxBytes;
  const maxRedirects = limits.maxRedirects ?? LIMITS.fetchMaxRedirects;
  let current = parseUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      let res: Response;
      try {
        res = await fetch(current, {
          redirect: 'manual',
          signal: controller.signal,
          headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5', 'accept-language': 'zh-CN,zh;q=0.9' },
        });
      } catch (e) {
        if (controller.signal.aborted) throw timeoutError(url, timeoutMs);
        throw new ImportError('import-fetch-failed', url, '无法连接到网站', `cannot connect (${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)})`, { cause: e });
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        if (hop >= maxRedirects) {
          throw new ImportError('import-fetch-redirects', url, `网址跳转次数过多（超过 ${maxRedirects} 次）`, `too many redirects (more than ${maxRedirects})`);
        }
        current = parseUrl(new URL(res.headers.get('location') ?? '', current).href);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new ImportError('import-fetch-failed', url, `网站返回错误 ${res.status}`, `the server answered ${res.status}`);
      }
      const contentType = (res.headers.get('content-type') ?? '').toLowerCase().trim();
      const ext = TYPES.find(([re]) => re.test(contentType))?.[1];
      if (!ext) {
        await res.body?.cancel();
        throw new ImportError('import-fetch-type', url, `网址内容不是网页或文档（类型为 ${contentType || '未知'}）`, `unsupported content type ${contentType || '(none)'}`);
      }
      const bytes = await readCapped(res, url, maxBytes).catch((e: unknown) => {
        if (controller.signal.aborted) throw timeoutError(url, timeoutMs);
        throw e;
      });
      return { bytes, finalUrl: current.href, fileName: fileNameFor(current, ext), charset: headerCharset(contentType), contentType };
    }
  } finally {
    clearTimeout(timer);
  }
}

function timeoutError(url: string, ms: number): ImportError {
  return new ImportError('import-fetch-timeout', url, `网站在 ${Math.round(ms / 1000)} 秒内没有响应完毕`, `timed out after ${ms} ms`);
}
