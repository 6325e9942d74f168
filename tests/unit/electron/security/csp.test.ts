import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_RESPONSE_HEADERS } from '../../../../electron/main/appProtocol';
import { APP_CSP, cspViolations, parseCsp } from '../../../../electron/security/csp';
import { CONTENT_SECURITY_POLICY as WEB_CSP } from '../../../../electron/web/security';

const root = join(import.meta.dirname, '..', '..', '..', '..');

function metaCsp(html: string): string | null {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  return m ? m[1] : null;
}

describe('the CSP the app serves', () => {
  it('APP_CSP allows scripts only from the app, no eval, no plugins, nothing remote', () => {
    expect(cspViolations(APP_CSP)).toEqual([]);
    const d = parseCsp(APP_CSP);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(APP_CSP).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });

  it('is sent with every app:// response', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(APP_CSP);
  });

  it("the renderer page's own <meta> policy is strict too", () => {
    const csp = metaCsp(readFileSync(join(root, 'renderer', 'index.html'), 'utf8'));
    expect(csp).not.toBeNull();
    expect(cspViolations(csp!)).toEqual([]);
  });

  it('web mode serves a policy that passes the same check', () => {
    expect(cspViolations(WEB_CSP)).toEqual([]);
  });
});

describe('cspViolations', () => {
  it.each([
    ["default-src 'none'; script-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'none'", 'unsafe-eval'],
    ["default-src 'none'; script-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'", 'unsafe-inline'],
    ["default-src 'none'; script-src 'self' https://cdn.example.com; object-src 'none'; base-uri 'none'", 'https://cdn.example.com'],
    ["default-src 'none'; script-src *; object-src 'none'; base-uri 'none'", '*'],
    ["default-src 'none'; script-src 'self' data:; object-src 'none'; base-uri 'none'", 'data:'],
    ["default-src 'none'; script-src 'self'; base-uri 'none'; object-src 'self'", 'object-src'],
    ["default-src 'none'; script-src 'self'; object-src 'none'", 'base-uri'],
    ["script-src 'self'; object-src 'none'; base-uri 'none'", 'default-src'],
    ["default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'; img-src https:", 'img-src'],
    ["default-src 'none'; script-src 'self'; object-src 'none'; base-uri 'none'; connect-src wss://x.example", 'connect-src'],
  ])('flags %s', (policy, what) => {
    const problems = cspViolations(policy);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(what);
  });

  it('falls back to default-src for scripts, and keeps the first of repeated directives', () => {
    expect(cspViolations("default-src 'self'; object-src 'none'; base-uri 'none'")).toEqual([]);
    const d = parseCsp("script-src 'self'; script-src https://evil.example");
    expect(d.get('script-src')).toEqual(["'self'"]);
  });
});
