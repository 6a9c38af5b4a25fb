// The live rankings of a period (computed from every score fact of it, and of the two periods
// before for the trend and 治理类) shared by the rankings screen and every unit's score page:
// one computation per period, kept for the cache TTL (JIESU_CACHE_TTL_SECONDS) and recomputed at
// once when the facts, the scoring settings or the publications change (rankingStamp, one indexed
// query per read). Concurrent readers of a period wait for the same computation. A period's
// request counts (诉求量, a GROUP BY over the period's cases: ~0.8 M rows a Beijing month) are
// kept apart for the TTL under the period and the stamp's settings and publication parts, so a
// recomputation after a fact changed does not count them again (new cases are not in the stamp:
// the counts were always allowed to be up to the TTL old); a changed setting counts afresh. Published rankings
// never come from here: they are the stored record.
import type { PeriodRankings } from '@jiesu/contracts';
import type { RequestCounts } from '../repositories/demand.repository';
import { TtlCache } from './ttl-cache';

interface Entry {
  stamp: string;
  rankings: Promise<PeriodRankings>;
}

export class LiveRankingsCache {
  private readonly entries: TtlCache<string, Entry>;
  private readonly requests: TtlCache<string, Promise<RequestCounts>>;

  constructor(ttlMs: number, clock: () => number = Date.now) {
    this.entries = new TtlCache(ttlMs, 120, clock);
    this.requests = new TtlCache(ttlMs, 120, clock);
  }

  /** A period's request counts under `key`: the cached ones within the TTL, else load()'s (shared by concurrent readers; a failure is not remembered). */
  async requestCounts(key: string, load: () => Promise<RequestCounts>): Promise<RequestCounts> {
    const hit = this.requests.get(key);
    if (hit !== undefined) return hit;
    const loading = load();
    this.requests.set(key, loading);
    try {
      return await loading;
    } catch (e) {
      if (this.requests.get(key) === loading) this.requests.delete(key);
      throw e;
    }
  }

  /** The period's live rankings: the cached ones if computed at this stamp within the TTL, else compute(). */
  async get(periodKey: string, stamp: string, compute: () => Promise<PeriodRankings>): Promise<PeriodRankings> {
    const hit = this.entries.get(periodKey);
    if (hit !== undefined && hit.stamp === stamp) return hit.rankings;
    const entry: Entry = { stamp, rankings: compute() };
    this.entries.set(periodKey, entry);
    try {
      return await entry.rankings;
    } catch (e) {
      // A failed computation is not remembered.
      if (this.entries.get(periodKey) === entry) this.entries.delete(periodKey);
      throw e;
    }
  }

  clear(): void {
    this.entries.clear();
    this.requests.clear();
  }
}
