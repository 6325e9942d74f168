import { describe, expect, it, vi } from 'vitest';
import { IMPORT_WEEKLY_CHANNEL, openWeeklyFile, type OpenWeeklyDeps } from '../../../../electron/main/openWeekly';
import { isWeeklyPath, MAX_WEEKLY_BYTES, wantsSample, weeklyPathsFromArgv } from '../../../../electron/main/weeklyFile';
import { isChannel } from '../../../../shared/api/contract';

describe('weekly paths on a command line', () => {
  it('finds .weekly files after the executable, once each', () => {
    expect(weeklyPathsFromArgv(['C:\\Program Files\\Weekly Desk\\周刊编辑台.exe', 'D:\\期刊\\2024年第47期.weekly'])).toEqual(['D:\\期刊\\2024年第47期.weekly']);
    expect(weeklyPathsFromArgv(['/usr/bin/electron', '.', '--sample', '/home/ed/a.WEEKLY', '/home/ed/a.WEEKLY', '/home/ed/b.pdf'])).toEqual(['/home/ed/a.WEEKLY']);
    expect(weeklyPathsFromArgv(['/x/a.weekly'])).toEqual([]);
  });

  it('is not fooled by flags or bare extensions', () => {
    expect(isWeeklyPath('--open=.weekly')).toBe(false);
    expect(isWeeklyPath('.weekly')).toBe(false);
    expect(isWeeklyPath('issue.weekly.txt')).toBe(false);
    expect(wantsSample(['electron', '.', '--sample'])).toBe(true);
    expect(wantsSample(['electron', '.'])).toBe(false);
  });
});

describe('openWeeklyFile', () => {
  function deps(over: Partial<OpenWeeklyDeps> = {}): OpenWeeklyDeps & { errors: string[] } {
    const errors: string[] = [];
    return {
      errors,
      size: async () => 1024,
      read: async () => new Uint8Array([80, 75, 3, 4]),
      call: vi.fn(async () => ({ ok: true as const, result: { id: '2024-W47' } })),
      command: vi.fn(),
      error: (m) => errors.push(m),
      opened: vi.fn(),
      importAvailable: true,
      ...over,
    };
  }

  it('asks the contract whether the import channel exists', async () => {
    const d = deps({ importAvailable: undefined });
    await openWeeklyFile('/x/a.weekly', d);
    expect((d.call as ReturnType<typeof vi.fn>).mock.calls.length).toBe(isChannel(IMPORT_WEEKLY_CHANNEL) ? 1 : 0);
  });

  it('imports through the engine and opens the issue', async () => {
    const d = deps();
    expect(await openWeeklyFile('/home/ed/2024年第47期.weekly', d)).toBe('2024-W47');
    expect(d.call).toHaveBeenCalledWith(IMPORT_WEEKLY_CHANNEL, { name: '2024年第47期.weekly', data: 'UEsDBA==' });
    expect(d.command).toHaveBeenCalledWith({ name: 'issue:open', issueId: '2024-W47' });
    expect(d.opened).toHaveBeenCalledWith('/home/ed/2024年第47期.weekly');
  });

  it('says why a file could not be opened, in Chinese', async () => {
    const big = deps({ size: async () => MAX_WEEKLY_BYTES + 1 });
    expect(await openWeeklyFile('/x/big.weekly', big)).toBeNull();
    expect(big.errors[0]).toContain('太大');
    const missing = deps({ size: async () => Promise.reject(new Error('ENOENT')) });
    expect(await openWeeklyFile('/x/gone.weekly', missing)).toBeNull();
    expect(missing.errors[0]).toContain('无法读取');
    const refused = deps({ call: async () => ({ ok: false as const, error: { code: 'weekly-damaged', messageZh: '期刊文件已损坏。' } }) });
    expect(await openWeeklyFile('/x/bad.weekly', refused)).toBeNull();
    expect(refused.errors).toEqual(['期刊文件已损坏。']);
    expect(refused.command).not.toHaveBeenCalled();
  });

  it('without an import channel in the contract, tells the editor and calls nothing', async () => {
    const d = deps({ importAvailable: false });
    expect(await openWeeklyFile('/x/a.weekly', d)).toBeNull();
    expect(d.errors[0]).toContain('还不能打开期刊文件');
    expect(d.call).not.toHaveBeenCalled();
  });
});
