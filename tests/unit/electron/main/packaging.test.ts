// electron-builder.yml checked by electron-builder's own schema validator, plus what the
// brief asks of the packages: targets, names, icons, extra resources, native module unpacked.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../../../electron/main/identity';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const semver = require('semver') as { satisfies(version: string, range: string): boolean };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface Resource {
  from: string;
  to: string;
  filter?: string[];
}
interface BuilderConfig {
  appId: string;
  productName: string;
  electronVersion: string;
  asarUnpack: string[];
  files: string[];
  extraResources: Resource[];
  fileAssociations: Array<{ ext: string }>;
  win: { target: Array<{ target: string }>; icon: string };
  mac: { target: Array<{ target: string }>; icon: string };
  linux: { target: string[]; icon: string };
}

const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds nsis for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('names the app and pins the Electron version the optional dependency allows', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(semver.satisfies(config.electronVersion, pkg.optionalDependencies.electron)).toBe(true);
  });

  it('has its icons', () => {
    expect(existsSync(join(root, config.win.icon))).toBe(true);
    expect(existsSync(join(root, config.mac.icon))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(join(root, config.linux.icon, `${size}x${size}.png`))).toBe(true);
    const png = readFileSync(join(root, config.mac.icon));
    // PNG header: width and height at bytes 16..23; macOS wants 1024 px to derive the .icns.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it('ships the sample issue and the two font weights the layout uses as extra resources', () => {
    const sample = config.extraResources.find((r) => r.to === 'sample')!;
    expect(existsSync(join(root, sample.from, 'manifest.json'))).toBe(true);
    const fonts = config.extraResources.filter((r) => r.to.startsWith('fonts/'));
    expect(fonts.map((f) => f.to).sort()).toEqual(['fonts/noto-sans-sc', 'fonts/noto-serif-sc']);
    for (const f of fonts) for (const file of f.filter!) expect(existsSync(join(root, f.from, file)), `${f.from}/${file}`).toBe(true);
    expect(config.files).toContain('!node_modules/@expo-google-fonts/**');
  });

  it('unpacks better-sqlite3 from the asar and opens .weekly files', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.fileAssociations.map((a) => a.ext)).toEqual(['weekly']);
  });
});
