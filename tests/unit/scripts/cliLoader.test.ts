// The CLI loader's code-cache names: one per command, a build's per set of formats, and the import
// workers read their build's.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the CLI loader is plain ESM without types (it runs before any build step)
import { commandCacheName, mainCacheName, workerCacheName } from '../../../scripts/cli-loader.mjs';

const argv = (...args: string[]) => ['/usr/bin/node', '/app/out/cli/main.mjs', ...args];

describe('commandCacheName', () => {
  it('names a build by its formats, sorted, whichever way --format is written (default: both)', () => {
    expect(commandCacheName(argv('build', 'm.json', '--out', 'o'))).toBe('build-docx+pdf');
    expect(commandCacheName(argv('build', 'm.json', '--format', 'pdf', '--out', 'o'))).toBe('build-pdf');
    expect(commandCacheName(argv('build', 'm.json', '--format=docx'))).toBe('build-docx');
    expect(commandCacheName(argv('build', 'm.json', '--format', 'pdf,docx'))).toBe('build-docx+pdf');
    expect(commandCacheName(argv('build', 'm.json', '--format', 'docx, pdf,pdf'))).toBe('build-docx+pdf');
  });

  it('gives a wrong --format no cache of its own, and other commands theirs', () => {
    expect(commandCacheName(argv('build', 'm.json', '--format', 'epub'))).toBe('build-other');
    expect(commandCacheName(argv('build', 'm.json', '--format', ''))).toBe('build-other');
    expect(commandCacheName(argv('import', 'a.html'))).toBe('import');
    expect(commandCacheName(argv('archive', 'list'))).toBe('archive');
    expect(commandCacheName(argv('--help'))).toBe('other');
  });
});

describe('mainCacheName / workerCacheName', () => {
  it('hands the build’s cache name to its import workers through the environment they inherit', () => {
    const env: Record<string, string | undefined> = {};
    expect(mainCacheName(argv('build', 'm.json', '--format', 'pdf'), env)).toBe('build-pdf');
    expect(workerCacheName(env)).toBe('build-pdf');
  });

  it('falls back to the both-formats cache when the name is missing or not a build’s', () => {
    expect(workerCacheName({})).toBe('build-docx+pdf');
    expect(workerCacheName({ WEEKLY_CLI_CACHE_NAME: '../../etc/passwd' })).toBe('build-docx+pdf');
    expect(workerCacheName({ WEEKLY_CLI_CACHE_NAME: 'import' })).toBe('build-docx+pdf');
  });
});
