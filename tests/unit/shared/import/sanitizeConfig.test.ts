import { describe, expect, it } from 'vitest';
import { ALLOWED_TAGS, ALLOWED_URI_REGEXP, SANITIZE_CONFIG } from '../../../../shared/import/sanitizeConfig';

describe('sanitize config', () => {
  it('allows the addresses an article may link or show', () => {
    for (const url of ['https://www.nhsa.gov.cn/a.html', 'http://x.cn', 'mailto:ed@example.com', '#note1', '/art/2024/1.html', './img/1.png', '../a.png', 'media:3f2a', 'data:image/png;base64,iVBORw0KGgo=']) {
      expect(ALLOWED_URI_REGEXP.test(url), url).toBe(true);
    }
  });

  it('refuses script, vbscript, file and other data URLs', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'vbscript:msgbox', 'data:text/html;base64,PHNjcmlwdD4=', 'data:image/svg+xml,<svg onload=alert(1)>', 'file:///etc/passwd']) {
      expect(ALLOWED_URI_REGEXP.test(url), url).toBe(false);
    }
  });

  it('never allows executable or embedding elements', () => {
    for (const tag of ['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'style', 'link', 'meta', 'base']) {
      expect(ALLOWED_TAGS).not.toContain(tag);
      expect(SANITIZE_CONFIG.FORBID_TAGS).toContain(tag);
    }
  });
});
