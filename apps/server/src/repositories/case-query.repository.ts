// Read-side SQL for case lists and queues: search, a unit's inbox, the dispatch queue and the
// overdue board. Every query takes the actor's scope path ('/' for the centre).
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema';
import { escapeLike } from './unit.repository';

type Db = Kysely<Database>;

export interface CaseSummary {
  id: string;
  caseNumber: string;
  status: string;
  version: number;
  urgency: string;
  kind: string;
  channel: string;
  categoryCode: string;
  subject: string;
  districtCode: string | null;
  streetCode: string | null;
  communityCode: string | null;
  leadUnitCode: string | null;
  isOverdue: boolean;
  hasPendingExtension: boolean;
  receivedAt: Date;
  closedAt: Date | null;
}

const SUMMARY_COLUMNS = [
  'cases.id',
  'cases.case_number',
  'cases.status',
  'cases.version',
  'cases.urgency',
  'cases.kind',
  'cases.channel',
  'cases.category_code',
  'cases.subject',
  'cases.district_code',
  'cases.street_code',
  'cases.community_code',
  'cases.lead_unit_code',
  'cases.is_overdue',
  'cases.has_pending_extension',
  'cases.received_at',
  'cases.closed_at',
] as const;

type SummaryRow = {
  id: string;
  case_number: string;
  status: string;
  version: number;
  urgency: string;
  kind: string;
  channel: string;
  category_code: string;
  subject: string;
  district_code: string | null;
  street_code: string | null;
  community_code: string | null;
  lead_unit_code: string | null;
  is_overdue: boolean;
  has_pending_extension: boolean;
  received_at: Date;
  closed_at: Date | null;
};

function toSummary(r: SummaryRow): CaseSummary {
  return {
    id: r.id,
    caseNumber: r.case_number,
    status: r.status,
    version: r.version,
    urgency: r.urgency,
    kind: r.kind,
    channel: r.channel,
    categoryCode: r.category_code,
    subject: r.subject,
    districtCode: r.district_code,
    streetCode: r.street_code,
    communityCode: r.community_code,
    leadUnitCode: r.lead_unit_code,
    isOverdue: r.is_overdue,
    hasPendingExtension: r.has_pending_extension,
    receivedAt: r.received_at,
    closedAt: r.closed_at,
  };
}

/** A case is in scope when any unit that holds or held a part of it, or its location, lies in the subtree. */
export function inScope(scopePath: string): Expression<SqlBool> {
  if (scopePath === '/') return sql<SqlBool>`true`;
  return sql<SqlBool>`exists (select 1 from unnest(cases.unit_paths) as p(path) where p.path like ${`${escapeLike(scopePath)}%`})`;
}

export interface CaseSearch {
  scopePath: string;
  statuses?: string[];
  urgency?: string;
  categoryPrefix?: string;
  leadUnitCode?: string;
  streetCode?: string;
  isOverdue?: boolean;
  q?: string;
  receivedFrom?: Date;
  receivedTo?: Date;
  limit: number;
  offset: number;
}

export class CaseQueryRepository {
  constructor(private readonly db: Db) {}

  async search(f: CaseSearch, trx: Db = this.db): Promise<{ total: number; items: CaseSummary[] }> {
    let q = trx.selectFrom('cases').where(inScope(f.scopePath));
    if (f.statuses?.length) q = q.where('status', 'in', f.statuses);
    if (f.urgency) q = q.where('urgency', '=', f.urgency);
    if (f.categoryPrefix) q = q.where('category_code', 'like', `${escapeLike(f.categoryPrefix)}%`);
    if (f.leadUnitCode) q = q.where('lead_unit_code', '=', f.leadUnitCode);
    if (f.streetCode) q = q.where('street_code', '=', f.streetCode);
    if (f.isOverdue !== undefined) q = q.where('is_overdue', '=', f.isOverdue);
    if (f.q) q = q.where((eb) => eb.or([eb('subject', 'like', `%${escapeLike(f.q as string)}%`), eb('case_number', '=', f.q as string)]));
    if (f.receivedFrom) q = q.where('received_at', '>=', f.receivedFrom);
    if (f.receivedTo) q = q.where('received_at', '<', f.receivedTo);
    const [{ total } = { total: 0 }] = await q.select(sql<number>`count(*)::int`.as('total')).execute();
    const rows = await q.select(SUMMARY_COLUMNS).orderBy('received_at', 'desc').limit(f.limit).offset(f.offset).execute();
    return { total, items: rows.map(toSummary) };
  }

  /** A unit's inbox: to sign, in hand, due soon (a running clock of the unit ends before `soon`), overdue. */
  async inbox(unitCode: string, now: Date, soon: Date, limit: number, trx: Db = this.db) {
    const base = () => trx.selectFrom('cases').select(SUMMARY_COLUMNS);
    const toSign = await base()
      .where(sql<SqlBool>`${unitCode} = any(cases.pending_unit_codes)`)
      .orderBy('received_at')
      .limit(limit)
      .execute();
    const inHand = await base()
      .where(sql<SqlBool>`${unitCode} = any(cases.live_unit_codes)`)
      .where(sql<SqlBool>`not (${unitCode} = any(cases.pending_unit_codes))`)
      .orderBy('received_at')
      .limit(limit)
      .execute();
    const clockCases = (filter: 'soon' | 'overdue') =>
      base()
        .innerJoin('case_clocks', 'case_clocks.case_id', 'cases.id')
        .select(['case_clocks.key as clock_key', 'case_clocks.name as clock_name', 'case_clocks.due_at'])
        .where('case_clocks.owner_unit_code', '=', unitCode)
        .where('case_clocks.status', '=', 'running')
        .where((eb) => (filter === 'soon' ? eb.and([eb('case_clocks.due_at', '>', now), eb('case_clocks.due_at', '<=', soon)]) : eb('case_clocks.due_at', '<=', now)))
        .orderBy('case_clocks.due_at')
        .limit(limit)
        .execute();
    const withClock = (rows: Array<SummaryRow & { clock_key: string; clock_name: string; due_at: Date }>) =>
      rows.map((r) => ({ ...toSummary(r), clock: { key: r.clock_key, name: r.clock_name, dueAt: r.due_at } }));
    return {
      toSign: toSign.map(toSummary),
      inHand: inHand.map(toSummary),
      dueSoon: withClock(await clockCases('soon')),
      overdue: withClock(await clockCases('overdue')),
    };
  }

  /** What waits for a dispatcher: new cases, returns, disputes, feedback to review, extension requests. */
  async dispatchQueue(scopePath: string, limit: number, trx: Db = this.db) {
    const list = (where: (q: ReturnType<typeof base>) => ReturnType<typeof base>) =>
      where(base())
        .orderBy('received_at')
        .limit(limit)
        .execute()
        .then((r) => r.map(toSummary));
    const base = () => trx.selectFrom('cases').select(SUMMARY_COLUMNS).where(inScope(scopePath));
    return {
      toDispatch: await list((q) => q.where('status', '=', 'received')),
      returned: await list((q) => q.where('status', '=', 'returned')),
      disputed: await list((q) => q.where('status', '=', 'disputed')),
      awaitingReview: await list((q) => q.where('status', '=', 'feedback')),
      extensionRequests: await list((q) => q.where('has_pending_extension', '=', true)),
    };
  }

  /** Running clocks past due (overdue) and due within the window (near), per owner unit in scope. */
  async overdueBoard(scopePath: string, now: Date, soon: Date, trx: Db = this.db) {
    const prefix = `${escapeLike(scopePath)}%`;
    const rows = await trx
      .selectFrom('case_clocks')
      .innerJoin('units', 'units.code', 'case_clocks.owner_unit_code')
      .select([
        'case_clocks.owner_unit_code as unit_code',
        'units.name as unit_name',
        'units.class as unit_class',
        sql<number>`count(*) filter (where case_clocks.due_at <= ${now})::int`.as('overdue'),
        sql<number>`count(*) filter (where case_clocks.due_at > ${now} and case_clocks.due_at <= ${soon})::int`.as('near_due'),
      ])
      .where('case_clocks.status', '=', 'running')
      .where('case_clocks.due_at', '<=', soon)
      .where('case_clocks.owner_unit_path', 'like', prefix)
      .groupBy(['case_clocks.owner_unit_code', 'units.name', 'units.class'])
      .orderBy('overdue', 'desc')
      .execute();
    const clocks = await trx
      .selectFrom('case_clocks')
      .innerJoin('cases', 'cases.id', 'case_clocks.case_id')
      .select([
        'cases.id',
        'cases.case_number',
        'cases.subject',
        'cases.status',
        'case_clocks.key',
        'case_clocks.name',
        'case_clocks.owner_unit_code',
        'case_clocks.due_at',
        'case_clocks.escalated_at',
        'case_clocks.reminded_at',
      ])
      .where('case_clocks.status', '=', 'running')
      .where('case_clocks.due_at', '<=', soon)
      .where('case_clocks.owner_unit_path', 'like', prefix)
      .orderBy('case_clocks.due_at')
      .limit(200)
      .execute();
    return {
      units: rows.map((r) => ({ unitCode: r.unit_code, unitName: r.unit_name, unitClass: r.unit_class, overdue: r.overdue, nearDue: r.near_due })),
      clocks: clocks.map((c) => ({
        caseId: c.id,
        caseNumber: c.case_number,
        subject: c.subject,
        status: c.status,
        clockKey: c.key,
        clockName: c.name,
        ownerUnitCode: c.owner_unit_code,
        dueAt: c.due_at,
        isOverdue: c.due_at.getTime() <= now.getTime(),
        remindedAt: c.reminded_at,
        escalatedAt: c.escalated_at,
      })),
    };
  }
}
