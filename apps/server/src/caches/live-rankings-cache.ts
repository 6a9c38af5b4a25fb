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
import type { RankingStamp } from '../repositories/score-fact.repository';
import { sharedLoad, TtlCache } from './ttl-cache';

export class LiveRankingsCache {
  /** Under `${period}@${stamp}`: one entry per period, the one at its newest stamp. */
  private readonly rankings: TtlCache<string, Promise<PeriodRankings>>;
  /** Under `${period}@${stamp.rules}`. */
  private readonly requests: TtlCache<string, Promise<RequestCounts>>;

  constructor(ttlMs: number, clock: () => number = Date.now) {
    this.rankings = new TtlCache(ttlMs, 120, clock);
    this.requests = new TtlCache(ttlMs, 120, clock);
  }

  /** The period's live rankings: the cached ones if computed at this stamp within the TTL, else compute()'s. */
  get(period: string, stamp: RankingStamp, compute: () => Promise<PeriodRankings>): Promise<PeriodRankings> {
    const key = `${period}@${stamp.facts}|${stamp.rules}`;
    // A new stamp replaces the period's entry: an outdated ranking is never read again.
    if (!this.rankings.has(key)) this.rankings.deleteWhere((_, k) => k.startsWith(`${period}@`));
    return sharedLoad(this.rankings, key, compute);
  }

  /** The period's request counts: the cached ones if counted under the same settings and publications within the TTL, else load()'s. */
  requestCounts(period: string, stamp: RankingStamp, load: () => Promise<RequestCounts>): Promise<RequestCounts> {
    return sharedLoad(this.requests, `${period}@${stamp.rules}`, load);
  }

  clear(): void {
    this.rankings.clear();
    this.requests.clear();
  }
}
