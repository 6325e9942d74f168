// Serves the built renderer on app://weekly-desk/ with the app's CSP on every response, so the
// policy holds even for a page that forgets its <meta> tag. Nothing outside rendererDir is served.
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, mimeTypeOf, resolveAppAsset } from '../security/appOrigin';
import { APP_CSP } from '../security/csp';

export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

export async function serveAppRequest(
  rendererDir: string,
  method: string,
  url: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): Promise<AppResponse> {
  const text = (status: number, body: string): AppResponse => ({ status, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, body });
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Method not allowed');
  const file = resolveAppAsset(rendererDir, url);
  if (!file) return text(404, 'Not found');
  try {
    const body = await read(file);
    return { status: 200, headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': mimeTypeOf(file), 'Cache-Control': 'no-cache' }, body };
  } catch {
    return text(404, 'Not found');
  }
}

/** Must run before `app.ready`: app:// is a standard, secure origin (so 'self' and fetch work). */
export function registerAppScheme(protocol: Protocol): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function handleAppScheme(protocol: Protocol, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const r = await serveAppRequest(rendererDir, request.method, request.url);
    return new Response(request.method === 'HEAD' ? null : (r.body as BodyInit), { status: r.status, headers: r.headers });
  });
}
