import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../electron/engine/service/dispatch';
import { createMemoryStore } from '../../../../electron/engine/service/memoryStore';
import { createService } from '../../../../electron/engine/service/service';
import { parseWebArgs } from '../../../../electron/web/args';
import { cspViolations } from '../../../../electron/security/csp';
import { CONTENT_SECURITY_POLICY, hostAllowed } from '../../../../electron/web/security';
import { startWebServer, type WebServer } from '../../../../electron/web/server';
import { fakeEngines } from '../engine/service/fakes';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(server: WebServer, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

function api(server: WebServer, channel: string, input: unknown, headers: Record<string, string> = {}) {
  return call(server, `/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-weekly-desk-token': server.token, ...headers },
    body: JSON.stringify(input),
  });
}

let server: WebServer;

beforeAll(async () => {
  const home = mkdtempSync(join(tmpdir(), 'weekly-web-'));
  const dir = join(home, 'static');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>周刊编辑台</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(home, 'secret.txt'), 'secret');
  const handlers = createService({ store: createMemoryStore(), engines: fakeEngines() });
  server = await startWebServer({ dispatch: createDispatch(handlers), staticDir: dir });
});

afterAll(() => server.close());

describe('web server', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP and no-sniff', async () => {
    const r = await call(server, '/', { headers: { host: `127.0.0.1:${server.port}` } });
    expect(r.status).toBe(200);
    expect(r.body).toContain('周刊编辑台');
    expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
    expect(cspViolations(r.headers['content-security-policy'] as string)).toEqual([]);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect((await call(server, '/assets/app.js')).headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const r = await call(server, path);
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toContain('secret');
    }
  });

  it('answers API calls that carry the token', async () => {
    const r = await api(server, 'issues:create', { isoWeek: '2024-W47' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, result: { meta: { issueNumber: '2024年第47期' } } });
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('refuses API calls without the right token', async () => {
    const none = await call(server, '/api/issues:list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.messageZh).toContain('访问令牌无效');
    const wrong = await api(server, 'issues:list', {}, { 'x-weekly-desk-token': 'x'.repeat(server.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses other hosts (DNS rebinding), other origins, GET and non-JSON bodies', async () => {
    expect((await api(server, 'issues:list', {}, { host: `evil.example:${server.port}` })).status).toBe(421);
    expect((await api(server, 'issues:list', {}, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await call(server, '/api/issues:list', { headers: { 'x-weekly-desk-token': server.token } })).status).toBe(405);
    expect((await api(server, 'issues:list', {}, { 'content-type': 'text/plain' })).status).toBe(415);
    expect(hostAllowed('127.0.0.1:80', 81)).toBe(false);
  });

  it('maps contract errors to HTTP statuses', async () => {
    expect((await api(server, 'issues:nope', {})).status).toBe(404);
    expect((await api(server, 'issues:get', { id: '' })).status).toBe(400);
    const missing = await api(server, 'issues:get', { id: 'missing' });
    expect(missing.status).toBe(422);
    expect(JSON.parse(missing.body)).toEqual({ ok: false, error: { code: 'issue-not-found', messageZh: '找不到这一期，它可能已被删除。' } });
    const bad = await call(server, '/api/issues:list', { method: 'POST', headers: { 'content-type': 'application/json', 'x-weekly-desk-token': server.token }, body: '{' });
    expect(bad.status).toBe(400);
  });
});

describe('web arguments', () => {
  it('reads --sample, --port, --data and --memory', () => {
    expect(parseWebArgs([])).toMatchObject({ sample: false, port: 0, dataDir: undefined });
    expect(parseWebArgs(['--sample', '--port', '8123', '--data', '/tmp/w'])).toMatchObject({ sample: true, port: 8123, dataDir: '/tmp/w' });
    expect(parseWebArgs(['--memory']).dataDir).toBeNull();
    expect(() => parseWebArgs(['--port', 'x'])).toThrow(/not a port/);
    expect(() => parseWebArgs(['--what'])).toThrow(/Unknown option/);
  });
});
