// Where the app finds its parts, in development (`npm start` from the repository) and when
// packaged by electron-builder (app.asar plus extraResources next to it).
import { join } from 'node:path';

export interface AppLocations {
  /** app.getAppPath(): the repository in development, resources/app.asar when packaged */
  appPath: string;
  /** process.resourcesPath */
  resourcesPath: string;
  packaged: boolean;
  userData: string;
}

export interface AppPaths {
  rendererDir: string;
  /** candidates in order; the first that exists is the preload (electron-vite names it by format) */
  preloadCandidates: string[];
  sampleManifest: string;
  fontsDir: string;
  archiveDir: string;
  windowStateFile: string;
}

export function appPaths(at: AppLocations): AppPaths {
  const out = join(at.appPath, 'out');
  const resources = at.packaged ? at.resourcesPath : join(at.appPath, 'resources');
  return {
    rendererDir: join(out, 'renderer'),
    preloadCandidates: ['index.cjs', 'index.js', 'index.mjs'].map((f) => join(out, 'preload', f)),
    sampleManifest: join(resources, 'sample', 'manifest.json'),
    fontsDir: at.packaged ? join(at.resourcesPath, 'fonts') : join(at.appPath, 'node_modules', '@expo-google-fonts'),
    archiveDir: join(at.userData, 'archive'),
    windowStateFile: join(at.userData, 'window-state.json'),
  };
}

export function firstExisting(candidates: string[], exists: (path: string) => boolean): string | null {
  return candidates.find((p) => exists(p)) ?? null;
}
