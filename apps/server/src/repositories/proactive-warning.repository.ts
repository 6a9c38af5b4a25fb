// All SQL about early warnings (预警): the daily request counts they are computed from (residents'
// requests only — proactive cases are the response, not the demand) and the warnings raised.
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, ProactiveWarningsTable } from '../db/schema';

type Db = Kysely<Database>;

export const WARNING_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

export interface ProactiveWarning {
  id: string;
  streetCode: string;
  communityCode: string;
  categoryCode: string;
  kind: 'surge' | 'seasonal';
  detectedOn: string;
  observed: number;
  expected: number;
  upperBound: number;
  ratio: number;
  forecast: Array<{ week: number; expected: number; upper: number }>;
  series: Array<{ weekEnd: string; observed: number | null; lastYear: number | null; expected: number; upper: number }>;
  caseIds: string[];
  status: WarningStatus;
  workItemId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function parsed<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

function toWarning(r: Selectable<ProactiveWarningsTable>): ProactiveWarning {
  return {
    id: r.id,
    streetCode: r.street_code,
    communityCode: r.community_code,
    categoryCode: r.category_code,
    kind: r.kind as ProactiveWarning['kind'],
    detectedOn: r.detected_on,
    observed: r.observed,
    expected: r.expected,
    upperBound: r.upper_bound,
    ratio: r.ratio,
    forecast: parsed(r.forecast),
    series: parsed(r.series),
    caseIds: [...r.case_ids],
    status: r.status as WarningStatus,
    workItemId: r.work_item_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class ProactiveWarningRepository {
  constructor(private readonly db: Db) {}

  /**
   * Residents' requests per community × category × local day since `from`, for the streets given
   * (proactive cases left out). One GROUP BY; a street's three years are a few thousand rows.
   */
  async dailyCounts(
    streetCodes: readonly string[],
    from: Date,
    timeZone: string,
    trx: Db = this.db,
  ): Promise<Array<{ streetCode: string; communityCode: string; categoryCode: string; day: string; n: number }>> {
    if (streetCodes.length === 0) return [];
    const { rows } = await sql<{ street_code: string; community_code: string; category_code: string; day: string; n: number }>`
      select street_code, community_code, category_code, to_char((received_at at time zone ${timeZone})::date, 'YYYY-MM-DD') as day, count(*)::int as n
      from cases
      where street_code in (${sql.join([...streetCodes])}) and community_code is not null and channel <> 'proactive' and received_at >= ${from}
      group by 1, 2, 3, 4`.execute(trx);
    return rows.map((r) => ({ streetCode: r.street_code, communityCode: r.community_code, categoryCode: r.category_code, day: r.day, n: Number(r.n) }));
  }

  /** The residents' cases of a series received in [from, to): a warning's evidence. */
  async seriesCaseIds(communityCode: string, categoryCode: string, from: Date, to: Date, limit: number, trx: Db = this.db): Promise<string[]> {
    const rows = await trx
      .selectFrom('cases')
      .select('id')
      .where('community_code', '=', communityCode)
      .where('category_code', '=', categoryCode)
      .where('channel', '<>', 'proactive')
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .orderBy('received_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Number, subject and status of a warning's cases (no requester data). */
  async caseSummaries(ids: readonly string[], trx: Db = this.db): Promise<Array<{ id: string; caseNumber: string; subject: string; status: string; receivedAt: Date }>> {
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom('cases')
      .select(['id', 'case_number', 'subject', 'status', 'received_at'])
      .where('id', 'in', [...ids])
      .orderBy('received_at', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, caseNumber: r.case_number, subject: r.subject, status: r.status, receivedAt: r.received_at }));
  }

  /** Inserts a warning; false when the series was already warned that day. */
  async insert(w: Omit<ProactiveWarning, 'status' | 'workItemId' | 'createdAt' | 'updatedAt'>, trx: Db = this.db): Promise<boolean> {
    const r = await trx
      .insertInto('proactive_warnings')
      .values({
        id: w.id,
        street_code: w.streetCode,
        community_code: w.communityCode,
        category_code: w.categoryCode,
        kind: w.kind,
        detected_on: w.detectedOn,
        observed: w.observed,
        expected: w.expected,
        upper_bound: w.upperBound,
        ratio: w.ratio,
        forecast: JSON.stringify(w.forecast),
        series: JSON.stringify(w.series),
        case_ids: w.caseIds,
      })
      .onConflict((oc) => oc.columns(['community_code', 'category_code', 'detected_on']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  }

  /** The last day each series of the streets was warned on or after `since` (the cooldown). */
  async lastWarnedOn(streetCodes: readonly string[], since: string, trx: Db = this.db): Promise<Map<string, string>> {
    if (streetCodes.length === 0) return new Map();
    const rows = await trx
      .selectFrom('proactive_warnings')
      .select(['community_code', 'category_code', sql<string>`max(detected_on)`.as('last')])
      .where('street_code', 'in', [...streetCodes])
      .where('detected_on', '>=', since)
      .groupBy(['community_code', 'category_code'])
      .execute();
    return new Map(rows.map((r) => [`${r.community_code}|${r.category_code}`, r.last]));
  }

  async findById(id: string, trx: Db = this.db): Promise<ProactiveWarning | null> {
    const r = await trx.selectFrom('proactive_warnings').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toWarning(r) : null;
  }

  async lock(id: string, trx: Db): Promise<ProactiveWarning | null> {
    const r = await trx.selectFrom('proactive_warnings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    return r ? toWarning(r) : null;
  }

  async list(filter: { streetCodes: readonly string[]; status?: WarningStatus; communityCode?: string; limit: number }, trx: Db = this.db): Promise<ProactiveWarning[]> {
    if (filter.streetCodes.length === 0) return [];
    let q = trx
      .selectFrom('proactive_warnings')
      .selectAll()
      .where('street_code', 'in', [...filter.streetCodes]);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.communityCode) q = q.where('community_code', '=', filter.communityCode);
    return (await q.orderBy('detected_on', 'desc').orderBy('ratio', 'desc').limit(filter.limit).execute()).map(toWarning);
  }

  async setStatus(id: string, status: WarningStatus, workItemId: string | null, trx: Db = this.db): Promise<void> {
    await trx.updateTable('proactive_warnings').set({ status, work_item_id: workItemId, updated_at: new Date() }).where('id', '=', id).execute();
  }
}
