// Export jobs: started by one call, polled for their stage and progress, collected once done.
// The same shape serves HTTP (polling) and Electron IPC.
import { randomUUID } from 'node:crypto';
import type { ExportFile, JobStatus } from '../../../shared/api/contract';
import { UserFacingError, describeError, isUserFacingError } from '../../../shared/errors';

export interface JobReporter {
  stage(nameZh: string, progress: number): void;
}

interface Job {
  status: JobStatus;
  result: ExportFile | null;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 10 * 60_000;

export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  start(kind: JobStatus['kind'], work: (report: JobReporter) => Promise<ExportFile>, onError?: (e: unknown) => void): string {
    this.sweep();
    const jobId = randomUUID();
    const job: Job = { status: { jobId, kind, state: 'running', stage: '准备中', progress: 0 }, result: null, finishedAt: null };
    this.jobs.set(jobId, job);
    const reporter: JobReporter = {
      stage: (stage, progress) => {
        if (job.status.state === 'running') job.status = { ...job.status, stage, progress: Math.min(1, Math.max(0, progress)) };
      },
    };
    // Let the caller return the job id before the work starts.
    setImmediate(() => {
      work(reporter).then(
        (result) => {
          job.result = result;
          job.status = { ...job.status, state: 'done', stage: '完成', progress: 1 };
          job.finishedAt = Date.now();
        },
        (e: unknown) => {
          onError?.(e);
          const messageZh = isUserFacingError(e) ? e.messageZh : `导出失败：${describeError(e)}`;
          job.status = { ...job.status, state: 'failed', stage: '失败', messageZh };
          job.finishedAt = Date.now();
        },
      );
    });
    return jobId;
  }

  status(jobId: string): JobStatus {
    return { ...this.get(jobId).status };
  }

  result(jobId: string): ExportFile {
    const job = this.get(jobId);
    if (job.status.state === 'failed') throw new UserFacingError('job-failed', job.status.messageZh ?? '导出失败。', `Job ${jobId} failed`);
    if (!job.result) throw new UserFacingError('job-running', '导出尚未完成，请稍候。', `Job ${jobId} is still running`);
    return job.result;
  }

  private get(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new UserFacingError('job-not-found', '找不到这次导出任务，请重新导出。', `No job ${jobId}`);
    return job;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
