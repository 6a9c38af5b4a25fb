// Reads a period's rankings — a published version (the latest by default) or computed live — and
// shows the actor only the rows of their own subtree unless they are at the centre.
import type { PeriodRankings } from '@jiesu/contracts';
import { type Actor, DomainError, isCentreActor, isInSubtree } from '@jiesu/core';
import type { AppContext } from '../../context';
import { liveRankings } from './compute-rankings';
import { normaliseRankings, type StoredRankings } from './rankings-snapshot';
import { loadRankingClasses, requireRankingReader } from './scoring-config';

export interface GetRankingsOptions {
  actor: Actor;
  periodKey: string;
  /** A ranking class key (street, district, department, district_department, enterprise …). */
  classKey?: string;
  /** For classes ranked within a district: only that district's ranking. */
  districtCode?: string;
  /** Default: the latest published version if there is one, else live. */
  source?: 'live' | 'published';
  version?: number;
}

/** Rankings as stored or computed, before scope filtering (also used by the score-sheet export). */
export async function loadRankings(ctx: AppContext, opts: Omit<GetRankingsOptions, 'actor'>): Promise<PeriodRankings> {
  const wantsPublished = opts.source === 'published' || opts.version !== undefined;
  if (opts.source !== 'live') {
    const pub = await ctx.repos.scorePublications.get<StoredRankings>(opts.periodKey, opts.version ?? null);
    if (pub) return { ...normaliseRankings(pub.rankings), source: 'published', version: pub.version, reason: pub.reason, publishedAt: pub.publishedAt };
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
  return liveRankings(ctx, opts.periodKey);
}

/**
 * The rankings limited to one class (and district) and to the rows the actor may see. Outside the
 * centre a class ranked within districts keeps only the actor's own district's ranking.
 */
export function scopeRankings(actor: Actor, rankings: PeriodRankings, filter: { classKey?: string; districtCode?: string } = {}): PeriodRankings {
  const seesAll = isCentreActor(actor);
  const classes = rankings.classes
    .filter((c) => filter.classKey === undefined || c.classKey === filter.classKey)
    .filter((c) => filter.districtCode === undefined || c.groupCode === null || c.groupCode === filter.districtCode)
    .map((c) => {
      if (seesAll) return c;
      const rows = c.rows.filter((r) => isInSubtree(actor.unitPath, r.unitPath));
      const visible = new Set(rows.map((r) => r.unitCode));
      const keep = (codes: string[]) => codes.filter((code) => visible.has(code));
      return { ...c, rows, top: keep(c.top), bottom: keep(c.bottom), wilsonOrder: keep(c.wilsonOrder), improved: c.improved.filter((e) => visible.has(e.unitCode)) };
    })
    .filter((c) => seesAll || c.groupCode === null || c.rows.length > 0);
  const visibleUnits = new Set(classes.flatMap((c) => c.rows.map((r) => r.unitCode)));
  const specialGovernance = seesAll
    ? rankings.specialGovernance
    : { ...rankings.specialGovernance, units: rankings.specialGovernance.units.filter((u) => visibleUnits.has(u.unitCode)) };
  return { ...rankings, classes, specialGovernance };
}

/** A class key the ranking classes do not define is a bad query, not an empty answer. */
export async function requireKnownClass(ctx: AppContext, classKey: string | undefined): Promise<void> {
  if (classKey === undefined) return;
  const defs = await loadRankingClasses(ctx);
  if (!defs.some((d) => d.key === classKey)) {
    throw new DomainError('VALIDATION_FAILED', `querystring.class: ${classKey} is not a ranking class; one of ${defs.map((d) => d.key).join(', ')}.`, {
      field: 'querystring.class',
      value: classKey,
    });
  }
}

export async function getRankings(ctx: AppContext, opts: GetRankingsOptions): Promise<PeriodRankings> {
  requireRankingReader(opts.actor);
  await requireKnownClass(ctx, opts.classKey);
  return scopeRankings(opts.actor, await loadRankings(ctx, opts), {
    ...(opts.classKey !== undefined ? { classKey: opts.classKey } : {}),
    ...(opts.districtCode !== undefined ? { districtCode: opts.districtCode } : {}),
  });
}
