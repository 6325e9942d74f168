// Electronegativity (Doyensec's Electron security scanner) over electron/ and renderer/: no
// finding above informational, except those justified one by one in .electronegativity.json.
import run, { type ElectronegativityIssue } from '@doyensec/electronegativity';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface Config {
  inputs: string[];
  electronVersion: string;
  excludedChecks: Array<{ check: string; why: string }>;
  accepted: Array<{ id: string; file: string; why: string }>;
}

const root = join(import.meta.dirname, '..', '..', '..', '..');
const config = JSON.parse(readFileSync(join(root, '.electronegativity.json'), 'utf8')) as Config;
const scanDir = mkdtempSync(join(tmpdir(), 'weekly-desk-electronegativity-'));
let result: Awaited<ReturnType<typeof run>>;

const describeIssue = (i: ElectronegativityIssue) => `${i.id} ${i.severity.name}/${i.confidence.name} ${i.file}:${i.location.line} ${i.sample ?? ''}`;

beforeAll(async () => {
  // Electronegativity takes one folder: scan a copy holding exactly electron/ and renderer/.
  for (const input of config.inputs) {
    cpSync(join(root, input), join(scanDir, input), { recursive: true, filter: (src) => !src.includes('node_modules') });
  }
  result = await run({
    input: scanDir,
    isRelative: true,
    electronVersionOverride: config.electronVersion,
    excludeFromScan: config.excludedChecks.map((c) => c.check),
  });
}, 120_000);

afterAll(() => rmSync(scanDir, { recursive: true, force: true }));

describe('electronegativity', () => {
  it('ran its checks and could parse every file', () => {
    expect(result.atomicChecks).toBeGreaterThan(30);
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([]);
  });

  it('finds nothing above informational that is not justified in .electronegativity.json', () => {
    const serious = result.issues.filter((i) => i.severity.value > 0);
    const unjustified = serious.filter((i) => !config.accepted.some((a) => a.id === i.id && a.file === i.file));
    expect(unjustified.map(describeIssue)).toEqual([]);
  });

  it('keeps no stale justification: each one still matches a finding', () => {
    const stale = config.accepted.filter((a) => !result.issues.some((i) => i.id === a.id && i.file === a.file));
    expect(stale).toEqual([]);
    for (const a of [...config.accepted, ...config.excludedChecks]) expect(a.why.length).toBeGreaterThan(40);
  });
});
