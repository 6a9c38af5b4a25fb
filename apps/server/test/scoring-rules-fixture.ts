// A hand-made month for the published-scoring rules (ranking classes, minimum sample, the tie at
// the top-10 cut, city and district departments apart), written straight into the fact table —
// the rows a concluded return visit writes (the visit → fact path is tested in scoring.test.ts).
// Shared by scoring-rules.test.ts and the console and portal browser journeys.
import { evaluationPeriod } from '@jiesu/core';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../src/context';
import type { ScoreFact } from '../src/repositories/score-fact.repository';

/**
 * One unit's month: n valid visits, all contacted, `solved` solved, `satisfied` satisfied, the rest
 * dissatisfied. Composite = 0.1 + 0.5 × solved/n + 0.4 × satisfied/n.
 */
export interface PlannedUnit {
  key: string;
  n: number;
  solved: number;
  satisfied: number;
}

/** 15 Chaoyang streets (the first 15 codes): G1–G8 distinct, T1–T3 tied at 0.64, L1–L2 below them, U1–U2 under the minimum of 10. */
export const STREET_PLAN: PlannedUnit[] = [
  { key: 'G1', n: 10, solved: 10, satisfied: 10 }, // 0.1 + 0.5 + 0.40 = 1.00
  { key: 'G2', n: 10, solved: 10, satisfied: 9 }, // 0.96
  { key: 'G3', n: 10, solved: 10, satisfied: 8 }, // 0.92
  { key: 'G4', n: 10, solved: 10, satisfied: 7 }, // 0.88
  { key: 'G5', n: 10, solved: 10, satisfied: 6 }, // 0.84
  { key: 'G6', n: 10, solved: 10, satisfied: 5 }, // 0.80
  { key: 'G7', n: 10, solved: 10, satisfied: 4 }, // 0.76
  { key: 'G8', n: 10, solved: 10, satisfied: 3 }, // 0.72
  { key: 'T1', n: 30, solved: 18, satisfied: 18 }, // 0.1 + 0.3 + 0.24 = 0.64
  { key: 'T2', n: 20, solved: 12, satisfied: 12 }, // 0.64
  { key: 'T3', n: 10, solved: 6, satisfied: 6 }, // 0.64
  { key: 'L1', n: 10, solved: 5, satisfied: 5 }, // 0.1 + 0.25 + 0.20 = 0.55
  { key: 'L2', n: 10, solved: 4, satisfied: 4 }, // 0.1 + 0.20 + 0.16 = 0.46
  { key: 'U1', n: 3, solved: 3, satisfied: 3 }, // 1.00 on 3 visits: not ranked (n < 10)
  { key: 'U2', n: 9, solved: 9, satisfied: 9 }, // 1.00 on 9 visits: not ranked (n < 10)
];

/** Departments: two of the city's, two of Chaoyang's, one of Haidian's; 10 visits each. */
export const DEPARTMENT_PLAN: Array<PlannedUnit & { code: string }> = [
  { key: 'city-water', code: 'D110000-SWJ', n: 10, solved: 9, satisfied: 9 }, // 0.1 + 0.45 + 0.36 = 0.91
  { key: 'city-housing', code: 'D110000-ZJW', n: 10, solved: 7, satisfied: 8 }, // 0.1 + 0.35 + 0.32 = 0.77
  { key: 'cy-urban', code: 'D110105-CGW', n: 10, solved: 10, satisfied: 10 }, // 1.00
  { key: 'cy-housing', code: 'D110105-ZJW', n: 10, solved: 8, satisfied: 6 }, // 0.1 + 0.40 + 0.24 = 0.74
  { key: 'hd-urban', code: 'D110108-CGW', n: 10, solved: 5, satisfied: 5 }, // 0.55
];

export interface RulesMonth {
  periodKey: string;
  /** Plan key → street code. */
  streets: Record<string, string>;
  names: Record<string, string>;
}

function factsOf(u: PlannedUnit, lead: { code: string; class: string; street: string | null; district: string | null }, periodKey: string, at: Date): ScoreFact[] {
  return Array.from({ length: u.n }, (_, i) => ({
    caseId: randomUUID(),
    caseNumber: `R${periodKey.replace('-', '')}-${u.key}-${i}`,
    periodKey,
    visitedAt: at,
    leadUnitCode: lead.code,
    leadUnitClass: lead.class,
    streetCode: lead.street,
    districtCode: lead.district,
    isValid: true,
    isContacted: true,
    isSolved: i < u.solved,
    satisfaction: i < u.satisfied ? 'satisfied' : 'dissatisfied',
    isExempt: false,
    isProactive: false,
  }));
}

/** `instead` replaces a street's plan (e.g. a weaker previous month for the most-improved list). */
export async function seedRulesMonth(ctx: AppContext, periodKey: string, instead: Record<string, Omit<PlannedUnit, 'key'>> = {}): Promise<RulesMonth> {
  const period = evaluationPeriod(periodKey, { startDay: 19, timeZone: ctx.config.timeZone });
  const at = new Date(period.start.getTime() + 3 * 24 * 3600 * 1000);
  const streets = await ctx.db
    .selectFrom('units')
    .select(['code', 'name'])
    .where('class', '=', 'street')
    .where('parent_code', '=', '110105')
    .orderBy('code')
    .limit(STREET_PLAN.length)
    .execute();
  const out: RulesMonth = { periodKey, streets: {}, names: {} };
  const facts: ScoreFact[] = [];
  STREET_PLAN.map((u) => ({ ...u, ...instead[u.key] })).forEach((u, i) => {
    const s = streets[i];
    if (s === undefined) throw new Error('not enough Chaoyang streets');
    out.streets[u.key] = s.code;
    out.names[u.key] = s.name;
    facts.push(...factsOf(u, { code: s.code, class: 'street', street: null, district: '110105' }, periodKey, at));
  });
  for (const d of DEPARTMENT_PLAN) {
    const district = d.code.startsWith('D110000') ? null : d.code.slice(1, 7);
    facts.push(...factsOf(d, { code: d.code, class: 'department', street: null, district }, periodKey, at));
  }
  await ctx.repos.scoreFacts.insertMany(facts);
  return out;
}
