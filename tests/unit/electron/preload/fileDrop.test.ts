import { describe, expect, it, vi } from 'vitest';
import { isWeeklyName, watchWeeklyDrops, type DragEventLike, type DropTarget } from '../../../../electron/preload/fileDrop';

function target() {
  const listeners = new Map<string, (e: DragEventLike) => void>();
  const t: DropTarget = { addEventListener: (type, l, capture) => (expect(capture).toBe(true), listeners.set(type, l)) };
  return { t, fire: (type: 'dragover' | 'drop', e: DragEventLike) => listeners.get(type)!(e) };
}

function event(names: string[], types = ['Files']) {
  return {
    dataTransfer: { types, files: names.map((name) => ({ name, path: `/drop/${name}` })) },
    preventDefault: vi.fn(),
    stopPropagation: vi.fn(),
  };
}

describe('watchWeeklyDrops', () => {
  it('opens a drop of .weekly files and keeps it from the page', () => {
    const { t, fire } = target();
    const open = vi.fn();
    watchWeeklyDrops<{ name: string; path: string }>(t, (f) => f.path, open);
    const e = event(['2024年第47期.weekly', 'b.WEEKLY']);
    fire('drop', e);
    expect(open.mock.calls).toEqual([['/drop/2024年第47期.weekly'], ['/drop/b.WEEKLY']]);
    expect(e.preventDefault).toHaveBeenCalled();
    expect(e.stopPropagation).toHaveBeenCalled();
  });

  it('leaves clippings and mixed drops to the page', () => {
    const { t, fire } = target();
    const open = vi.fn();
    watchWeeklyDrops<{ name: string; path: string }>(t, (f) => f.path, open);
    for (const names of [['01-推动医保.html'], ['a.weekly', 'b.docx'], []]) {
      const e = event(names);
      fire('drop', e);
      expect(e.stopPropagation).not.toHaveBeenCalled();
    }
    expect(open).not.toHaveBeenCalled();
  });

  it('lets files be dropped at all, and nothing else', () => {
    const { t, fire } = target();
    watchWeeklyDrops(t, () => '', () => {});
    const files = event([], ['Files']);
    fire('dragover', files);
    expect(files.preventDefault).toHaveBeenCalled();
    const text = event([], ['text/plain']);
    fire('dragover', text);
    expect(text.preventDefault).not.toHaveBeenCalled();
  });

  it('knows a .weekly name', () => {
    expect(isWeeklyName('x.weekly')).toBe(true);
    expect(isWeeklyName('.weekly')).toBe(false);
    expect(isWeeklyName('x.weekly.html')).toBe(false);
  });
});
