// The measures of 未诉先办 for one street over a quarter (or any range of local days): per community,
// proactive cases found and solved, patrols, notices acknowledged on time, and residents' calls in
// the same community and category in the 30 days before each proactive case and the 30 days after
// it was closed; per zone, the patrol coverage (share of community-weeks with a patrol).
import { type Actor, addLocalDays, callChange, localDateOf, evaluationQuarter, localDayOfWeek, onTimeShare, patrolCoverage, startOfLocalDay } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadPolicy, periodConfig } from '../scoring/scoring-config';
import { communitiesOf, loadStreetAccess } from './proactive-access';

export const CALL_WINDOW_DAYS = 30;

export interface CommunityMeasures {
  communityCode: string;
  communityName: string;
  proactiveFound: number;
  proactiveSolved: number;
  patrols: number;
  patrolCoverage: number | null;
  noticesSent: number;
  noticesOnTime: number;
  noticeOnTimeShare: number | null;
  callsBefore: number;
  callsAfter: number;
  callChange: number | null;
}

export interface ProactiveMeasuresView {
  streetCode: string;
  streetName: string;
  firstDay: string;
  lastDay: string;
  weeks: number;
  totals: Omit<CommunityMeasures, 'communityCode' | 'communityName'>;
  communities: CommunityMeasures[];
  zones: Array<{ zoneId: string; name: string; leaderUserId: string; communityCodes: string[]; patrolCoverage: number | null }>;
}

/** The Mondays of the weeks touching [firstDay, lastDay] (weeks as the database's date_trunc('week') names them). */
function mondays(firstDay: string, lastDay: string): string[] {
  const out: string[] = [];
  let d = addLocalDays(firstDay, -((localDayOfWeek(firstDay) + 6) % 7));
  while (d <= lastDay) {
    out.push(d);
    d = addLocalDays(d, 7);
  }
  return out;
}

export async function getProactiveMeasures(
  ctx: AppContext,
  opts: { actor: Actor; streetCode: string; quarterKey?: string; firstDay?: string; lastDay?: string },
): Promise<ProactiveMeasuresView> {
  const { street } = await loadStreetAccess(ctx, opts.actor, opts.streetCode);
  const tz = ctx.config.timeZone;
  let firstDay: string;
  let lastDay: string;
  if (opts.quarterKey !== undefined) {
    const q = evaluationQuarter(opts.quarterKey, periodConfig(ctx, await loadPolicy(ctx)));
    firstDay = q.firstDay;
    lastDay = q.lastDay;
  } else {
    lastDay = opts.lastDay ?? localDateOf(ctx.now(), tz);
    firstDay = opts.firstDay ?? addLocalDays(lastDay, -90);
  }
  const from = startOfLocalDay(firstDay, tz);
  const to = startOfLocalDay(addLocalDays(lastDay, 1), tz);
  const weeks = mondays(firstDay, lastDay);
  const [communities, zones, cases, calls, patrolCounts, patrolled, receipts] = await Promise.all([
    communitiesOf(ctx, street),
    ctx.repos.proactiveZones.listByStreet(street.code),
    ctx.repos.proactiveMeasures.proactiveCases(street.code, from, to),
    ctx.repos.proactiveMeasures.callsAround(street.code, from, to, CALL_WINDOW_DAYS),
    ctx.repos.patrols.countsByCommunity(street.code, from, to),
    ctx.repos.patrols.patrolledWeeks(street.code, from, to, tz),
    ctx.repos.policyNotices.receiptsUnder(street.path, from, to),
  ]);
  const now = ctx.now();
  const rows: CommunityMeasures[] = communities.map((c) => {
    const k = cases.get(c.code) ?? { found: 0, solved: 0 };
    const call = calls.get(c.code) ?? { cases: 0, before: 0, after: 0 };
    const notices = onTimeShare(
      receipts.filter((r) => r.unitCode === c.code),
      now,
    );
    return {
      communityCode: c.code,
      communityName: c.name,
      proactiveFound: k.found,
      proactiveSolved: k.solved,
      patrols: patrolCounts.get(c.code) ?? 0,
      patrolCoverage: patrolCoverage([c.code], weeks, patrolled),
      noticesSent: notices.sent,
      noticesOnTime: notices.onTime,
      noticeOnTimeShare: notices.share,
      callsBefore: call.before,
      callsAfter: call.after,
      callChange: callChange(call.before, call.after),
    };
  });
  const sum = (f: (r: CommunityMeasures) => number) => rows.reduce((a, r) => a + f(r), 0);
  const allNotices = onTimeShare(receipts, now);
  const before = sum((r) => r.callsBefore);
  const after = sum((r) => r.callsAfter);
  return {
    streetCode: street.code,
    streetName: street.name,
    firstDay,
    lastDay,
    weeks: weeks.length,
    totals: {
      proactiveFound: sum((r) => r.proactiveFound),
      proactiveSolved: sum((r) => r.proactiveSolved),
      patrols: sum((r) => r.patrols),
      patrolCoverage: patrolCoverage(
        communities.map((c) => c.code),
        weeks,
        patrolled,
      ),
      noticesSent: allNotices.sent,
      noticesOnTime: allNotices.onTime,
      noticeOnTimeShare: allNotices.share,
      callsBefore: before,
      callsAfter: after,
      callChange: callChange(before, after),
    },
    communities: rows,
    zones: zones
      .filter((z) => z.isActive)
      .map((z) => ({
        zoneId: z.id,
        name: z.name,
        leaderUserId: z.leaderUserId,
        communityCodes: z.communityCodes,
        patrolCoverage: patrolCoverage(z.communityCodes, weeks, patrolled),
      })),
  };
}
