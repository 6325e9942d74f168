// How busy the cores are right now, to decide whether import workers would help. The 1-minute load
// average lags: just after a heavy job (a bundler, an office suite) it still says "busy" while the cores
// sit idle, and a build then imports on one thread. So the CLI notes the cores' idle time as it starts,
// and the build compares it when it decides, some tens of ms later. The CPU this process spent in the
// meantime (its main thread, and an import worker the CLI may have started early) is not another job's:
// it is taken out, and this thread counted as one busy core.
import { availableParallelism, cpus, loadavg } from 'node:os';

export interface CpuMark {
  at: number;
  idleMs: number;
  cores: number;
  /** this process's CPU time so far (all its threads), ms; without it, all busy time counts as others' */
  ownMs?: number;
}

/** os.cpus() counts in 10 ms ticks: a shorter span says too little. */
const MIN_SPAN_MS = 30;

let mark: CpuMark | null = null;

function read(): CpuMark | null {
  try {
    const c = cpus();
    return c.length > 0 ? { at: performance.now(), idleMs: c.reduce((s, x) => s + x.times.idle, 0), cores: c.length, ownMs: ownCpuMs() } : null;
  } catch {
    return null;
  }
}

function ownCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Where bin/weekly.mjs leaves its note, taken before it loads the bundle (a few ms earlier). */
const BIN_MARK = Symbol.for('weekly-desk.cpuMark');

/** Notes the cores' idle time now (the CLI, as it starts), unless the bin noted it already. */
export function markCpuTimes(): void {
  const fromBin = (globalThis as Record<symbol, unknown>)[BIN_MARK] as CpuMark | undefined;
  mark = fromBin && typeof fromBin.at === 'number' && typeof fromBin.idleMs === 'number' && typeof fromBin.cores === 'number' ? fromBin : read();
}

/**
 * Cores busy (this thread counts as one, so ≈ 1 on an otherwise idle machine): measured from the idle
 * time since markCpuTimes() when that was long enough ago, less what this process itself spent beyond
 * this thread's one core; else the 1-minute load average. `now` is for tests.
 */
export function busyCores(now: CpuMark | null = read(), since: CpuMark | null = mark, cores = availableParallelism()): number {
  if (since && now && now.cores === since.cores && now.cores === cores && now.at - since.at >= MIN_SPAN_MS) {
    const span = now.at - since.at;
    const busy = cores - (now.idleMs - since.idleMs) / span;
    const own = now.ownMs !== undefined && since.ownMs !== undefined ? (now.ownMs - since.ownMs) / span : null;
    const load = own === null ? busy : busy - own + 1;
    return Math.min(cores, Math.max(0, load));
  }
  return loadavg()[0];
}
