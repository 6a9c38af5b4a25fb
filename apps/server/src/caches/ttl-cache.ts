// The one expiring map behind every cache of data an administrator can change (sessions, units, the
// working calendar, the case policy). An entry older than its TTL is read again, so a change made
// through another process on the same PostgreSQL reaches this one within the TTL; a change made
// through this process clears the entry at once. docs/security.md, Caches, lists each TTL.

interface Entry<V> {
  value: V;
  at: number;
}

export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The value cached for `key`, or undefined when there is none or it is older than the TTL. */
  get(key: K): V | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    if (this.clock() - e.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** Whether `key` holds a fresh value (a cached `null` counts). */
  has(key: K): boolean {
    const e = this.entries.get(key);
    return e !== undefined && this.clock() - e.at < this.ttlMs;
  }

  set(key: K, value: V): void {
    if (!this.entries.has(key) && this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, at: this.clock() });
  }

  /** The cached value, or `load()`'s, remembered. */
  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit !== undefined && this.has(key)) return hit.value;
    const value = await load();
    this.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Forget every entry whose value matches (e.g. all sessions of one user). */
  deleteWhere(match: (value: V, key: K) => boolean): void {
    for (const [k, e] of this.entries) if (match(e.value, k)) this.entries.delete(k);
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * `cache`'s promise under `key`, or load()'s, stored before it settles so that concurrent callers
 * share one load; a load that fails is forgotten (the next caller loads again).
 */
export async function sharedLoad<K, T>(cache: TtlCache<K, Promise<T>>, key: K, load: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const loading = load();
  cache.set(key, loading);
  try {
    return await loading;
  } catch (e) {
    if (cache.get(key) === loading) cache.delete(key);
    throw e;
  }
}
