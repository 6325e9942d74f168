import { describe, expect, it } from 'vitest';
import { LruMap } from '../../../shared/lruMap';

describe('LruMap', () => {
  it('drops the least recently used entry beyond its bound; get and set count as use, peek does not', () => {
    const m = new LruMap<string, number>(3);
    m.set('a', 1).set('b', 2).set('c', 3);
    expect(m.get('a')).toBe(1); // a is now the most recent
    m.set('d', 4); // drops b
    expect([m.has('a'), m.has('b'), m.has('c'), m.has('d')]).toEqual([true, false, true, true]);
    expect(m.peek('c')).toBe(3); // c stays the least recent
    m.set('e', 5); // drops c
    expect(m.has('c')).toBe(false);
    m.set('a', 10); // setting again is a use, and replaces
    m.set('f', 6); // drops d
    expect([m.has('d'), m.get('a'), m.size]).toEqual([false, 10, 3]);
  });

  it('tells a missing key from a stored undefined only through has, and deletes', () => {
    const m = new LruMap<string, number | undefined>(2);
    m.set('x', undefined);
    expect([m.has('x'), m.get('x'), m.get('y')]).toEqual([true, undefined, undefined]);
    expect(m.delete('x')).toBe(true);
    expect(m.size).toBe(0);
  });
});
