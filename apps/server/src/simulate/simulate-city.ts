// `jiesu simulate`: a realistic month of a working city, so a demo database has something to rank.
// Calls arrive across Beijing's streets and communities over the last days, drawn from the
// dispatch catalogue's call samples (sim-calls.ts), so subject, detail, category, urgency, address
// and lead agree. Each case lives its life in memory through the real pure decider
// (sim-case-life.ts): dispatched to the unit the routing names, a share first sent to a
// neighbouring street and returned, disputed, extended, handled late (reminded and escalated as
// the clock sweep would), answered directly, still open, closed and visited. Cases are written in
// batches, one statement per case (the repository's insert), with the visit attempt and the
// scoring fact in the same transaction. A seed gives the same city twice; running again with the
// same seed adds nothing (the idempotency keys are taken).
//
// Extension point for other simulations (governance: patrols, meetings, topics …): add a
// SimulationPhase to EXTRA_PHASES — in its own file, one line here — and `jiesu simulate` runs it
// after the cases are written, with the same seed, time span and progress reporting. A phase
// returns a summary that is printed under its name in the report.
import { randomUUID } from 'node:crypto';
import { type Actor, caseNumberDateKey, pathCodes, type Role, type Unit, type UnitRef } from '@jiesu/core';
import type { AppContext } from '../context';
import { caseTokens } from '../intake/text-tokens';
import type { VisitAttemptRow } from '../repositories/return-visit.repository';
import type { ScoreFact } from '../repositories/score-fact.repository';
import { loadPolicy, periodConfig } from '../use-cases/scoring/scoring-config';
import { answeringLead, visitFactOf } from '../use-cases/visits/visit-fact';
import { callDrawer, type SimulatedCall } from './sim-calls';
import { type CaseLife, type LifeContext, liveCase } from './sim-case-life';
import { rng } from './sim-random';

export interface SimulateOptions {
  cases: number;
  /** Cases arrive over this many days before `end`. */
  days: number;
  seed: number;
  end: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SimulateReport {
  cases: number;
  /** Already there from an earlier run with the same seed: not written again. */
  skipped: number;
  answered: number;
  returned: number;
  disputed: number;
  extended: number;
  late: number;
  closed: number;
  visited: number;
  open: number;
  escalations: number;
  seconds: number;
  casesPerSecond: number;
  /** Where the time went: drawing and deciding cases in memory, and writing them. */
  secondsDeciding: number;
  secondsWriting: number;
  /** Visited cases per street of the location, over every street with communities. */
  visitsPerStreet: { streets: number; min: number; p10: number; median: number; max: number };
  failures: Array<{ step: string; code: string; message: string }>;
  phases: Record<string, unknown>;
}

/** What a phase gets: the context, the run's seed and time span, and a way to report progress. */
export interface SimulationPhaseInput {
  seed: number;
  days: number;
  end: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface SimulationPhase {
  name: string;
  run(ctx: AppContext, input: SimulationPhaseInput): Promise<unknown>;
}

/** Further simulations run after the cases, in this order. Add yours here (see the comment at the top). */
export const EXTRA_PHASES: SimulationPhase[] = [];

/** Cases written per transaction. */
const BATCH = 250;

function actor(unit: Pick<Unit, 'code' | 'path' | 'class' | 'name'>, roles: Role[], name: string): Actor {
  return { userId: randomUUID(), username: `sim.${unit.code}`, displayName: name, unitCode: unit.code, unitPath: unit.path, unitClass: unit.class, roles };
}

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] as number;
}

export async function simulateCity(ctx: AppContext, opts: SimulateOptions): Promise<SimulateReport> {
  const started = performance.now();
  const r = rng(opts.seed);
  const report: SimulateReport = {
    cases: 0,
    skipped: 0,
    answered: 0,
    returned: 0,
    disputed: 0,
    extended: 0,
    late: 0,
    closed: 0,
    visited: 0,
    open: 0,
    escalations: 0,
    seconds: 0,
    casesPerSecond: 0,
    secondsDeciding: 0,
    secondsWriting: 0,
    visitsPerStreet: { streets: 0, min: 0, p10: 0, median: 0, max: 0 },
    failures: [],
    phases: {},
  };

  const all = async (cls: Unit['class']) => (await ctx.repos.units.list({ scopePath: '/', class: cls, limit: 100_000, offset: 0 })).items;
  const centre = (await all('centre'))[0];
  if (!centre) throw new Error('the organisation is empty: run `jiesu seed` first');
  const streets = (await all('street')).filter((s) => s.isActive);
  const communitiesOf = new Map<string, Unit[]>();
  for (const c of await all('community')) {
    if (!c.isActive || c.parentCode === null) continue;
    const list = communitiesOf.get(c.parentCode) ?? [];
    list.push(c);
    communitiesOf.set(c.parentCode, list);
  }
  if ((await ctx.repos.categories.count()) === 0) throw new Error('no categories: run `jiesu seed` first');
  const ref = await ctx.intake.reference();
  const drawer = callDrawer(ref, streets, communitiesOf);
  const asRef = (u: Unit): UnitRef => ({ code: u.code, name: u.name, path: u.path, class: u.class });
  const byDistrict = new Map<string, UnitRef[]>();
  for (const s of streets) if (s.parentCode) byDistrict.set(s.parentCode, [...(byDistrict.get(s.parentCode) ?? []), asRef(s)]);
  const scoring = await loadPolicy(ctx);
  const period = periodConfig(ctx, scoring);
  const handlers = new Map<string, Actor>();
  const lc: LifeContext = {
    calendar: await ctx.calendar.get(),
    policy: await ctx.casePolicy.get(),
    operator: actor(centre, ['operator'], '模拟话务员'),
    dispatcher: actor(centre, ['dispatcher'], '模拟派单员'),
    visitor: actor(centre, ['visitor'], '模拟回访员'),
    supervisor: actor(centre, ['supervisor'], '模拟督办员'),
    handlerOf: (u) => {
      let a = handlers.get(u.code);
      if (!a) handlers.set(u.code, (a = actor(u, ['handler'], `${u.name} 承办人`)));
      return a;
    },
    neighbours: (streetCode) => {
      const s = ref.lookup.byCode(streetCode);
      return (s?.parentCode ? byDistrict.get(s.parentCode) : undefined)?.filter((x) => x.code !== streetCode) ?? [];
    },
    departments: (await all('department')).filter((d) => d.parentCode === centre.code && d.isActive).map(asRef),
    maxVisitAttempts: scoring.maxVisitAttempts,
  };

  // Arrival instants, evenly spread with a little jitter, and the day's case numbers reserved up front.
  const span = opts.days * 24 * 3_600_000;
  const startAt = opts.end.getTime() - span;
  const spacing = span / Math.max(opts.cases, 1);
  const arrivals = Array.from({ length: opts.cases }, (_, i) => new Date(Math.round(startAt + (i + r.next() * 0.9) * spacing)));
  const timeZone = lc.policy.timeZone;
  const perDay = new Map<string, number>();
  for (const a of arrivals) {
    const day = caseNumberDateKey(a, timeZone);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const nextSeq = new Map<string, number>();
  for (const [day, count] of perDay) nextSeq.set(day, (await ctx.repos.cases.reserveDailySequence(day, count)) - count + 1);
  const openFrom = opts.cases - Math.ceil(opts.cases * 0.1);

  const visitedByStreet = new Map<string, number>(streets.filter((s) => communitiesOf.has(s.code)).map((s) => [s.code, 0]));
  let deciding = 0;
  let writing = 0;
  for (let from = 0; from < opts.cases; from += BATCH) {
    const t0 = performance.now();
    const batch: Array<{ i: number; call: SimulatedCall; life: CaseLife }> = [];
    for (let i = from; i < Math.min(from + BATCH, opts.cases); i++) {
      const arrival = arrivals[i] as Date;
      const day = caseNumberDateKey(arrival, timeZone);
      const seq = nextSeq.get(day) as number;
      nextSeq.set(day, seq + 1);
      const call = drawer.draw(r);
      batch.push({ i, call, life: liveCase(call, { arrival, dailySequence: seq, keepOpen: i >= openFrom }, r, lc) });
    }
    const t1 = performance.now();
    deciding += t1 - t0;
    await ctx.db.transaction().execute(async (trx) => {
      const inserted = await ctx.repos.cases.insertMany(
        batch.map(({ i, call, life }) => ({
          decision: life.decision,
          locationPath: call.community.path,
          idempotencyKey: `sim-${opts.seed}-${i}`,
          tokens: caseTokens(life.decision.state.subject, life.decision.state.detail),
        })),
        trx,
      );
      // Each simulated upload is its case's, as intake and the handling steps claim real ones
      // (a case already there from an earlier run keeps the files it has).
      await ctx.repos.attachments.insertMany(
        batch.flatMap(({ life }) => (inserted.has(life.decision.state.id) ? life.attachments.map((a) => ({ ...a, caseId: life.decision.state.id })) : [])),
        trx,
      );
      const attempts: VisitAttemptRow[] = [];
      const facts: ScoreFact[] = [];
      for (const { call, life } of batch) {
        const state = life.decision.state;
        if (!inserted.has(state.id)) {
          report.skipped++;
          continue;
        }
        report.cases++;
        const t = life.tally;
        report.answered += Number(t.answered);
        report.returned += Number(t.returned);
        report.disputed += Number(t.disputed);
        report.extended += Number(t.extended);
        report.late += Number(t.late);
        report.closed += Number(t.closed);
        report.open += Number(t.open);
        report.escalations += t.escalations;
        for (const f of life.failures) if (report.failures.length < 20) report.failures.push(f);
        if (life.visit === null) continue;
        attempts.push(life.visit);
        const lead = answeringLead(state)?.unit;
        const ancestors = lead
          ? pathCodes(lead.path).flatMap((c) => {
              const u = ref.lookup.byCode(c);
              return u && c !== lead.code ? [u] : [];
            })
          : [];
        const fact = visitFactOf(state, { ancestors, period, isExempt: false });
        if (fact) facts.push(fact);
        report.visited++;
        visitedByStreet.set(call.street.code, (visitedByStreet.get(call.street.code) ?? 0) + 1);
      }
      await ctx.repos.returnVisits.insertAttempts(attempts, trx);
      await ctx.repos.scoreFacts.insertMany(facts, trx);
    });
    writing += performance.now() - t1;
    opts.onProgress?.(Math.min(from + BATCH, opts.cases), opts.cases);
  }
  report.secondsDeciding = Math.round(deciding / 100) / 10;
  report.secondsWriting = Math.round(writing / 100) / 10;
  ctx.intake.forgetShared();

  const counts = [...visitedByStreet.values()].sort((a, b) => a - b);
  report.visitsPerStreet = { streets: counts.length, min: counts[0] ?? 0, p10: quantile(counts, 0.1), median: quantile(counts, 0.5), max: counts[counts.length - 1] ?? 0 };
  report.seconds = Math.round((performance.now() - started) / 100) / 10;
  report.casesPerSecond = Math.round(report.cases / Math.max(report.seconds, 0.1));

  for (const phase of EXTRA_PHASES) {
    report.phases[phase.name] = await phase.run(ctx, { seed: opts.seed, days: opts.days, end: opts.end, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  }
  return report;
}
