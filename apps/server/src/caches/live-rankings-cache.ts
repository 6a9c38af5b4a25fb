// The live rankings of a period (computed from every score fact of it, and of the two periods
// before for the trend and 治理类) shared by the rankings screen and every unit's score page:
// one computation per period, kept for the cache TTL (JIESU_CACHE_TTL_SECONDS) and recomputed at
// once when the facts, the scoring settings or the publications change (rankingStamp, one indexed
// query per read). Concurrent readers of a period wait for the same computation. Published
// rankings never come from here: they are the stored record.
import type { PeriodRankings } from '@jiesu/contracts';
import { TtlCache } from './ttl-cache';

interface Entry {
  stamp: string;
  rankings: Promise<PeriodRankings>;
}

export class LiveRankingsCache {
  private readonly entries: TtlCache<string, Entry>;

  constructor(ttlMs: number, clock: () => number = Date.now) {
    this.entries = new TtlCache(ttlMs, 120, clock);
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
  }
}
