import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../../electron/main/appProtocol';
import { APP_CSP, cspViolations } from '../../../../electron/security/csp';

const dir = mkdtempSync(join(tmpdir(), 'weekly-desk-renderer-'));
const rendererDir = join(dir, 'renderer');
mkdirSync(join(rendererDir, 'assets'), { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>周刊编辑台</title>');
writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(join(dir, 'secret.txt'), 'not for the page');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('serveAppRequest', () => {
  it('serves the renderer with the app CSP on every response', async () => {
    const page = await serveAppRequest(rendererDir, 'GET', 'app://weekly-desk/index.html');
    expect(page.status).toBe(200);
    expect(page.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(page.headers['Content-Security-Policy']).toBe(APP_CSP);
    expect(cspViolations(page.headers['Content-Security-Policy'])).toEqual([]);
    expect(page.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(Buffer.from(page.body as Uint8Array).toString()).toContain('周刊编辑台');
    const script = await serveAppRequest(rendererDir, 'GET', 'app://weekly-desk/assets/index-abc.js');
    expect(script.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    const missing = await serveAppRequest(rendererDir, 'GET', 'app://weekly-desk/assets/none.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['Content-Security-Policy']).toBe(APP_CSP);
  });

  it('serves nothing outside the renderer folder, and only GET/HEAD', async () => {
    for (const url of ['app://weekly-desk/../secret.txt', 'app://weekly-desk/%2e%2e/secret.txt', 'app://weekly-desk/..%2fsecret.txt', 'app://elsewhere/index.html']) {
      const r = await serveAppRequest(rendererDir, 'GET', url);
      expect(r.status, url).toBe(404);
      expect(String(r.body)).not.toContain('not for the page');
    }
    expect((await serveAppRequest(rendererDir, 'POST', 'app://weekly-desk/index.html')).status).toBe(405);
  });
});
