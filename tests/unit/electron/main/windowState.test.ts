import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, parseWindowState, restoreBounds } from '../../../../electron/main/windowState';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const monitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('reads what was saved and ignores anything malformed', () => {
    expect(parseWindowState('{"bounds":{"x":1,"y":2,"width":1200,"height":800},"maximized":true}')).toEqual({
      bounds: { x: 1, y: 2, width: 1200, height: 800 },
      maximized: true,
    });
    expect(parseWindowState(null)).toBeNull();
    expect(parseWindowState('{')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":"1","y":2,"width":3,"height":4}}')).toBeNull();
    expect(parseWindowState('{"bounds":{"x":null,"y":2,"width":3,"height":4}}')).toBeNull();
    expect(parseWindowState('[]')).toBeNull();
  });
});

describe('restoreBounds', () => {
  it('centres the default size on the primary display the first time', () => {
    expect(restoreBounds(null, [laptop])).toEqual({
      bounds: { x: (1920 - DEFAULT_SIZE.width) / 2, y: (1040 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE },
      maximized: false,
    });
  });

  it('brings back the window where it was, maximised or not', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoreBounds(saved, [laptop, monitor])).toEqual(saved);
  });

  it('recentres when the monitor it was on is gone', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: false };
    const r = restoreBounds(saved, [laptop]);
    expect(r.bounds).toEqual({ x: 240, y: 70, width: 1440, height: 900 });
  });

  it('pulls a window hanging off the edge back inside and shrinks it to the display', () => {
    const saved = { bounds: { x: 1500, y: -20, width: 3000, height: 2000 }, maximized: false };
    expect(restoreBounds(saved, [laptop]).bounds).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('never makes a window smaller than its minimum when the display allows', () => {
    const saved = { bounds: { x: 100, y: 100, width: 200, height: 100 }, maximized: false };
    const r = restoreBounds(saved, [laptop]);
    expect(r.bounds.width).toBe(960);
    expect(r.bounds.height).toBe(640);
  });
});
