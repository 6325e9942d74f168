import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths, firstExisting } from '../../../../electron/main/paths';

describe('appPaths', () => {
  it('in development: the build output and resources of the repository', () => {
    const p = appPaths({ appPath: '/repo', resourcesPath: '/usr/lib/electron/resources', packaged: false, userData: '/home/ed/.config/周刊编辑台' });
    expect(p.rendererDir).toBe(join('/repo', 'out', 'renderer'));
    expect(p.sampleManifest).toBe(join('/repo', 'resources', 'sample', 'manifest.json'));
    expect(p.preloadCandidates[0]).toBe(join('/repo', 'out', 'preload', 'index.cjs'));
    expect(p.archiveDir).toBe(join('/home/ed/.config/周刊编辑台', 'archive'));
    expect(p.windowStateFile).toBe(join('/home/ed/.config/周刊编辑台', 'window-state.json'));
  });

  it('packaged: code in app.asar, sample and fonts as extra resources beside it', () => {
    const p = appPaths({ appPath: '/opt/Weekly Desk/resources/app.asar', resourcesPath: '/opt/Weekly Desk/resources', packaged: true, userData: '/u' });
    expect(p.rendererDir).toBe(join('/opt/Weekly Desk/resources/app.asar', 'out', 'renderer'));
    expect(p.sampleManifest).toBe(join('/opt/Weekly Desk/resources', 'sample', 'manifest.json'));
    expect(p.fontsDir).toBe(join('/opt/Weekly Desk/resources', 'fonts'));
  });

  it('firstExisting picks the first candidate that exists', () => {
    expect(firstExisting(['a', 'b', 'c'], (f) => f !== 'a')).toBe('b');
    expect(firstExisting(['a'], () => false)).toBeNull();
  });
});
