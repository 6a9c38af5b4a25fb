// A run's ranked groups (the candidates for 每月一题) with the formula they were ranked by, and one
// group in detail: trend by day, breakdown by area, representative cases (no requester data).
import { type Actor, addLocalDays, DomainError, hotspotFormula, isInSubtree, localDay } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { HotspotGroupRow, HotspotRun, MemberCase } from '../../repositories/hotspot.repository';
import { requireRole } from '../require';
import { HOTSPOT_READER_ROLES } from './compute-hotspots';

async function visibleRun(ctx: AppContext, actor: Actor, runId: string | undefined, scopeUnitCode: string | undefined): Promise<HotspotRun> {
  requireRole(actor, ...HOTSPOT_READER_ROLES);
  // Member rows this process matched at intake are written behind: show them.
  await ctx.hotspots.settled();
  let run: HotspotRun | null;
  if (runId !== undefined) run = await ctx.repos.hotspots.findRun(runId);
  else run = await ctx.repos.hotspots.latestRun(scopeUnitCode ?? actor.unitCode);
  if (!run)
    throw new DomainError('NOT_FOUND', runId ? `Hotspot run ${runId} does not exist.` : 'No hotspots computed for this area yet; compute them first.', {
      field: runId ? 'runId' : 'scopeUnitCode',
    });
  if (!isInSubtree(actor.unitPath, run.scopeUnitPath)) throw new DomainError('OUT_OF_SCOPE', 'This hotspot run covers an area outside yours.', { field: 'runId' });
  return run;
}

export async function listHotspots(ctx: AppContext, opts: { actor: Actor; runId?: string; scopeUnitCode?: string; limit?: number; offset?: number }) {
  const run = await visibleRun(ctx, opts.actor, opts.runId, opts.scopeUnitCode);
  const groups = await ctx.repos.hotspots.groups(run.id, { limit: opts.limit ?? 20, offset: opts.offset ?? 0 });
  return { run, formula: hotspotFormula(run.weights), groups };
}

export async function listHotspotRuns(ctx: AppContext, opts: { actor: Actor; limit?: number }) {
  requireRole(opts.actor, ...HOTSPOT_READER_ROLES);
  return ctx.repos.hotspots.listRuns(opts.actor.unitPath, opts.limit ?? 20);
}

export interface HotspotGroupDetail {
  run: HotspotRun;
  formula: string;
  group: HotspotGroupRow;
  trend: { day: string; count: number }[];
  byStreet: { code: string; name: string; count: number }[];
  byDistrict: { code: string; name: string; count: number }[];
  representativeCases: Omit<MemberCase, 'similarity'>[];
}

export async function getHotspotGroup(ctx: AppContext, opts: { actor: Actor; groupId: string }): Promise<HotspotGroupDetail> {
  requireRole(opts.actor, ...HOTSPOT_READER_ROLES);
  await ctx.hotspots.settled();
  const group = await ctx.repos.hotspots.findGroup(opts.groupId);
  if (!group) throw new DomainError('NOT_FOUND', `Hotspot group ${opts.groupId} does not exist.`, { field: 'id' });
  const run = await visibleRun(ctx, opts.actor, group.runId, undefined);
  const tz = ctx.config.timeZone;
  const days: string[] = [];
  // The period and, for a live run, the days since: attached cases keep the trend current.
  const last = localDay(new Date(Math.max(run.periodTo.getTime(), ctx.now().getTime()) - 1), tz);
  for (let d = localDay(run.periodFrom, tz); d <= last && days.length < 400; d = addLocalDays(d, 1)) days.push(d);
  const counts = new Map(days.map((d) => [d, 0]));
  for (const at of await ctx.repos.hotspots.memberTimes(group.id)) {
    const k = localDay(at, tz);
    if (counts.has(k)) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const codes = [...group.metrics.byStreet.map((s) => s.code), ...group.metrics.byDistrict.map((s) => s.code)];
  const names = new Map((await ctx.unitDirectory.findMany(codes)).map((u) => [u.code, u.name]));
  const named = (xs: { code: string; count: number }[]) => xs.map((x) => ({ ...x, name: names.get(x.code) ?? x.code }));
  const reps = await ctx.repos.hotspots.memberCasesByIds(group.representativeCaseIds);
  const order = new Map(group.representativeCaseIds.map((id, i) => [id, i]));
  reps.sort((a, b) => (order.get(a.caseId) ?? 0) - (order.get(b.caseId) ?? 0));
  return {
    run,
    formula: hotspotFormula(run.weights),
    group,
    trend: days.map((day) => ({ day, count: counts.get(day) ?? 0 })),
    byStreet: named(group.metrics.byStreet),
    byDistrict: named(group.metrics.byDistrict),
    representativeCases: reps,
  };
}
