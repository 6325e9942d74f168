// Links the editor follows leave the app: they open in the system browser, and only after
// this check (Electron security checklist item 15: never hand shell.openExternal raw input).
export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const MAX_URL_LENGTH = 4000;

function isLocalHost(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost') || h === '0.0.0.0' || h === '::' || h === '::1') return true;
  if (/^127\./.test(h)) return true;
  if (/^(10\.|192\.168\.|169\.254\.)/.test(h)) return true;
  const m = /^172\.(\d+)\./.exec(h);
  return m !== null && Number(m[1]) >= 16 && Number(m[1]) <= 31;
}

/** Whether a URL may be opened in the system browser: plain http(s) to a public host. */
export function checkExternalUrl(raw: string): ExternalUrlCheck {
  if (typeof raw !== 'string' || raw.length === 0) return { ok: false, reason: 'empty' };
  if (raw.length > MAX_URL_LENGTH) return { ok: false, reason: 'too long' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `scheme ${url.protocol} not allowed` };
  if (url.username || url.password) return { ok: false, reason: 'credentials in URL' };
  if (!url.hostname) return { ok: false, reason: 'no host' };
  if (isLocalHost(url.hostname)) return { ok: false, reason: 'local address' };
  return { ok: true, url: url.href };
}
