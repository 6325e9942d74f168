import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from '../../../../electron/security/externalLinks';
import { decideLeave, isTrustedIpcSender, permissionGranted } from '../../../../electron/security/navigation';

describe('checkExternalUrl', () => {
  it('lets plain http(s) links to public hosts through, normalised', () => {
    expect(checkExternalUrl('https://www.nhsa.gov.cn/art/2024/11/20/art_14_14735.html')).toEqual({
      ok: true,
      url: 'https://www.nhsa.gov.cn/art/2024/11/20/art_14_14735.html',
    });
    expect(checkExternalUrl('http://www.drugnet.com.cn')).toEqual({ ok: true, url: 'http://www.drugnet.com.cn/' });
    expect(checkExternalUrl('https://mp.weixin.qq.com/s/abc?x=1')).toMatchObject({ ok: true });
  });

  it.each([
    ['file:///etc/passwd', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['smb://server/share', 'scheme'],
    ['ms-msdt:/id PCWDiagnostic', 'scheme'],
    ['app://weekly-desk/index.html', 'scheme'],
    ['https://user:secret@example.com/', 'credentials'],
    ['http://localhost:5173/', 'local'],
    ['http://127.0.0.1:8080/api', 'local'],
    ['http://[::1]/', 'local'],
    ['http://192.168.1.10/router', 'local'],
    ['http://10.0.0.1/', 'local'],
    ['http://172.20.1.1/', 'local'],
    ['http://169.254.169.254/latest/meta-data', 'local'],
    ['not a url', 'not a URL'],
    ['', 'empty'],
    [`https://example.com/${'a'.repeat(5000)}`, 'too long'],
  ])('refuses %s', (url, reason) => {
    const r = checkExternalUrl(url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('keeps public 172.x addresses outside 172.16/12', () => {
    expect(checkExternalUrl('http://172.32.0.1/').ok).toBe(true);
  });
});

describe('decideLeave (will-navigate, will-redirect, window.open)', () => {
  it('always denies, and names the checked URL to open in the system browser', () => {
    expect(decideLeave('https://www.gov.cn/zhengce/')).toEqual({ action: 'deny', openExternally: 'https://www.gov.cn/zhengce/', reason: expect.any(String) });
  });

  it('opens nothing for app URLs or unsafe links', () => {
    for (const url of ['app://weekly-desk/index.html', 'file:///C:/Windows/system32/calc.exe', 'javascript:void(0)', 'http://localhost:3000']) {
      const d = decideLeave(url);
      expect(d.action).toBe('deny');
      expect(d.openExternally).toBeNull();
    }
  });
});

describe('permissions and IPC senders', () => {
  it('grants no permission to anyone', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen']) {
      expect(permissionGranted(p, 'app://weekly-desk/index.html')).toBe(false);
    }
  });

  it('answers IPC only from the app top frame', () => {
    expect(isTrustedIpcSender('app://weekly-desk/index.html', true)).toBe(true);
    expect(isTrustedIpcSender('app://weekly-desk/index.html', false)).toBe(false);
    expect(isTrustedIpcSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedIpcSender('file:///tmp/x.html', true)).toBe(false);
    expect(isTrustedIpcSender(null, true)).toBe(false);
  });
});
