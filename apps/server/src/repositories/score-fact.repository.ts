// All SQL about the scoring fact table (one row per case whose return visit concluded) and the
// aggregates rankings are built from: one GROUP BY per (lead, street, district), rolled up with
// GROUPING SETS into one tally per unit — never a scan of case JSON. Proactive cases (主动发现)
// are tallied apart: never in the rates of residents' requests, only in their own measure.
import { chunks } from './case.repository';
import type { CaseTally, VisitSatisfaction } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, ScoreFactsTable, ScoreTalliesTable } from '../db/schema';

type Db = Kysely<Database>;

export interface ScoreFact {
  caseId: string;
  caseNumber: string;
  periodKey: string;
  visitedAt: Date;
  leadUnitCode: string;
  leadUnitClass: string;
  /** The street above the lead (null when the lead is a street or has none above it). */
  streetCode: string | null;
  /** The district above the lead (null when the lead is a district or has none above it). */
  districtCode: string | null;
  isValid: boolean;
  isContacted: boolean;
  isSolved: boolean;
  satisfaction: VisitSatisfaction | null;
  isExempt: boolean;
  /** A proactive case (主动发现): kept out of the three rates of residents' requests. */
  isProactive: boolean;
}

function toFact(r: Selectable<ScoreFactsTable>): ScoreFact {
  return {
    caseId: r.case_id,
    caseNumber: r.case_number,
    periodKey: r.period_key,
    visitedAt: r.visited_at,
    leadUnitCode: r.lead_unit_code,
    leadUnitClass: r.lead_unit_class,
    streetCode: r.street_code,
    districtCode: r.district_code,
    isValid: r.is_valid,
    isContacted: r.is_contacted,
    isSolved: r.is_solved,
    satisfaction: r.satisfaction as VisitSatisfaction | null,
    isExempt: r.is_exempt,
    isProactive: r.is_proactive,
  };
}

/** Where a tally row comes from: the cases a unit led, or those led below a street or district. */
export type TallyLevel = 'lead' | 'street' | 'district';

export interface TallyRow {
  level: TallyLevel;
  unitCode: string;
  /** The lead's class on 'lead' rows; null on roll-up rows (the level names the class). */
  leadUnitClass: string | null;
  cases: number;
  tally: CaseTally;
}

/** A tally row as the queries return it: the nine sums of score_tallies (migration 0039) with the unit they roll up to. */
type RawTally = Omit<ScoreTalliesTable, 'period_key' | 'is_proactive' | 'lead_unit_code' | 'lead_unit_class' | 'street_code' | 'district_code'> & {
  level: TallyLevel;
  unit_code: string | null;
  lead_unit_class: string | null;
};

function toTally(r: RawTally): CaseTally {
  return {
    validVisits: Number(r.valid_visits),
    contacted: Number(r.contacted),
    solved: Number(r.solved),
    satisfied: Number(r.satisfied),
    basicallySatisfied: Number(r.basically_satisfied),
    dissatisfied: Number(r.dissatisfied),
    invalidVisits: Number(r.invalid_visits),
    exemptions: Number(r.exemptions),
  };
}

// The running sums' columns summed (score_tallies holds them per period × lead × street × district;
// migration 0039's trigger is where a fact's flags become counts: an exempt case counts only as an exemption).
const TALLY_SUMS = sql`
  sum(cases)::int as cases, sum(exemptions)::int as exemptions, sum(valid_visits)::int as valid_visits,
  sum(invalid_visits)::int as invalid_visits, sum(contacted)::int as contacted, sum(solved)::int as solved,
  sum(satisfied)::int as satisfied, sum(basically_satisfied)::int as basically_satisfied, sum(dissatisfied)::int as dissatisfied`;

function factValues(f: ScoreFact) {
  return {
    case_number: f.caseNumber,
    period_key: f.periodKey,
    visited_at: f.visitedAt,
    lead_unit_code: f.leadUnitCode,
    lead_unit_class: f.leadUnitClass,
    street_code: f.streetCode,
    district_code: f.districtCode,
    is_valid: f.isValid,
    is_contacted: f.isContacted,
    is_solved: f.isSolved,
    satisfaction: f.satisfaction,
    is_exempt: f.isExempt,
    is_proactive: f.isProactive,
  };
}

/** rankingStamp's answer: a live ranking is recomputed when either part changes, the request counts only when `rules` does. */
export interface RankingStamp {
  /** Each period's newest fact change. */
  facts: string;
  /** The newest scoring setting and the newest publication. */
  rules: string;
}

export class ScoreFactRepository {
  constructor(private readonly db: Db) {}

  /** Writes (or rewrites, after a correction) the case's fact row. */
  async upsert(f: ScoreFact, trx: Db = this.db): Promise<void> {
    const values = factValues(f);
    await trx
      .insertInto('score_facts')
      .values({ case_id: f.caseId, ...values })
      .onConflict((oc) => oc.column('case_id').doUpdateSet({ ...values, updated_at: sql`now()` }))
      .execute();
  }

  /** New fact rows in multi-row statements (bulk loading); the cases must have none yet. */
  async insertMany(facts: readonly ScoreFact[], trx: Db = this.db): Promise<void> {
    for (const part of chunks(
      facts.map((f) => ({ case_id: f.caseId, ...factValues(f) })),
      13,
    ))
      await trx.insertInto('score_facts').values(part).execute();
  }

  /** Cases still `visited` whose period has been published: the ones to mark scored (已考核). */
  async visitedInPublishedPeriods(limit: number, trx: Db = this.db): Promise<Array<{ caseId: string; periodKey: string }>> {
    const rows = await trx
      .selectFrom('score_facts')
      .innerJoin('cases', 'cases.id', 'score_facts.case_id')
      .select(['score_facts.case_id', 'score_facts.period_key'])
      .where('cases.status', '=', 'visited')
      .where((eb) => eb.exists(eb.selectFrom('score_publications').select('score_publications.id').whereRef('score_publications.period_key', '=', 'score_facts.period_key')))
      .orderBy('score_facts.visited_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, periodKey: r.period_key }));
  }

  /** Marks a case exempt (免考核) or not; false when the case has no fact row yet. */
  async setExempt(caseId: string, isExempt: boolean, trx: Db = this.db): Promise<boolean> {
    const r = await trx
      .updateTable('score_facts')
      .set({ is_exempt: isExempt, updated_at: sql`now()` })
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * One tally per unit and level for the periods: the cases each lead unit led, and the cases led
   * below each street and district. First a GROUP BY over the facts (one row per distinct lead
   * chain, a few thousand for a city), then GROUPING SETS over that small result.
   */
  async periodTallies(periodKeys: readonly string[], trx: Db = this.db): Promise<TallyRow[]> {
    return this.tallies(periodKeys, false, trx);
  }

  /** The same tallies over proactive cases only: their own measure (主动治理三率). */
  async proactiveTallies(periodKeys: readonly string[], trx: Db = this.db): Promise<TallyRow[]> {
    return this.tallies(periodKeys, true, trx);
  }

  /**
   * Per unit and level, from the running sums score_tallies keeps per lead × street × district
   * (migration 0039's triggers on score_facts): a few thousand rows a period, not its facts.
   */
  private async tallies(periodKeys: readonly string[], isProactive: boolean, trx: Db): Promise<TallyRow[]> {
    if (periodKeys.length === 0) return [];
    const { rows } = await sql<RawTally>`
      with per_lead as (
        select lead_unit_code, lead_unit_class, nullif(street_code, '') as street_code, nullif(district_code, '') as district_code, ${TALLY_SUMS}
        from score_tallies
        where period_key in (${sql.join(periodKeys)}) and is_proactive = ${isProactive} and cases > 0
        group by 1, 2, 3, 4
      )
      select
        case when grouping(lead_unit_code) = 0 then 'lead' when grouping(street_code) = 0 then 'street' else 'district' end as level,
        case when grouping(lead_unit_code) = 0 then lead_unit_code when grouping(street_code) = 0 then street_code else district_code end as unit_code,
        case when grouping(lead_unit_code) = 0 then lead_unit_class end as lead_unit_class,
        ${TALLY_SUMS}
      from per_lead
      group by grouping sets ((lead_unit_code, lead_unit_class), (street_code), (district_code))`.execute(trx);
    return rows
      .filter((r): r is RawTally & { unit_code: string } => r.unit_code !== null)
      .map((r) => ({ level: r.level, unitCode: r.unit_code, leadUnitClass: r.lead_unit_class, cases: Number(r.cases), tally: toTally(r) }));
  }

  /** Tallies of the units led under one street (its communities and sections), per lead unit, from the running sums. */
  async ledTalliesUnderStreet(periodKeys: readonly string[], streetCode: string, trx: Db = this.db, isProactive = false): Promise<Array<{ unitCode: string; tally: CaseTally }>> {
    if (periodKeys.length === 0) return [];
    const { rows } = await sql<RawTally>`
      select 'lead' as level, lead_unit_code as unit_code, null as lead_unit_class, ${TALLY_SUMS}
      from score_tallies
      where period_key in (${sql.join(periodKeys)}) and street_code = ${streetCode} and is_proactive = ${isProactive} and cases > 0
      group by lead_unit_code`.execute(trx);
    return rows.map((r) => ({ unitCode: r.unit_code ?? '', tally: toTally(r) }));
  }

  /** Units of the given classes (inactive ones too: they may still have facts), for scoring. */
  async unitsOfClasses(classes: readonly string[], trx: Db = this.db): Promise<Array<{ code: string; name: string; class: string; path: string; isActive: boolean }>> {
    if (classes.length === 0) return [];
    const rows = await trx
      .selectFrom('units')
      .select(['code', 'name', 'class', 'path', 'is_active'])
      .where('class', 'in', [...classes])
      .orderBy('code')
      .execute();
    return rows.map((r) => ({ code: r.code, name: r.name, class: r.class, path: r.path, isActive: r.is_active }));
  }

  /** Every fact counting for the unit in the period: led by it, or led below it when it is a street or district. */
  async factsCountingFor(periodKey: string, unitCode: string, trx: Db = this.db): Promise<ScoreFact[]> {
    const rows = await trx
      .selectFrom('score_facts')
      .selectAll()
      .where('period_key', '=', periodKey)
      .where('is_proactive', '=', false)
      .where((eb) => eb.or([eb('lead_unit_code', '=', unitCode), eb('street_code', '=', unitCode), eb('district_code', '=', unitCode)]))
      .orderBy('case_id')
      .execute();
    return rows.map(toFact);
  }

  /**
   * What a live ranking is computed from changes when this does: each period's newest fact change
   * (a visit concluded, a correction, an exemption — index score_facts_updated), the newest scoring
   * setting and the newest publication (a trend reads the previous period's). Request counts
   * (诉求量) and units are not in it: the cache's TTL bounds how old they may be.
   */
  async rankingStamp(periodKeys: readonly string[], trx: Db = this.db): Promise<RankingStamp> {
    const facts = periodKeys.map((k) => sql`coalesce((select max(updated_at) from score_facts where period_key = ${k})::text, '-')`);
    const { rows } = await sql<RankingStamp>`
      select concat_ws('|', ${sql.join(facts, sql`, `)}) as facts,
             concat_ws('|', coalesce((select max(updated_at) from settings where key like 'scoring.%')::text, '-'),
                            coalesce((select max(id) from score_publications)::text, '-')) as rules`.execute(trx);
    return rows[0] ?? { facts: '', rules: '' };
  }

  /** The case's fact, if its visit has concluded. */
  async findByCase(caseId: string, trx: Db = this.db): Promise<ScoreFact | null> {
    const row = await trx.selectFrom('score_facts').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    return row ? toFact(row) : null;
  }
}
