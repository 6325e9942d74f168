import { describe, expect, it } from 'vitest';
import { secureWebPreferences, webPreferencesViolations } from '../../../../electron/security/webPreferences';

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences({ preload: '/app/out/preload/index.cjs', devTools: false });

  it('isolates and sandboxes the page, with no Node and web security on', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.experimentalFeatures).not.toBe(true);
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(webPreferencesViolations(prefs)).toEqual([]);
  });
});

describe('webPreferencesViolations', () => {
  const good = secureWebPreferences({ preload: 'p', devTools: true });
  const weakened: Array<[string, Record<string, unknown>]> = [
    ['contextIsolation', { contextIsolation: false }],
    ['sandbox', { sandbox: false }],
    ['nodeIntegration', { nodeIntegration: true }],
    ['nodeIntegrationInWorker', { nodeIntegrationInWorker: true }],
    ['nodeIntegrationInSubFrames', { nodeIntegrationInSubFrames: true }],
    ['webSecurity', { webSecurity: false }],
    ['webviewTag', { webviewTag: true }],
    ['allowRunningInsecureContent', { allowRunningInsecureContent: true }],
    ['experimentalFeatures', { experimentalFeatures: true }],
    ['enableBlinkFeatures', { enableBlinkFeatures: 'CSSVariables' }],
    ['Auxclick', { disableBlinkFeatures: '' }],
    ['additionalArguments', { additionalArguments: ['--inspect'] }],
  ];
  it.each(weakened)('catches %s', (name, change) => {
    const problems = webPreferencesViolations({ ...good, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });

  it('does not trust Electron defaults: a missing flag is a violation', () => {
    const { sandbox: _s, contextIsolation: _c, ...rest } = good;
    expect(webPreferencesViolations(rest)).toHaveLength(2);
    expect(webPreferencesViolations(undefined)).toHaveLength(1);
  });
});
