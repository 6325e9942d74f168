// Electron build: main, preload and the renderer. The renderer config is shared with web mode
// (renderer/vite.config.ts) so both builds load the same plugins and CSP-friendly options.
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { rendererConfig } from './renderer/vite.config';

export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve('electron/main/index.ts') } } },
  },
  preload: {
    // Sandboxed preloads must be CommonJS (Electron cannot load an ES module preload with sandbox: true).
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    ...rendererConfig,
    build: {
      ...rendererConfig.build,
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
