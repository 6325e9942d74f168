// `window.weeklyDeskShell.exports`: each method sends only its named fields on its own
// `exports:` channel, checks them first, and unwraps main's answer like the contract does.
import { describe, expect, it } from 'vitest';
import { ApiCallError, type IpcRendererLike } from '../../../../electron/preload/bridge';
import { createDeskExports, EXPORT_FILE_CHANNELS, isExportFileChannel } from '../../../../electron/preload/exportFiles';
import { INVOKE_CHANNELS } from '../../../../electron/preload/channels';

function fakeIpc(reply: (channel: string, input: unknown) => unknown) {
  const calls: Array<[string, unknown]> = [];
  const ipc: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      calls.push([channel, args[0]]);
      return reply(channel, args[0]);
    },
    on: () => undefined,
    removeListener: () => undefined,
  };
  return { ipc, calls };
}

describe('the exports bridge', () => {
  it('has its own channels, named like the contract’s and apart from it', () => {
    for (const c of EXPORT_FILE_CHANNELS) {
      expect(c).toMatch(/^exports:[A-Za-z]+$/);
      expect((INVOKE_CHANNELS as readonly string[]).includes(c)).toBe(false);
    }
    expect(isExportFileChannel('exports:save')).toBe(true);
    for (const c of ['exports:delete', 'export:result', 'shell:openFile', 7]) expect(isExportFileChannel(c)).toBe(false);
  });

  it('sends only the named fields on the method’s channel and unwraps the answer', async () => {
    const { ipc, calls } = fakeIpc((channel) => ({ ok: true, result: channel === 'exports:folder' ? { folder: '/home/编辑/文档' } : null }));
    const exports = createDeskExports(ipc);
    await expect(exports.folder()).resolves.toEqual({ folder: '/home/编辑/文档' });
    await exports.save({ jobId: 'job-1', folder: '/etc' } as never);
    await exports.saveAs({ jobId: 'job-1' });
    await exports.openFile({ path: '/home/编辑/文档/医周药事2024年第47期.pdf' });
    await exports.showInFolder({ path: '/home/编辑/文档/医周药事2024年第47期.pdf' });
    await exports.chooseFolder();
    expect(calls).toEqual([
      ['exports:folder', {}],
      ['exports:save', { jobId: 'job-1' }],
      ['exports:saveAs', { jobId: 'job-1' }],
      ['exports:openFile', { path: '/home/编辑/文档/医周药事2024年第47期.pdf' }],
      ['exports:showInFolder', { path: '/home/编辑/文档/医周药事2024年第47期.pdf' }],
      ['exports:chooseFolder', {}],
    ]);
  });

  it('refuses non-string input without calling main', async () => {
    const { ipc, calls } = fakeIpc(() => ({ ok: true, result: null }));
    const exports = createDeskExports(ipc);
    await expect(exports.openFile({ path: 42 } as never)).rejects.toBeInstanceOf(ApiCallError);
    await expect(exports.openFile(null as never)).rejects.toThrow('请求内容有误');
    await expect(exports.save({ jobId: '' })).rejects.toThrow('请求内容有误');
    expect(calls).toEqual([]);
  });

  it('turns main’s refusal into an Error carrying the Chinese message', async () => {
    const { ipc } = fakeIpc(() => ({ ok: false, error: { code: 'not-exported', messageZh: '只能打开本次导出保存的文件。' } }));
    await expect(createDeskExports(ipc).openFile({ path: '/etc/passwd' })).rejects.toThrow('只能打开本次导出保存的文件。');
  });
});
