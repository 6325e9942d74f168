// The Content-Security-Policy of the app's own window, and a checker that reads any CSP the
// way an auditor would: scripts only from the app itself, no eval, no plugins, no remote code.
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'none'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export type CspDirectives = Map<string, string[]>;

export function parseCsp(policy: string): CspDirectives {
  const directives: CspDirectives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/).filter(Boolean);
    // The first occurrence of a directive wins; browsers ignore repeats.
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Sources a script may not come from in the app: anything remote, inline or evaluated. */
function unsafeScriptSource(source: string): boolean {
  const s = source.toLowerCase();
  if (s === "'self'" || s === "'none'") return false;
  if (s.startsWith("'nonce-") || s.startsWith("'sha")) return false;
  return true;
}

/** Why a policy is weaker than the app allows; empty when it is strict enough. */
export function cspViolations(policy: string): string[] {
  const d = parseCsp(policy);
  const problems: string[] = [];
  if (!d.has('default-src')) problems.push('default-src is missing');
  const scripts = d.get('script-src') ?? d.get('default-src');
  if (!scripts) problems.push('no script-src or default-src');
  else for (const source of scripts) if (unsafeScriptSource(source)) problems.push(`script-src allows ${source}`);
  for (const [name, values] of d) {
    if (values.some((v) => v.toLowerCase() === "'unsafe-eval'" || v.toLowerCase() === "'wasm-unsafe-eval'")) problems.push(`${name} allows eval`);
  }
  const objects = d.get('object-src') ?? d.get('default-src');
  if (!objects || objects.join(' ') !== "'none'") problems.push("object-src must be 'none'");
  const base = d.get('base-uri');
  if (!base || base.join(' ') !== "'none'") problems.push("base-uri must be 'none'");
  for (const [name, values] of d) {
    if (values.some((v) => v === '*' || /^(https?:|wss?:|\*\.|[a-z0-9.-]+\.[a-z]{2,})/i.test(v))) problems.push(`${name} allows remote ${values.join(' ')}`);
  }
  return problems;
}
