// Read-side SQL for case lists and queues: search, a unit's inbox, the dispatch queue and the
// overdue board. Every query takes the actor's scope path ('/' for the centre); lists page by
// keyset (keyset.ts) and every ordering ends with the case id.
import { type CaseStatus, type PhoneSearchScope, pathCodes, type UnitClass } from '@jiesu/core';
import { type Expression, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/schema';
import { type CaseQueryTerms, caseQueryTerms } from '../search/case-search-terms';
import { cappedTotal, decodeCursor, encodeCursor } from './keyset';
import { escapeLike } from './unit.repository';

type Db = Kysely<Database>;

export interface CaseSummary {
  id: string;
  caseNumber: string;
  status: CaseStatus;
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
    // the decider wrote it: one of its statuses
    status: r.status as CaseStatus,
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

/**
 * A case is in scope when any unit that holds or held a part of it, or its location, lies in the
 * subtree: its scope_codes (every code on those units' paths, 0014) contain the subtree's root —
 * one GIN lookup instead of a prefix test on every path of every case.
 */
export function inScope(scopePath: string): Expression<SqlBool> {
  const code = pathCodes(scopePath).at(-1);
  if (code === undefined) return sql<SqlBool>`true`;
  return sql<SqlBool>`cases.scope_codes @> array[${code}]::text[]`;
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
  /** Which cases a phone number may find for this viewer (the core's phoneSearchScope). */
  phoneScope?: PhoneSearchScope;
  receivedFrom?: Date;
  receivedTo?: Date;
  limit: number;
  cursor?: string;
}

export type CaseMatch = 'caseNumber' | 'phone' | 'address' | 'words';

export interface CaseListPage {
  items: Array<CaseSummary & { matched?: CaseMatch[] }>;
  total: number;
  totalExact: boolean;
  nextCursor: string | null;
}

type Where = (qb: SelectQueryBuilder<Database, 'cases', object>) => SelectQueryBuilder<Database, 'cases', object>;

/** Address fragments shorter than a trigram cannot use the trigram index. */
const MIN_ADDRESS_CHARS = 3;

/**
 * The words' score without ts_rank: the text whole in the subject, then each of its words in the
 * subject, above a match in the detail or address only. Read from the subject column beside the
 * row, so ranking a match does not decompress its tsvector (ts_rank over every match was most of
 * a phrase search's time). Stays below a phone's and a case number's score.
 */
function wordsWeight(text: string, words: string[]): RawBuilder<number> {
  const inSubject = (w: string) => sql<number>`(case when cases.subject like ${`%${escapeLike(w)}%`} then 1 else 0 end)`;
  const perWord =
    words.length > 0
      ? sql.join(
          words.slice(0, 8).map((w) => sql`${inSubject(w)} * 60`),
          sql` + `,
        )
      : sql`0`;
  return sql<number>`(100 + ${inSubject(text)} * 300 + ${perWord})`;
}

/**
 * The pieces of a text query as SQL: the match condition, each match's flag and the ranking score.
 * `addressMayMatch` false drops the address fragment (a phrase of several words no address holds).
 */
function textQuery(t: CaseQueryTerms, phoneScope: PhoneSearchScope, addressMayMatch: boolean) {
  const flags: Array<{ match: CaseMatch; cond: RawBuilder<SqlBool>; weight: RawBuilder<number> }> = [];
  const numberConds: Array<RawBuilder<SqlBool>> = [];
  if (t.caseNumber) numberConds.push(sql<SqlBool>`cases.case_number = ${t.caseNumber}`);
  if (t.caseNumberSuffix) numberConds.push(sql<SqlBool>`cases.case_number like ${`%${escapeLike(t.caseNumberSuffix)}`}`);
  if (numberConds.length > 0) {
    const cond = sql<SqlBool>`(${sql.join(numberConds, sql` or `)})`;
    flags.push({ match: 'caseNumber', cond, weight: sql<number>`(case when ${cond} then 1000 else 0 end)` });
  }
  if (t.phone && phoneScope.kind !== 'none') {
    const cond =
      phoneScope.kind === 'all'
        ? sql<SqlBool>`cases.requester_phone = ${t.phone}`
        : sql<SqlBool>`(cases.requester_phone = ${t.phone} and not cases.is_requester_anonymous and cases.lead_unit_code = any(${phoneScope.leadUnitCodes}::text[]))`;
    flags.push({ match: 'phone', cond, weight: sql<number>`(case when ${cond} then 900 else 0 end)` });
  }
  // A case number or a run of digits is asked as a number (and a phone), not as address or words.
  const isNumeric = isNumericQuery(t);
  if (!isNumeric && addressMayMatch && Array.from(t.text).length >= MIN_ADDRESS_CHARS) {
    const cond = sql<SqlBool>`cases.address like ${`%${escapeLike(t.text)}%`}`;
    flags.push({ match: 'address', cond, weight: sql<number>`(case when ${cond} then 300 else 0 end)` });
  }
  if (t.words && !isNumeric) {
    const cond = sql<SqlBool>`cases.search_vector @@ ${sql`${t.words}::tsquery`}`;
    const weight = wordsWeight(t.text, t.wordList);
    // Words alone: every row found is a words match, so neither flag nor score asks the tsvector again.
    if (flags.length === 0) flags.push({ match: 'words', cond, weight });
    else flags.push({ match: 'words', cond, weight: sql<number>`(case when ${cond} then ${weight} else 0 end)` });
  }
  if (flags.length === 0) {
    // One character, or only punctuation: no index can answer; the subject is read within the scope.
    const cond = sql<SqlBool>`cases.subject like ${`%${escapeLike(t.text)}%`}`;
    flags.push({ match: 'words', cond, weight: sql<number>`100` });
  }
  const alone = flags.length === 1;
  return {
    where: sql<SqlBool>`(${sql.join(
      flags.map((f) => f.cond),
      sql` or `,
    )})`,
    score: sql<number>`(${sql.join(
      flags.map((f) => f.weight),
      sql` + `,
    )})`,
    // one kind of match: every row has it (no condition evaluated again per row)
    flagValues: alone ? [sql<boolean>`true`] : flags.map((f) => f.cond),
    flags,
  };
}

function isNumericQuery(t: CaseQueryTerms): boolean {
  return t.caseNumber !== null || /^[\d\s+()-]+$/.test(t.text);
}

/** Every match counted (the issue asks a search for its true total); only the index and the row's visibility are read. */
async function exactTotal(db: Db, base: SelectQueryBuilder<Database, 'cases', object>): Promise<{ total: number; totalExact: boolean }> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from (${base.select(sql<number>`1`.as('one'))}) c`.execute(db);
  return { total: rows[0]?.n ?? 0, totalExact: true };
}

const CURSOR_RECENT = 'r';
const CURSOR_RANKED = 's';

export class CaseQueryRepository {
  constructor(private readonly db: Db) {}

  /**
   * One page of the cases in scope that pass the filters: newest first, or with `q` ranked by how
   * they match (case number, phone, address, words) and then newest first. Keyset pages on
   * (score,) received_at, id; the total is exact up to EXACT_TOTAL_CAP, estimated beyond.
   */
  async search(f: CaseSearch, trx: Db = this.db): Promise<CaseListPage> {
    const filters: Where = (qb) => {
      let q = qb.where(inScope(f.scopePath));
      if (f.statuses?.length) q = q.where('cases.status', 'in', f.statuses);
      if (f.urgency) q = q.where('cases.urgency', '=', f.urgency);
      if (f.categoryPrefix) q = q.where('cases.category_code', 'like', `${escapeLike(f.categoryPrefix)}%`);
      if (f.leadUnitCode) q = q.where('cases.lead_unit_code', '=', f.leadUnitCode);
      if (f.streetCode) q = q.where('cases.street_code', '=', f.streetCode);
      if (f.isOverdue !== undefined) q = q.where('cases.is_overdue', '=', f.isOverdue);
      if (f.receivedFrom) q = q.where('cases.received_at', '>=', f.receivedFrom);
      if (f.receivedTo) q = q.where('cases.received_at', '<', f.receivedTo);
      return q;
    };
    const terms = f.q !== undefined && f.q.trim() !== '' ? caseQueryTerms(f.q) : null;
    const text = terms === null ? null : textQuery(terms, f.phoneScope ?? { kind: 'none' }, await this.addressMayMatch(terms, trx));
    const base = filters(trx.selectFrom('cases')).$if(text !== null, (q) => q.where(text!.where));

    let rows: Array<SummaryRow & { received_key: string; score: number; flags: boolean[]; match_count?: number }>;
    let totalP: Promise<{ total: number; totalExact: boolean }> | null = null;
    if (text === null) {
      // Newest first: a capped count beside the page.
      totalP = cappedTotal(this.db, base);
      let q = base.select([
        ...SUMMARY_COLUMNS,
        sql<string>`cases.received_at::text`.as('received_key'),
        sql<number>`0`.as('score'),
        sql<boolean[]>`array[]::boolean[]`.as('flags'),
      ]);
      if (f.cursor) {
        const [at, id] = decodeCursor(f.cursor, CURSOR_RECENT, [{ kind: 'timestamp' }, { kind: 'uuid' }]);
        q = q.where(sql<SqlBool>`(cases.received_at, cases.id) < (${at}::timestamptz, ${id}::uuid)`);
      }
      rows = await q
        .orderBy('cases.received_at', 'desc')
        .orderBy('cases.id', 'desc')
        .limit(f.limit + 1)
        .execute();
    } else {
      // Ranked by a text query, in one pass over the matches: each match's row is read once for a
      // narrow tuple (id, received_at, score, flags) and the true total is a window count over the
      // same tuples; only the page's rows are then read whole, by id. A phrase such as
      // 楼上装修噪声扰民 matches thousands of rows, one heap page each, so reading them once instead of
      // twice (the ranked page, then a separate count) is most of what can be saved.
      const matches = base.select([
        'cases.id',
        'cases.received_at',
        text.score.as('score'),
        sql<boolean[]>`array[${sql.join(text.flagValues)}]`.as('flags'),
        sql<number>`(count(*) over ())::int`.as('match_count'),
      ]);
      // The cursor applies outside the window, so the count stays that of every match.
      let top = trx.selectFrom(matches.as('m')).selectAll();
      if (f.cursor) {
        const [score, at, id] = decodeCursor(f.cursor, CURSOR_RANKED, [{ kind: 'int' }, { kind: 'timestamp' }, { kind: 'uuid' }]);
        top = top.where(sql<SqlBool>`(m.score, m.received_at, m.id) < (${score}::int, ${at}::timestamptz, ${id}::uuid)`);
      }
      top = top
        .orderBy('m.score', 'desc')
        .orderBy('m.received_at', 'desc')
        .orderBy('m.id', 'desc')
        .limit(f.limit + 1);
      rows = (await trx
        .selectFrom(top.as('t'))
        .innerJoin('cases', 'cases.id', 't.id')
        .select([...SUMMARY_COLUMNS, sql<string>`cases.received_at::text`.as('received_key'), 't.score', 't.flags', 't.match_count'])
        .orderBy('t.score', 'desc')
        .orderBy('t.received_at', 'desc')
        .orderBy('t.id', 'desc')
        .execute()) as typeof rows;
      // A cursor past the last match leaves no row to carry the count: count them apart.
      if (rows.length === 0 && f.cursor) totalP = exactTotal(this.db, base);
    }
    const page = rows.slice(0, f.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > f.limit && last
        ? text === null
          ? encodeCursor(CURSOR_RECENT, [last.received_key, last.id])
          : encodeCursor(CURSOR_RANKED, [last.score, last.received_key, last.id])
        : null;
    const { total, totalExact } = totalP !== null ? await totalP : { total: rows[0]?.match_count ?? 0, totalExact: true };
    return {
      items: page.map((r) => ({
        ...toSummary(r),
        ...(text !== null ? { matched: text.flags.filter((_, i) => r.flags[i] === true).map((x) => x.match) } : {}),
      })),
      total,
      totalExact,
      nextCursor,
    };
  }

  /**
   * Whether an address could hold the text: always for one word (花家地), and for a phrase of
   * several words only when some case's address does (one trigram-index probe), so a phrase such
   * as 楼上装修噪声扰民 is asked as words alone and its matches are not each tested twice.
   */
  private async addressMayMatch(t: CaseQueryTerms, trx: Db): Promise<boolean> {
    if (isNumericQuery(t) || t.wordList.length < 2 || Array.from(t.text).length < MIN_ADDRESS_CHARS) return true;
    const hit = await trx
      .selectFrom('cases')
      .select(sql<number>`1`.as('one'))
      .where(sql<SqlBool>`cases.address like ${`%${escapeLike(t.text)}%`}`)
      .limit(1)
      .executeTakeFirst();
    return hit !== undefined;
  }

  /** A unit's inbox: to sign, in hand, due soon (a running clock of the unit ends before `soon`), overdue. */
  async inbox(unitCode: string, now: Date, soon: Date, limit: number, trx: Db = this.db) {
    const base = () => trx.selectFrom('cases').select(SUMMARY_COLUMNS);
    const toSign = await base()
      .where(sql<SqlBool>`cases.pending_unit_codes @> array[${unitCode}]::text[]`)
      .orderBy('received_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const inHand = await base()
      .where(sql<SqlBool>`cases.live_unit_codes @> array[${unitCode}]::text[]`)
      .where(sql<SqlBool>`not (cases.pending_unit_codes @> array[${unitCode}]::text[])`)
      .orderBy('received_at')
      .orderBy('id')
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
        .orderBy('cases.id')
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
        .orderBy('id')
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
      units: rows.map((r) => ({ unitCode: r.unit_code, unitName: r.unit_name, unitClass: r.unit_class as UnitClass, overdue: r.overdue, nearDue: r.near_due })),
      clocks: clocks.map((c) => ({
        caseId: c.id,
        caseNumber: c.case_number,
        subject: c.subject,
        status: c.status as CaseStatus,
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
