// Reads a period's rankings — a published version (the latest by default) or computed live — and
// shows the actor only the rows of their own subtree unless they are at the centre.
import { type Actor, DomainError, isCentreActor, isInSubtree, type ScoredUnitClass } from '@jiesu/core';
import type { AppContext } from '../../context';
import { computePeriodRankings, type PeriodRankings } from './compute-rankings';
import { requireRankingReader } from './scoring-config';

export interface GetRankingsOptions {
  actor: Actor;
  periodKey: string;
  unitClass?: ScoredUnitClass;
  /** Default: the latest published version if there is one, else live. */
  source?: 'live' | 'published';
  version?: number;
}

/** Rankings as stored or computed, before scope filtering (also used by the score-sheet export). */
export async function loadRankings(ctx: AppContext, opts: Omit<GetRankingsOptions, 'actor'>): Promise<PeriodRankings> {
  const wantsPublished = opts.source === 'published' || opts.version !== undefined;
  if (opts.source !== 'live') {
    const pub = await ctx.repos.scorePublications.get<PeriodRankings>(opts.periodKey, opts.version ?? null);
    if (pub) return { ...pub.rankings, source: 'published', version: pub.version, reason: pub.reason, publishedAt: pub.publishedAt };
    if (wantsPublished) {
      throw new DomainError(
        'PUBLICATION_NOT_FOUND',
        opts.version !== undefined
          ? `Period ${opts.periodKey} has no published version ${opts.version}.`
          : `Period ${opts.periodKey} has not been published yet; ask for source=live.`,
        { periodKey: opts.periodKey, version: opts.version ?? null },
      );
    }
  }
  return computePeriodRankings(ctx, { periodKey: opts.periodKey });
}

/** The rankings limited to one class and to the rows the actor may see. */
export function scopeRankings(actor: Actor, rankings: PeriodRankings, unitClass?: ScoredUnitClass): PeriodRankings {
  const seesAll = isCentreActor(actor);
  const classes = rankings.classes
    .filter((c) => unitClass === undefined || c.unitClass === unitClass)
    .map((c) => {
      if (seesAll) return c;
      const rows = c.rows.filter((r) => isInSubtree(actor.unitPath, r.unitPath));
      const visible = new Set(rows.map((r) => r.unitCode));
      const keep = (codes: string[]) => codes.filter((code) => visible.has(code));
      return { ...c, rows, top: keep(c.top), bottom: keep(c.bottom), wilsonOrder: keep(c.wilsonOrder) };
    });
  return { ...rankings, classes };
}

export async function getRankings(ctx: AppContext, opts: GetRankingsOptions): Promise<PeriodRankings> {
  requireRankingReader(opts.actor);
  return scopeRankings(opts.actor, await loadRankings(ctx, opts), opts.unitClass);
}
