// Every kind of window the app opens, with its options as data: tests assert each one's
// webPreferences, and `openSecureWindow` refuses options that fall short.
import type { BrowserWindow as ElectronBrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences, webPreferencesViolations } from '../security/webPreferences';
import { MIN_SIZE, type Rect } from './windowState';

export const WINDOW_KINDS = ['main'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export interface WindowOptionsInput {
  preload: string;
  devTools: boolean;
  bounds: Rect;
  platform: NodeJS.Platform;
  icon?: string;
}

export function windowOptions(kind: WindowKind, input: WindowOptionsInput): BrowserWindowConstructorOptions {
  switch (kind) {
    case 'main':
      return {
        ...input.bounds,
        minWidth: MIN_SIZE.width,
        minHeight: MIN_SIZE.height,
        title: '周刊编辑台',
        show: false,
        backgroundColor: '#f6f4ef',
        ...(input.icon && input.platform === 'linux' ? { icon: input.icon } : {}),
        webPreferences: secureWebPreferences({ preload: input.preload, devTools: input.devTools }),
      };
  }
}

export type BrowserWindowConstructor = new (options: BrowserWindowConstructorOptions) => ElectronBrowserWindow;

/** The one place a window is constructed (Electron's class is passed in, so tests pass a fake). */
export function openSecureWindow(BrowserWindow: BrowserWindowConstructor, kind: WindowKind, input: WindowOptionsInput): ElectronBrowserWindow {
  const options = windowOptions(kind, input);
  const problems = webPreferencesViolations(options.webPreferences);
  if (problems.length) throw new Error(`Refusing to open an insecure ${kind} window: ${problems.join('; ')}`);
  // The flags static checkers (electronegativity) look for are restated literally here; they
  // equal secureWebPreferences(), which the check above has just confirmed.
  return new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
