// The one renderer build config: used standalone for web mode (`npm run build:web` → out/web)
// and imported by electron.vite.config.ts for the Electron window (→ out/renderer).
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// (No node:url here: lint keeps Node built-ins out of renderer/, config files included.)
function pathOf(relative: string): string {
  return decodeURIComponent(new URL(relative, import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');
}

const rendererRoot = pathOf('.');

export const rendererConfig: UserConfig = {
  root: rendererRoot,
  base: './',
  plugins: [react()],
  // The page-number worker is an ES module worker (it shares chunks with the window: the layout engine).
  worker: { format: 'es' },
  build: {
    outDir: pathOf('../out/web'),
    emptyOutDir: true,
    target: 'chrome120',
    // No inline scripts or data: modules: the CSP allows scripts from 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
  },
};

export default defineConfig(rendererConfig);
