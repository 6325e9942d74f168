import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, mimeTypeOf, resolveAppAsset } from '../../../../electron/security/appOrigin';

const root = '/opt/weekly/out/renderer';

describe('isAppUrl', () => {
  it('accepts only app://weekly-desk', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://weekly-desk/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('app://user:pw@weekly-desk/index.html')).toBe(false);
    expect(isAppUrl('https://weekly-desk/index.html')).toBe(false);
    expect(isAppUrl('file:///opt/weekly/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('resolveAppAsset', () => {
  it('maps app URLs onto files under the renderer folder', () => {
    expect(resolveAppAsset(root, 'app://weekly-desk/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://weekly-desk/index.html?x=1#top')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://weekly-desk/assets/%E5%AD%97%E4%BD%93.woff2')).toBe(join(root, 'assets', '字体.woff2'));
  });

  it('never leaves the renderer folder', () => {
    for (const url of [
      'app://weekly-desk/../../etc/passwd',
      'app://weekly-desk/%2e%2e/%2e%2e/etc/passwd',
      'app://weekly-desk/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://weekly-desk/%00index.html',
      'app://weekly-desk/%E0%A4%A',
      'app://elsewhere/index.html',
      'file:///etc/passwd',
    ]) {
      const file = resolveAppAsset(root, url);
      if (file !== null) expect(file.startsWith(`${root}/`)).toBe(true);
      else expect(file).toBeNull();
    }
    expect(resolveAppAsset(root, 'app://weekly-desk/assets/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppAsset(root, 'app://weekly-desk/%00index.html')).toBeNull();
  });

  it('names content types', () => {
    expect(mimeTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/f.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('a/unknown.bin')).toBe('application/octet-stream');
  });
});
