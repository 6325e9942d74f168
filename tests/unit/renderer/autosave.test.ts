import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoSaver, type SaveState } from '../../../renderer/src/workspace/autosave';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function harness(save: (v: string) => Promise<void>) {
  const states: SaveState['kind'][] = [];
  const saver = new AutoSaver<string>({ save, onState: (s) => states.push(s.kind), describe: () => '保存失败', delayMs: 1000, retryMs: 5000 });
  return { saver, states };
}

describe('AutoSaver', () => {
  it('settled() waits for the save in progress, and starts none itself', async () => {
    const saved: string[] = [];
    let release: () => void = () => {};
    const { saver } = harness((v) => new Promise<void>((r) => (release = () => (saved.push(v), r()))));
    await saver.settled(); // nothing in progress: returns at once
    saver.update('a');
    await vi.advanceTimersByTimeAsync(1000);
    saver.update('ab');
    let done = false;
    const settled = saver.settled().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(10);
    expect(done).toBe(false);
    release();
    await settled;
    expect(saved).toEqual(['a']);
    // 'ab' is still waiting for its own delay: settled() did not save it
    expect(saver.hasUnsavedChanges).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['a', 'ab']);
  });

  it('saves the latest value once typing pauses', async () => {
    const saved: string[] = [];
    const { saver, states } = harness(async (v) => void saved.push(v));
    saver.update('a');
    await vi.advanceTimersByTimeAsync(500);
    saver.update('ab');
    await vi.advanceTimersByTimeAsync(999);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['ab']);
    expect(states.at(-1)).toBe('saved');
    expect(saver.hasUnsavedChanges).toBe(false);
  });

  it('never runs two saves at once and saves edits made during a save', async () => {
    const saved: string[] = [];
    let release: () => void = () => {};
    let running = 0;
    let maxRunning = 0;
    const { saver } = harness(
      (v) =>
        new Promise<void>((r) => {
          running++;
          maxRunning = Math.max(maxRunning, running);
          release = () => {
            running--;
            saved.push(v);
            r();
          };
        }),
    );
    saver.update('1');
    await vi.advanceTimersByTimeAsync(1000);
    saver.update('12');
    await vi.advanceTimersByTimeAsync(1000);
    expect(maxRunning).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(1000);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual(['1', '12']);
    expect(maxRunning).toBe(1);
  });

  it('keeps a failed value and retries it', async () => {
    let fail = true;
    const saved: string[] = [];
    const { saver, states } = harness(async (v) => {
      if (fail) throw new Error('offline');
      saved.push(v);
    });
    saver.update('正文');
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('failed');
    expect(saver.hasUnsavedChanges).toBe(true);
    fail = false;
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toEqual(['正文']);
    expect(states.at(-1)).toBe('saved');
  });

  it('flush saves at once and waits for it', async () => {
    const saved: string[] = [];
    const { saver } = harness(async (v) => void saved.push(v));
    saver.update('x');
    await saver.flush();
    expect(saved).toEqual(['x']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toEqual(['x']);
  });

  it('flush reports a save that still fails', async () => {
    const { saver } = harness(async () => {
      throw new Error('disk full');
    });
    saver.update('x');
    await expect(saver.flush()).rejects.toThrow(/unsaved/);
    saver.dispose();
  });
});
