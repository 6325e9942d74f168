import { describe, expect, it } from 'vitest';
import { ArticleAutosaver, type AutosaveClock } from '../../../../electron/engine/archive/autosave';
import type { Article } from '../../../../shared/model/issue';
import { article } from './helpers';

/** A hand-driven clock: timers fire only when the test advances time. */
function fakeClock(): AutosaveClock & { advance: (ms: number) => void } {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.fn();
      }
      now = end;
    },
  };
}

const rev = (n: number): Article => article('a1', `标题 第${n}稿`, '健康报', `正文第${n}稿`);

describe('ArticleAutosaver', () => {
  it('saves once after the editor pauses, with the latest state', () => {
    const clock = fakeClock();
    const saved: string[] = [];
    const saver = new ArticleAutosaver((_i, _c, a) => saved.push(a.title), { clock, delayMs: 800 });
    saver.schedule('2024-W47', 'c1', rev(1));
    clock.advance(300);
    saver.schedule('2024-W47', 'c1', rev(2));
    clock.advance(700);
    expect(saved).toEqual([]);
    clock.advance(100);
    expect(saved).toEqual(['标题 第2稿']);
    expect(saver.pendingCount).toBe(0);
  });

  it('never lets an edit wait more than the maximum delay while typing continues', () => {
    const clock = fakeClock();
    const savedAt: number[] = [];
    const saver = new ArticleAutosaver(() => savedAt.push(clock.now()), { clock, delayMs: 800, maxDelayMs: 2000 });
    for (let t = 0; t < 5000; t += 200) {
      saver.schedule('i', 'c', rev(t));
      clock.advance(200);
    }
    expect(savedAt.length).toBeGreaterThanOrEqual(2);
    let last = 0;
    for (const at of savedAt) {
      expect(at - last).toBeLessThanOrEqual(2000);
      last = at;
    }
  });

  it('keeps articles apart and flushes everything on demand', () => {
    const clock = fakeClock();
    const saved: string[] = [];
    const saver = new ArticleAutosaver((i, _c, a) => saved.push(`${i}/${a.id}`), { clock });
    saver.schedule('i1', 'c', article('a1', 't', 's', 'x'));
    saver.schedule('i1', 'c', article('a2', 't', 's', 'x'));
    saver.schedule('i2', 'c', article('a1', 't', 's', 'x'));
    expect(saver.pendingCount).toBe(3);
    saver.flush();
    expect(saved.sort()).toEqual(['i1/a1', 'i1/a2', 'i2/a1']);
    clock.advance(5000);
    expect(saved).toHaveLength(3);
  });

  it('keeps an edit whose save failed, and saves it on flush', () => {
    const clock = fakeClock();
    let fail = true;
    const saved: string[] = [];
    const errors: string[] = [];
    const saver = new ArticleAutosaver(
      (_i, _c, a) => {
        if (fail) throw new Error('disk full');
        saved.push(a.title);
      },
      { clock, onError: (e, id) => errors.push(`${id}: ${(e as Error).message}`) },
    );
    saver.schedule('i', 'c', rev(1));
    clock.advance(1000);
    expect(errors).toEqual(['a1: disk full']);
    expect(saver.pendingCount).toBe(1);
    fail = false;
    saver.flush();
    expect(saved).toEqual(['标题 第1稿']);
  });
});
