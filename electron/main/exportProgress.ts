// While an export runs in the engine process, main follows its job and shows the progress on
// the window's taskbar / dock icon; the renderer follows the same job through `export:status`.
import type { JobStatus } from '../../shared/api/contract';
import type { DispatchResult } from '../engine/service/dispatch';

export interface ExportWatchDeps {
  status(jobId: string): Promise<DispatchResult>;
  /** 0..1 while running; null when the job is over (clears the bar) */
  progress(value: number | null, state: JobStatus['state']): void;
  wait(ms: number): Promise<void>;
  intervalMs?: number;
  /** give up after this many polls (a job the engine forgot) */
  maxPolls?: number;
}

export async function watchExportJob(jobId: string, deps: ExportWatchDeps): Promise<JobStatus['state'] | 'lost'> {
  const interval = deps.intervalMs ?? 250;
  const maxPolls = deps.maxPolls ?? 4 * 60 * 30;
  for (let i = 0; i < maxPolls; i++) {
    const reply = await deps.status(jobId);
    if (!reply.ok) {
      deps.progress(null, 'failed');
      return 'lost';
    }
    const status = reply.result as JobStatus;
    if (status.state !== 'running') {
      deps.progress(null, status.state);
      return status.state;
    }
    deps.progress(status.progress, 'running');
    await deps.wait(interval);
  }
  deps.progress(null, 'failed');
  return 'lost';
}
