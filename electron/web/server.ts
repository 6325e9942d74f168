// The local HTTP server of web mode: the built renderer as static files and the API contract
// as `POST /api/<domain:method>` with a JSON body. Listens on 127.0.0.1 only, random port.
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Dispatch } from '../engine/service/dispatch';
import { hostAllowed, originAllowed, SECURITY_HEADERS, TOKEN_HEADER, tokensEqual } from './security';

export const MAX_BODY_BYTES = 100 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

export interface WebServerOptions {
  dispatch: Dispatch;
  /** folder of the built renderer (index.html + assets) */
  staticDir: string;
  token?: string;
  port?: number;
  log?: (message: string) => void;
}

export interface WebServer {
  port: number;
  token: string;
  /** full URL with the token, for the browser */
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolveBody(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    send(res, 400, 'Bad request', 'text/plain; charset=utf-8');
    return;
  }
  const file = normalize(join(root, rel));
  if (file !== root && !file.startsWith(root + sep)) {
    send(res, 403, 'Forbidden', 'text/plain; charset=utf-8');
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    const cache = rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    send(res, 200, body, MIME[extname(file)] ?? 'application/octet-stream', { 'Cache-Control': cache });
  } catch {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const root = resolve(options.staticDir);
  const log = options.log ?? (() => {});
  let port = 0;

  const server = createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req.headers.host, port)) return send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'method', messageZh: '请求方式不对。' } });
        if (!originAllowed(req.headers.origin, port)) return sendJson(res, 403, { ok: false, error: { code: 'origin', messageZh: '拒绝来自其他网站的请求。' } });
        const given = req.headers[TOKEN_HEADER];
        if (!tokensEqual(Array.isArray(given) ? given[0] : given, token)) {
          return sendJson(res, 401, { ok: false, error: { code: 'token', messageZh: '访问令牌无效，请使用启动时打印的完整网址打开。' } });
        }
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendJson(res, 415, { ok: false, error: { code: 'content-type', messageZh: '请求格式不对。' } });
        }
        const body = await readBody(req);
        if (body === null) return sendJson(res, 413, { ok: false, error: { code: 'too-large', messageZh: '文件太大（上限 100 MB）。' } });
        let input: unknown;
        try {
          input = body.length ? JSON.parse(body.toString('utf8')) : {};
        } catch {
          return sendJson(res, 400, { ok: false, error: { code: 'bad-json', messageZh: '请求内容不是有效的 JSON。' } });
        }
        const channel = decodeURIComponent(url.pathname.slice('/api/'.length));
        const started = performance.now();
        const result = await options.dispatch(channel, input);
        log(`${channel} ${result.ok ? 'ok' : result.error.code} ${Math.round(performance.now() - started)} ms, ${body.length} bytes in`);
        const status = result.ok ? 200 : result.error.code === 'unknown-channel' ? 404 : result.error.code === 'invalid-input' ? 400 : 422;
        return sendJson(res, status, result);
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      return serveStatic(res, root, url.pathname);
    })().catch((e: unknown) => {
      log(`request failed: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', messageZh: '服务器内部错误。' } });
      else res.destroy();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
