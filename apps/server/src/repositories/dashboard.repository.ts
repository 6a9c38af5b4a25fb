// Read-side SQL for the console's dashboard, menu badges and caller history: aggregates computed in
// the database (one scan of the period's cases with grouping sets), never summed in the browser.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { inScope } from './case-query.repository';
import { escapeLike } from './unit.repository';

type Db = Kysely<Database>;

export interface DashboardAggregates {
  byStatus: Map<string, number>;
  byUrgency: Map<string, number>;
  byCategory: Map<string, number>;
  byDistrict: Map<string, number>;
  byDay: Map<string, number>;
}

export interface CallerCase {
  id: string;
  caseNumber: string;
  status: string;
  subject: string;
  categoryCode: string;
  streetCode: string | null;
  address: string | null;
  receivedAt: Date;
}

export class DashboardRepository {
  constructor(private readonly db: Db) {}

  /** Cases received in [from, to) and in scope, counted by status, urgency, top category, district and local day. */
  async aggregates(f: { scopePath: string; from: Date; to: Date; timeZone: string }, trx: Db = this.db): Promise<DashboardAggregates> {
    // The zone is a literal (config checks it is an IANA name at boot) so that the select and the
    // grouping sets hold the same expression, which Postgres needs to match them.
    const day = sql<string | null>`to_char((received_at at time zone ${sql.lit(f.timeZone)})::date, 'YYYY-MM-DD')`;
    const rows = await trx
      .selectFrom('cases')
      .where(inScope(f.scopePath))
      .where('received_at', '>=', f.from)
      .where('received_at', '<', f.to)
      .select([
        sql<number>`grouping(status)`.as('g_status'),
        sql<number>`grouping(urgency)`.as('g_urgency'),
        sql<number>`grouping(left(category_code, 2))`.as('g_category'),
        sql<number>`grouping(district_code)`.as('g_district'),
        'status',
        'urgency',
        sql<string>`left(category_code, 2)`.as('category'),
        'district_code',
        day.as('day'),
        sql<number>`count(*)::int`.as('n'),
      ])
      .groupBy(sql`grouping sets ((status), (urgency), (left(category_code, 2)), (district_code), (${day}))`)
      .execute();
    const out: DashboardAggregates = { byStatus: new Map(), byUrgency: new Map(), byCategory: new Map(), byDistrict: new Map(), byDay: new Map() };
    for (const r of rows) {
      if (r.g_status === 0) out.byStatus.set(r.status, r.n);
      else if (r.g_urgency === 0) out.byUrgency.set(r.urgency, r.n);
      else if (r.g_category === 0) out.byCategory.set(r.category, r.n);
      else if (r.g_district === 0) out.byDistrict.set(r.district_code ?? '', r.n);
      else if (r.day !== null) out.byDay.set(r.day, r.n);
    }
    return out;
  }

  /**
   * 超期未办: running clocks past their deadline owned by units under `ownerPathPrefix` — the same
   * predicate as the supervision board (CaseQueryRepository.overdueBoard; core isOverdueNow).
   */
  async countOverdueNow(ownerPathPrefix: string, now: Date, trx: Db = this.db): Promise<number> {
    const r = await trx
      .selectFrom('case_clocks')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'running')
      .where('due_at', '<=', now)
      .where('owner_unit_path', 'like', `${escapeLike(ownerPathPrefix)}%`)
      .executeTakeFirst();
    return r?.n ?? 0;
  }

  /** The inbox badge: cases waiting for the unit to sign (a running sign clock it owns). */
  async countToSign(unitCode: string, trx: Db = this.db): Promise<number> {
    const r = await trx
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(sql<boolean>`${unitCode} = any(pending_unit_codes)`)
      .executeTakeFirst();
    return r?.n ?? 0;
  }

  /** Running clocks of one unit past due. */
  async countUnitOverdue(unitCode: string, now: Date, trx: Db = this.db): Promise<number> {
    const r = await trx
      .selectFrom('case_clocks')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('status', '=', 'running')
      .where('due_at', '<=', now)
      .where('owner_unit_code', '=', unitCode)
      .executeTakeFirst();
    return r?.n ?? 0;
  }

  /** Cases in the given statuses within a scope (the dispatch queue's and the visit queue's size). */
  async countByStatuses(scopePath: string, statuses: readonly string[], trx: Db = this.db): Promise<number> {
    if (statuses.length === 0) return 0;
    const r = await trx
      .selectFrom('cases')
      .select(sql<number>`count(*)::int`.as('n'))
      .where(inScope(scopePath))
      .where('status', 'in', [...statuses])
      .executeTakeFirst();
    return r?.n ?? 0;
  }

  /** A requester phone's earlier cases in scope (by the digits column and index of 0014), newest first, and how many there are. */
  async casesByRequesterPhone(f: { scopePath: string; phone: string; limit: number }, trx: Db = this.db): Promise<{ total: number; items: CallerCase[] }> {
    const q = trx.selectFrom('cases').where('requester_phone', '=', f.phone).where(inScope(f.scopePath));
    const [{ total } = { total: 0 }] = await q.select(sql<number>`count(*)::int`.as('total')).execute();
    const rows = await q
      .select(['id', 'case_number', 'status', 'subject', 'category_code', 'street_code', 'address', 'received_at'])
      .orderBy('received_at', 'desc')
      .limit(f.limit)
      .execute();
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        caseNumber: r.case_number,
        status: r.status,
        subject: r.subject,
        categoryCode: r.category_code,
        streetCode: r.street_code,
        address: r.address,
        receivedAt: r.received_at,
      })),
    };
  }
}
