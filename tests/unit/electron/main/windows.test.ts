import { describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions } from 'electron';
import { openSecureWindow, WINDOW_KINDS, windowOptions, type BrowserWindowConstructor } from '../../../../electron/main/windows';
import { webPreferencesViolations } from '../../../../electron/security/webPreferences';

const input = { preload: '/app/out/preload/index.cjs', devTools: false, bounds: { x: 10, y: 20, width: 1440, height: 900 }, platform: 'linux' as const };

function recordingWindow() {
  const made: BrowserWindowConstructorOptions[] = [];
  const Ctor = class {
    constructor(options: BrowserWindowConstructorOptions) {
      made.push(options);
    }
  } as unknown as BrowserWindowConstructor;
  return { Ctor, made };
}

describe('every window the app opens', () => {
  it.each(WINDOW_KINDS)('%s: isolated, sandboxed, no Node, web security on, no insecure content, no webview', (kind) => {
    const { Ctor, made } = recordingWindow();
    openSecureWindow(Ctor, kind, input);
    expect(made).toHaveLength(1);
    const prefs = made[0].webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).not.toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.preload).toBe(input.preload);
    expect(webPreferencesViolations(prefs)).toEqual([]);
    // What is constructed is what windowOptions describes, nothing added.
    expect(made[0]).toEqual(windowOptions(kind, input));
  });

  it('the main window opens hidden (shown when ready), at the restored bounds, titled 周刊编辑台', () => {
    const o = windowOptions('main', input);
    expect(o).toMatchObject({ x: 10, y: 20, width: 1440, height: 900, show: false, title: '周刊编辑台' });
  });

  it('keeps developer tools off unless asked', () => {
    expect(windowOptions('main', input).webPreferences!.devTools).toBe(false);
    expect(windowOptions('main', { ...input, devTools: true }).webPreferences!.devTools).toBe(true);
  });
});
