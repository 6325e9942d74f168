import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { hardenSession, hardenWebContents, requestAllowed } from '../../../../electron/main/guards';

type Handler = (...args: unknown[]) => unknown;

function fakeContents() {
  const on = new Map<string, Handler>();
  let openHandler: Handler | null = null;
  const contents = {
    setWindowOpenHandler: (h: Handler) => (openHandler = h),
    on: (event: string, h: Handler) => on.set(event, h),
  } as unknown as WebContents;
  return { contents, on, open: (url: string) => openHandler!({ url }) };
}

function preventable() {
  return { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

describe('hardenWebContents', () => {
  it('denies every new window and opens checked http(s) links in the system browser', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal, () => {});
    expect(open('https://www.nhsa.gov.cn/')).toEqual({ action: 'deny' });
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(open('http://127.0.0.1:9222/json')).toEqual({ action: 'deny' });
    expect(open('app://weekly-desk/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://www.nhsa.gov.cn/']]);
  });

  it('blocks navigation, redirects and webviews', () => {
    const { contents, on } = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(contents, openExternal, () => {});
    for (const [event, url] of [
      ['will-navigate', 'https://evil.example/phish'],
      ['will-navigate', 'app://weekly-desk/other.html'],
      ['will-redirect', 'https://evil.example/'],
      ['will-attach-webview', undefined],
    ] as const) {
      const e = preventable();
      on.get(event)!(e, url);
      expect(e.defaultPrevented, event).toBe(true);
    }
    expect(openExternal.mock.calls).toEqual([['https://evil.example/phish']]);
  });
});

describe('hardenSession', () => {
  function fakeSession() {
    const handlers: Record<string, Handler> = {};
    const session = {
      setPermissionRequestHandler: (h: Handler) => (handlers.request = h),
      setPermissionCheckHandler: (h: Handler) => (handlers.check = h),
      setDevicePermissionHandler: (h: Handler) => (handlers.device = h),
      webRequest: { onBeforeRequest: (h: Handler) => (handlers.beforeRequest = h) },
    } as unknown as Session;
    return { session, handlers };
  }

  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, () => {});
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      handlers.request(null, permission, callback, { requestingUrl: 'app://weekly-desk/index.html' });
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check(null, permission, 'app://weekly-desk')).toBe(false);
    }
    expect(handlers.device({})).toBe(false);
  });

  it('cancels every request that would load remote content into the window', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session, () => {});
    const decide = (url: string) => {
      const callback = vi.fn();
      handlers.beforeRequest({ url }, callback);
      return callback.mock.calls[0][0];
    };
    expect(decide('app://weekly-desk/assets/index.js')).toEqual({ cancel: false });
    expect(decide('data:image/png;base64,AAAA')).toEqual({ cancel: false });
    expect(decide('https://cdn.example.com/x.js')).toEqual({ cancel: true });
    expect(decide('http://127.0.0.1:3000/')).toEqual({ cancel: true });
    expect(decide('file:///etc/passwd')).toEqual({ cancel: true });
    expect(decide('ws://example.com/socket')).toEqual({ cancel: true });
  });

  it('requestAllowed knows only the app, data:, blob: and devtools:', () => {
    expect(requestAllowed('blob:app://weekly-desk/1234')).toBe(true);
    expect(requestAllowed('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(requestAllowed('chrome-extension://abc/x.js')).toBe(false);
    expect(requestAllowed('garbage')).toBe(false);
  });
});
