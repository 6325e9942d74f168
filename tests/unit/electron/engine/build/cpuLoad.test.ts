// Import workers start when the cores are idle now, not by the lagging 1-minute load average.
import { loadavg } from 'node:os';
import { describe, expect, it } from 'vitest';
import { busyCores } from '../../../../../electron/engine/build/cpuLoad';
import { importWorkerCount } from '../../../../../electron/engine/build/parallelImport';

const mark = (at: number, idleMs: number, cores = 2): { at: number; idleMs: number; cores: number } => ({ at, idleMs, cores });

describe('busyCores', () => {
  it('counts the cores that were not idle since the mark', () => {
    // 50 ms on two cores: one idle all along, the other (this process) busy
    expect(busyCores(mark(150, 10_050), mark(100, 10_000), 2)).toBeCloseTo(1);
    // both busy: another job runs beside the build
    expect(busyCores(mark(150, 10_000), mark(100, 10_000), 2)).toBe(2);
    // never more idle than there are cores (ticks are coarse)
    expect(busyCores(mark(140, 10_100), mark(100, 10_000), 2)).toBe(0);
  });

  it("takes out this process's own CPU beyond its one thread (an import worker started early)", () => {
    const own = (at: number, idleMs: number, ownMs: number) => ({ ...mark(at, idleMs), ownMs });
    // 100 ms: the cores idle 20 ms in all, and this process spent 180 ms (main thread + early worker)
    expect(busyCores(own(200, 10_020, 280), own(100, 10_000, 100), 2)).toBeCloseTo(1);
    // the same, but this process spent only 100 ms: another job took the other core
    expect(busyCores(own(200, 10_020, 200), own(100, 10_000, 100), 2)).toBeCloseTo(1.8);
    expect(importWorkerCount(15, 2, busyCores(own(200, 10_020, 280), own(100, 10_000, 100), 2))).toBe(1);
    expect(importWorkerCount(15, 2, busyCores(own(200, 10_020, 200), own(100, 10_000, 100), 2))).toBe(0);
    // a mark without the process's time: all busy time counts, as before
    expect(busyCores(own(200, 10_020, 280), mark(100, 10_000), 2)).toBeCloseTo(1.8);
  });

  it('decides workers the way the load average did', () => {
    expect(importWorkerCount(15, 2, busyCores(mark(150, 10_045), mark(100, 10_000), 2))).toBe(1);
    expect(importWorkerCount(15, 2, busyCores(mark(150, 10_010), mark(100, 10_000), 2))).toBe(0);
  });

  it('falls back to the load average without a mark, over too short a span, or when the cores differ', () => {
    const [load] = loadavg();
    const near = (v: number): void => expect(Math.abs(v - load)).toBeLessThan(0.5);
    near(busyCores(mark(150, 10_050), null, 2));
    near(busyCores(mark(110, 10_010), mark(100, 10_000), 2));
    near(busyCores(mark(150, 10_050, 4), mark(100, 10_000, 4), 2));
  });
});
