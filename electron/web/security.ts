// Headers and checks for the local web mode: the API answers only to our own page on
// 127.0.0.1 with this run's token, and the page may load nothing from elsewhere.
import { timingSafeEqual } from 'node:crypto';
import { APP_CSP } from '../security/csp';

/** The desktop window's own policy (../security/csp.ts): the browser-driven tests then hold the renderer to it. */
export const CONTENT_SECURITY_POLICY = APP_CSP;

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
};

export const TOKEN_HEADER = 'x-weekly-desk-token';

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Guards against DNS rebinding: the Host header must name the loopback address we listen on. */
export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Cross-site requests carry a foreign Origin; same-origin fetches carry ours or none. */
export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}
