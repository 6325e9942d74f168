// The only webPreferences any Weekly Desk window gets (Electron security checklist items 2–4, 6,
// 8, 9, 12): the page is sandboxed, isolated from the preload, and has no Node.
// Pure data and checks, so tests assert them in plain Node without Electron.
import type { WebPreferences } from 'electron';

export function secureWebPreferences(options: { preload: string; devTools: boolean }): WebPreferences {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click would open links in new windows; they are denied anyway, this stops the attempt.
    disableBlinkFeatures: 'Auxclick',
    devTools: options.devTools,
  };
}

/** Every way a set of webPreferences falls short of the above; empty when it is safe. */
export function webPreferencesViolations(prefs: WebPreferences | undefined): string[] {
  if (!prefs) return ['webPreferences missing (Electron defaults are not trusted here)'];
  const problems: string[] = [];
  const mustBe = <K extends keyof WebPreferences>(key: K, value: WebPreferences[K]): void => {
    if (prefs[key] !== value) problems.push(`${String(key)} must be ${String(value)}, is ${String(prefs[key])}`);
  };
  mustBe('contextIsolation', true);
  mustBe('sandbox', true);
  mustBe('nodeIntegration', false);
  mustBe('nodeIntegrationInWorker', false);
  mustBe('nodeIntegrationInSubFrames', false);
  mustBe('webSecurity', true);
  mustBe('webviewTag', false);
  if (prefs.allowRunningInsecureContent) problems.push('allowRunningInsecureContent must not be set');
  if (prefs.experimentalFeatures) problems.push('experimentalFeatures must not be set');
  if (prefs.enableBlinkFeatures) problems.push('enableBlinkFeatures must not be set');
  if (!(prefs.disableBlinkFeatures ?? '').split(',').includes('Auxclick')) problems.push('disableBlinkFeatures must include Auxclick');
  if (prefs.additionalArguments?.length) problems.push('additionalArguments must not be set');
  return problems;
}
