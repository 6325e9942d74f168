// A Map bounded to a number of entries that drops the least recently used first: the caches that
// live page numbers and exports keep between requests (lines, laid-out articles, issues).
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly max: number) {}

  /** The value, counted as a use (it is dropped last). */
  get(key: K): V | undefined {
    if (!this.map.has(key)) return undefined;
    const value = this.map.get(key) as V;
    this.map.delete(key);
    this.map.set(key, value);
    return value;
  }

  /** The value, without counting a use. */
  peek(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  /** Sets the value as the most recent, then drops the least recently used beyond `max`. */
  set(key: K, value: V): this {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
    return this;
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}
