import { describe, expect, it } from 'vitest';
import { watchExportJob } from '../../../../electron/main/exportProgress';
import type { DispatchResult } from '../../../../electron/engine/service/dispatch';

function statuses(...list: Array<DispatchResult>) {
  let i = 0;
  return async () => list[Math.min(i++, list.length - 1)];
}
const running = (progress: number): DispatchResult => ({ ok: true, result: { jobId: 'j', kind: 'pdf', state: 'running', stage: '排版并核定页码', progress } });

describe('watchExportJob', () => {
  it('reports progress while the job runs and clears it when done', async () => {
    const seen: Array<[number | null, string]> = [];
    const waits: number[] = [];
    const end = await watchExportJob('j', {
      status: statuses(running(0.05), running(0.3), running(0.95), { ok: true, result: { jobId: 'j', kind: 'pdf', state: 'done', stage: '完成', progress: 1 } }),
      progress: (v, s) => seen.push([v, s]),
      wait: async (ms) => void waits.push(ms),
      intervalMs: 100,
    });
    expect(end).toBe('done');
    expect(seen).toEqual([
      [0.05, 'running'],
      [0.3, 'running'],
      [0.95, 'running'],
      [null, 'done'],
    ]);
    expect(waits).toEqual([100, 100, 100]);
  });

  it('clears the bar when the job fails or is lost', async () => {
    const seen: Array<[number | null, string]> = [];
    const failed = await watchExportJob('j', {
      status: statuses({ ok: true, result: { jobId: 'j', kind: 'docx', state: 'failed', stage: '失败', progress: 0.3 } }),
      progress: (v, s) => seen.push([v, s]),
      wait: async () => {},
    });
    expect(failed).toBe('failed');
    const lost = await watchExportJob('j', {
      status: statuses({ ok: false, error: { code: 'job-not-found', messageZh: '找不到这次导出任务' } }),
      progress: (v, s) => seen.push([v, s]),
      wait: async () => {},
    });
    expect(lost).toBe('lost');
    expect(seen).toEqual([
      [null, 'failed'],
      [null, 'failed'],
    ]);
  });

  it('gives up on a job that never ends', async () => {
    let polls = 0;
    const end = await watchExportJob('j', { status: async () => (polls++, running(0.5)), progress: () => {}, wait: async () => {}, maxPolls: 5 });
    expect(end).toBe('lost');
    expect(polls).toBe(5);
  });
});
