// All SQL about cases: the aggregate row (state JSON + query columns), history, clocks, the daily
// number counter, the notification outbox and duty lists. Saving is one method so that state,
// history, clocks and outbox always commit together, guarded by the expected version.
// The stored document is the state without what the row holds elsewhere: its clocks are rows of
// case_clocks (the sweep and the boards ask them there, migration 0019), the fields that are also
// query columns (number, status, subject, location codes and address, times …) are read back from
// those columns, and empty lists and nulls are left out (migration 0031). Loading puts it all back,
// so the decider always gets the whole state.
import {
  type CaseClock,
  type CaseHistoryEvent,
  type CaseLocation,
  type CaseNotification,
  type CaseState,
  type ClockChange,
  DomainError,
  type DutyLists,
  liveAssignments,
  liveLead,
  involvedUnitPaths,
  pathCodes,
} from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { CasesTable, Database } from '../db/schema';

import { caseSearchVector, phoneDigits } from '../search/case-search-terms';
import { type ArchivedClockRow, isArchivedStub, mergeClocks, unpackArchive } from './case-archive';
import { encodeJson, reviveJson } from './case-json';
import { HISTORY_COLUMN_NAMES, HISTORY_RECORD_COLUMNS, historyInsertRow, historyRecord, readTimeline } from './case-history';

type Db = Kysely<Database>;

export interface StoredCase {
  state: CaseState;
  locationPath: string | null;
  idempotencyKey: string | null;
}

/** Query columns derived from the aggregate: one function, so they can never drift from it. */
function caseColumns(state: CaseState, locationPath: string | null) {
  const live = liveAssignments(state);
  const lead = liveLead(state);
  const paths = involvedUnitPaths(state, locationPath);
  return {
    status: state.status,
    version: state.version,
    channel: state.channel,
    kind: state.kind,
    category_code: state.categoryCode,
    urgency: state.urgency,
    subject: state.subject,
    district_code: state.location.districtCode,
    street_code: state.location.streetCode,
    community_code: state.location.communityCode,
    location_path: locationPath,
    lead_unit_code: lead?.unit.code ?? null,
    live_unit_codes: [...new Set(live.map((a) => a.unit.code))],
    pending_unit_codes: [...new Set(live.filter((a) => a.state === 'pending').map((a) => a.unit.code))],
    unit_paths: paths,
    scope_codes: [...new Set(paths.flatMap(pathCodes))],
    search_vector: caseSearchVector(state.subject, state.detail, state.location.address),
    requester_phone: phoneDigits(state.requester.phone),
    is_requester_anonymous: state.requester.isAnonymous,
    address: state.location.address,
    has_pending_extension: state.extensions.some((e) => e.decision === 'pending'),
    is_overdue: state.overdue.length > 0,
    parent_case_id: state.parent?.caseId ?? null,
    received_at: state.receivedAt,
    closed_at: state.closedAt,
    state: encodeJson(storedDocument(state)),
  };
}

/** Top-level fields of the state that may be null or an empty list: left out of the document when they are, put back on load. */
type EmptyableKey = {
  [K in keyof CaseState]-?: null extends CaseState[K] ? K : CaseState[K] extends readonly unknown[] ? K : never;
}[keyof CaseState];

/** Every emptyable field with its empty value ('list' or null); a new nullable or list field fails to compile until it is named here. */
const EMPTY: Record<Exclude<EmptyableKey, 'clocks' | 'closedAt'>, 'list' | null> = {
  attachments: 'list',
  answer: null,
  assignments: 'list',
  firstReceiverUnitCode: null,
  returns: 'list',
  disputes: 'list',
  contactedAt: null,
  whistles: 'list',
  extensions: 'list',
  feedbacks: 'list',
  visit: null,
  scoredPeriodKey: null,
  parent: null,
  children: 'list',
  overdue: 'list',
};
const EMPTY_KEYS = Object.keys(EMPTY) as Array<keyof typeof EMPTY>;

/** Fields the row's own columns hold (caseColumns writes them from the state with every save). */
type ColumnKey = 'id' | 'caseNumber' | 'version' | 'status' | 'channel' | 'kind' | 'categoryCode' | 'urgency' | 'subject' | 'receivedAt' | 'closedAt' | 'location';
const COLUMN_KEYS: readonly ColumnKey[] = ['id', 'caseNumber', 'version', 'status', 'channel', 'kind', 'categoryCode', 'urgency', 'subject', 'receivedAt', 'closedAt', 'location'];

/** What the `state` column holds: the state without its clocks, without the fields its columns hold (only non-null coordinates stay of the location), without nulls and empty lists. */
export function storedDocument(state: CaseState): Record<string, unknown> {
  const document: Record<string, unknown> = { ...state };
  delete document.clocks;
  for (const k of COLUMN_KEYS) delete document[k];
  const coordinates = state.location.coordinates;
  if (coordinates) document.location = { coordinates };
  for (const k of EMPTY_KEYS) {
    const v = state[k];
    if (v === null || (Array.isArray(v) && v.length === 0)) delete document[k];
  }
  return document;
}

/** The columns a state is rebuilt from, besides its document and clocks. */
export const STATE_COLUMNS = [
  'id',
  'case_number',
  'version',
  'status',
  'channel',
  'kind',
  'category_code',
  'urgency',
  'subject',
  'district_code',
  'street_code',
  'community_code',
  'address',
  'received_at',
  'closed_at',
  'state',
] as const;
export type StateRow = Pick<Selectable<CasesTable>, (typeof STATE_COLUMNS)[number]>;

/** What a state is rebuilt from besides its row: its clocks and, when the row keeps only the archive's stub, the archived document. */
export interface StateParts {
  clocks: CaseClock[];
  archivedDocument: Record<string, unknown> | null;
}

/** The whole state again: the stored document (the row's, or the archive's when the row keeps its stub), the fields its columns hold, the empty fields it left out, and its clocks. */
export function stateOfRow(row: StateRow, parts: StateParts | undefined): CaseState {
  const own = reviveJson<Record<string, unknown>>(row.state);
  let document = own;
  if (isArchivedStub(own)) {
    if (!parts?.archivedDocument) throw new Error(`case ${row.id}: its document is archived but the archive holds none`);
    document = reviveJson<Record<string, unknown>>(parts.archivedDocument);
  }
  for (const k of EMPTY_KEYS) if (document[k] === undefined) document[k] = EMPTY[k] === 'list' ? [] : null;
  const stored = document.location as { coordinates?: CaseLocation['coordinates'] } | undefined;
  const columns: Pick<CaseState, ColumnKey | 'clocks'> = {
    id: row.id,
    caseNumber: row.case_number,
    version: row.version,
    status: row.status as CaseState['status'],
    channel: row.channel as CaseState['channel'],
    kind: row.kind as CaseState['kind'],
    categoryCode: row.category_code,
    urgency: row.urgency as CaseState['urgency'],
    subject: row.subject,
    receivedAt: row.received_at,
    closedAt: row.closed_at,
    location: {
      address: row.address,
      coordinates: stored?.coordinates ?? null,
      districtCode: row.district_code,
      streetCode: row.street_code,
      communityCode: row.community_code,
    },
    clocks: parts?.clocks ?? [],
  };
  return { ...(document as Omit<CaseState, ColumnKey | 'clocks'>), ...columns };
}

/** The clock rows in the order the state keeps them: by (re)start, then key. */
const CLOCK_ORDER = ['started_at', 'key'] as const;

function clockOf(r: ArchivedClockRow): CaseClock {
  return {
    key: r.key,
    name: r.name as CaseClock['name'],
    ownerUnitCode: r.owner_unit_code,
    ownerUnitPath: r.owner_unit_path,
    startedAt: r.started_at,
    dueAt: r.due_at,
    remindAt: r.remind_at,
    status: r.status as CaseClock['status'],
    stoppedAt: r.stopped_at,
    remindedAt: r.reminded_at,
    escalatedAt: r.escalated_at,
  };
}

/**
 * What the states of several cases need besides their rows: their clocks from case_clocks, each
 * list in the state's order, merged with their archived ones, and their archived documents. Read
 * after the rows (see case-archive.ts), so a row already stubbed finds its document here.
 */
export async function loadStateParts(db: Db, caseIds: readonly string[]): Promise<Map<string, StateParts>> {
  const out = new Map<string, StateParts>();
  if (caseIds.length === 0) return out;
  let q = db
    .selectFrom('case_clocks')
    .selectAll()
    .where('case_id', 'in', [...new Set(caseIds)]);
  for (const c of CLOCK_ORDER) q = q.orderBy(c);
  const live = new Map<string, ArchivedClockRow[]>();
  for (const r of await q.execute()) live.set(r.case_id, [...(live.get(r.case_id) ?? []), r]);
  // Then the archived clocks (after the live read: see case-archive.ts), a live clock winning by key.
  const archived = await db
    .selectFrom('case_archive')
    .select(['case_id', 'packed'])
    .where('case_id', 'in', [...new Set(caseIds)])
    .execute();
  const packed = new Map(archived.map((a) => [a.case_id, unpackArchive(a.packed)]));
  for (const id of new Set([...live.keys(), ...packed.keys()])) {
    const fromArchive = packed.get(id);
    const merged = fromArchive ? mergeClocks(live.get(id) ?? [], fromArchive.clocks) : (live.get(id) ?? []);
    // The state's order (CLOCK_ORDER); SQL gave it already when nothing came from the archive.
    if (fromArchive) merged.sort((a, b) => a.started_at.getTime() - b.started_at.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    out.set(id, { clocks: merged.map(clockOf), archivedDocument: fromArchive?.document ?? null });
  }
  return out;
}

function clockRow(caseId: string, c: CaseClock) {
  return {
    case_id: caseId,
    key: c.key,
    name: c.name,
    owner_unit_code: c.ownerUnitCode,
    owner_unit_path: c.ownerUnitPath,
    started_at: c.startedAt,
    due_at: c.dueAt,
    remind_at: c.remindAt,
    status: c.status,
    stopped_at: c.stoppedAt,
    reminded_at: c.remindedAt,
    escalated_at: c.escalatedAt,
  };
}

function outboxRow(n: CaseNotification) {
  return { case_id: n.caseId, kind: n.kind, unit_code: 'unitCode' in n ? n.unitCode : null, payload: n as unknown };
}

/** Several changes to one clock in a decision: the last one wins. */
function lastPerKey(changes: ClockChange[]): CaseClock[] {
  const clocks = new Map<string, CaseClock>();
  for (const c of changes) clocks.set(c.clock.key, c.clock);
  return [...clocks.values()];
}

/** Rows split so that one statement stays well under PostgreSQL's 65,535 parameters. */
export function chunks<T>(rows: readonly T[], columns: number): T[][] {
  const size = Math.max(1, Math.floor(30_000 / Math.max(columns, 1)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export class CaseRepository {
  constructor(private readonly db: Db) {}

  /** Reserves the next `count` numbers of the day's sequence; returns the last one reserved. Its own statement, so the counter row is locked only for an instant. */
  async reserveDailySequence(dayKey: string, count: number, trx: Db = this.db): Promise<number> {
    const row = await trx
      .insertInto('case_number_counters')
      .values({ day: dayKey, last: count })
      .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`case_number_counters.last + ${count}` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    return row.last;
  }

  /** Locks the rows of several cases in one global order (by id), so two transactions never wait on each other crosswise. */
  async lockInOrder(ids: readonly string[], trx: Db = this.db): Promise<void> {
    if (ids.length === 0) return;
    await trx
      .selectFrom('cases')
      .select('id')
      .where('id', 'in', [...new Set(ids)].sort())
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  /** The hash of the intake an idempotency key first carried (null for cases from before 0013). */
  async idempotencyHashOf(caseId: string, trx: Db = this.db): Promise<string | null> {
    const row = await trx.selectFrom('cases').select('idempotency_hash').where('id', '=', caseId).executeTakeFirst();
    return row?.idempotency_hash ?? null;
  }

  async findIdByIdempotencyKey(key: string, trx: Db = this.db): Promise<string | null> {
    const row = await trx.selectFrom('cases').select('id').where('idempotency_key', '=', key).executeTakeFirst();
    return row?.id ?? null;
  }

  /**
   * Inserts a new case — the row, its first history rows, clocks, outbox messages and search
   * tokens — in ONE statement (data-modifying CTEs: atomic without BEGIN/COMMIT, one round trip).
   * Returns false when the idempotency key is already used; then nothing at all is written.
   */
  async insert(
    decision: { state: CaseState; events: CaseHistoryEvent[]; clocks: ClockChange[]; notifications: CaseNotification[] },
    opts: { locationPath: string | null; idempotencyKey: string | null; idempotencyHash?: string | null; tokens?: string[] },
    trx: Db = this.db,
  ): Promise<boolean> {
    const row: Record<string, unknown> = {
      id: decision.state.id,
      case_number: decision.state.caseNumber,
      idempotency_key: opts.idempotencyKey,
      idempotency_hash: opts.idempotencyHash ?? null,
      ...caseColumns(decision.state, opts.locationPath),
    };
    const columns = Object.keys(row);
    const history = JSON.stringify(decision.events.map((e) => historyRecord(e, decision.state.receivedAt)));
    const clocks = encodeJson(
      lastPerKey(decision.clocks).map((c) => {
        const r = clockRow(decision.state.id, c);
        const iso = (d: Date | null) => (d ? d.toISOString() : null);
        return {
          ...r,
          started_at: iso(r.started_at),
          due_at: iso(r.due_at),
          remind_at: iso(r.remind_at),
          stopped_at: iso(r.stopped_at),
          reminded_at: iso(r.reminded_at),
          escalated_at: iso(r.escalated_at),
        };
      }),
    );
    const outbox = encodeJson(decision.notifications.map(outboxRow));
    const result = await sql<{ inserted: number }>`
      with c as (
        insert into cases (${sql.join(columns.map((k) => sql.ref(k)))})
        values (${sql.join(columns.map((k) => row[k]))})
        on conflict (idempotency_key) do nothing
        returning id, street_code, received_at
      ),
      h as (
        insert into case_history (${sql.join(HISTORY_COLUMN_NAMES.map((k) => sql.ref(k)))})
        select ${sql.join(HISTORY_COLUMN_NAMES.map((k) => sql.ref(`x.${k}`)))}
        from jsonb_to_recordset(${history}::jsonb) as x(${HISTORY_RECORD_COLUMNS})
        where exists (select 1 from c)
      ),
      k as (
        insert into case_clocks (case_id, key, name, owner_unit_code, owner_unit_path, started_at, due_at, remind_at, status, stopped_at, reminded_at, escalated_at)
        select x.case_id, x.key, x.name, x.owner_unit_code, x.owner_unit_path, x.started_at, x.due_at, x.remind_at, x.status, x.stopped_at, x.reminded_at, x.escalated_at
        from jsonb_to_recordset(${clocks}::jsonb) as x(case_id uuid, key text, name text, owner_unit_code text, owner_unit_path text, started_at timestamptz,
          due_at timestamptz, remind_at timestamptz, status text, stopped_at timestamptz, reminded_at timestamptz, escalated_at timestamptz)
        where exists (select 1 from c)
      ),
      o as (
        insert into notification_outbox (case_id, kind, unit_code, payload)
        select x.case_id, x.kind, x.unit_code, x.payload
        from jsonb_to_recordset(${outbox}::jsonb) as x(case_id uuid, kind text, unit_code text, payload jsonb)
        where exists (select 1 from c)
      ),
      t as (
        insert into case_tokens (case_id, street_code, received_at, tokens)
        select id, street_code, received_at, ${opts.tokens ?? []}::text[] from c where ${opts.tokens !== undefined}
      )
      select count(*)::int as inserted from c`.execute(trx);
    return (result.rows[0]?.inserted ?? 0) === 1;
  }

  /**
   * Inserts many new cases at once (bulk loading: the simulator, imports), each with its history,
   * clocks, outbox messages and search tokens, in a few multi-row statements. A case whose
   * idempotency key is taken is left out with everything that belongs to it. Returns the ids
   * inserted. Run it inside a transaction so a failure leaves nothing half-written.
   */
  async insertMany(
    items: ReadonlyArray<{
      decision: { state: CaseState; events: CaseHistoryEvent[]; clocks: ClockChange[]; notifications: CaseNotification[] };
      locationPath: string | null;
      idempotencyKey: string | null;
      tokens?: string[];
    }>,
    trx: Db = this.db,
  ): Promise<Set<string>> {
    const inserted = new Set<string>();
    if (items.length === 0) return inserted;
    const rows = items.map((x) => ({
      id: x.decision.state.id,
      case_number: x.decision.state.caseNumber,
      idempotency_key: x.idempotencyKey,
      ...caseColumns(x.decision.state, x.locationPath),
    }));
    for (const part of chunks(rows, rows[0] ? Object.keys(rows[0]).length : 1)) {
      const ids = await trx
        .insertInto('cases')
        .values(part)
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .execute();
      for (const r of ids) inserted.add(r.id);
    }
    const kept = items.filter((x) => inserted.has(x.decision.state.id));
    const history = kept.flatMap((x) => x.decision.events.map((e) => historyInsertRow(e, x.decision.state.receivedAt)));
    const clocks = kept.flatMap((x) => lastPerKey(x.decision.clocks).map((c) => clockRow(x.decision.state.id, c)));
    const outbox = kept.flatMap((x) => x.decision.notifications.map((n) => ({ ...outboxRow(n), payload: encodeJson(n) })));
    const tokens = kept
      .filter((x) => x.tokens !== undefined)
      .map((x) => ({ case_id: x.decision.state.id, street_code: x.decision.state.location.streetCode, received_at: x.decision.state.receivedAt, tokens: x.tokens as string[] }));
    for (const part of chunks(history, HISTORY_COLUMN_NAMES.length)) await trx.insertInto('case_history').values(part).execute();
    for (const part of chunks(clocks, 12)) await trx.insertInto('case_clocks').values(part).execute();
    for (const part of chunks(outbox, 4)) await trx.insertInto('notification_outbox').values(part).execute();
    for (const part of chunks(tokens, 4)) await trx.insertInto('case_tokens').values(part).execute();
    return inserted;
  }

  /** The case with its clocks (the row first, locked when asked, then its clock rows in the same transaction). */
  async load(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<StoredCase | null> {
    let q = trx
      .selectFrom('cases')
      .select([...STATE_COLUMNS, 'location_path', 'idempotency_key'])
      .where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? this.#stored(id, row, trx) : null;
  }

  /** Locks the case row if no one else holds it; null when it is locked (a sweep then tries later). */
  async loadIfUnlocked(id: string, trx: Db): Promise<StoredCase | null> {
    const row = await trx
      .selectFrom('cases')
      .select([...STATE_COLUMNS, 'location_path', 'idempotency_key'])
      .where('id', '=', id)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    return row ? this.#stored(id, row, trx) : null;
  }

  async #stored(id: string, row: StateRow & { location_path: string | null; idempotency_key: string | null }, trx: Db): Promise<StoredCase> {
    const parts = await loadStateParts(trx, [id]);
    return { state: stateOfRow(row, parts.get(id)), locationPath: row.location_path, idempotencyKey: row.idempotency_key };
  }

  async findIdByNumber(caseNumber: string, trx: Db = this.db): Promise<string | null> {
    const row = await trx.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirst();
    return row?.id ?? null;
  }

  /**
   * Writes a decision on an existing case: the new state only if the stored version is still
   * `expectedVersion` (else VERSION_CONFLICT and nothing is written), then history, clocks, outbox.
   */
  async save(
    decision: { state: CaseState; events: CaseHistoryEvent[]; clocks: ClockChange[]; notifications: CaseNotification[] },
    opts: { expectedVersion: number; locationPath: string | null },
    trx: Db,
  ): Promise<void> {
    const result = await trx
      .updateTable('cases')
      .set({ ...caseColumns(decision.state, opts.locationPath), updated_at: sql`now()` })
      .where('id', '=', decision.state.id)
      .where('version', '=', opts.expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new DomainError('VERSION_CONFLICT', 'Someone else changed this case a moment ago; reload it and try again.', {
        caseId: decision.state.id,
        expectedVersion: opts.expectedVersion,
      });
    }
    await this.writeEffects(decision, trx);
  }

  private async writeEffects(decision: { state: CaseState; events: CaseHistoryEvent[]; clocks: ClockChange[]; notifications: CaseNotification[] }, trx: Db): Promise<void> {
    if (decision.events.length > 0) {
      await trx
        .insertInto('case_history')
        .values(decision.events.map((e) => historyInsertRow(e, decision.state.receivedAt)))
        .execute();
    }
    const clocks = lastPerKey(decision.clocks);
    if (clocks.length > 0) {
      await trx
        .insertInto('case_clocks')
        .values(clocks.map((c) => clockRow(decision.state.id, c)))
        .onConflict((oc) =>
          oc.columns(['case_id', 'key']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            owner_unit_code: eb.ref('excluded.owner_unit_code'),
            owner_unit_path: eb.ref('excluded.owner_unit_path'),
            started_at: eb.ref('excluded.started_at'),
            due_at: eb.ref('excluded.due_at'),
            remind_at: eb.ref('excluded.remind_at'),
            status: eb.ref('excluded.status'),
            stopped_at: eb.ref('excluded.stopped_at'),
            reminded_at: eb.ref('excluded.reminded_at'),
            escalated_at: eb.ref('excluded.escalated_at'),
          })),
        )
        .execute();
    }
    if (decision.notifications.length > 0) {
      await trx
        .insertInto('notification_outbox')
        .values(decision.notifications.map((n) => ({ ...outboxRow(n), payload: encodeJson(n) })))
        .execute();
    }
  }

  /** The case's timeline, oldest first (its receipt time names the history partition). */
  async history(c: { id: string; receivedAt: Date }, trx: Db = this.db) {
    return readTimeline(trx, c);
  }

  /**
   * Case ids with a clock to remind or escalate at `now`, oldest deadline first. Two questions,
   * each answered by its own partial index (an OR of both made the planner walk the wrong one).
   */
  async dueClockCaseIds(now: Date, limit: number, trx: Db = this.db): Promise<string[]> {
    const { rows } = await sql<{ case_id: string }>`
      select case_id from (
        (select case_id, due_at from case_clocks
          where status = 'running' and escalated_at is null and due_at <= ${now} order by due_at limit ${limit})
        union all
        (select case_id, due_at from case_clocks
          where status = 'running' and reminded_at is null and remind_at <= ${now} order by remind_at limit ${limit})
      ) due order by due_at limit ${limit}`.execute(trx);
    return [...new Set(rows.map((r) => r.case_id))];
  }

  async dutyListsFor(communityCodes: string[], trx: Db = this.db): Promise<DutyLists> {
    if (communityCodes.length === 0) return {};
    const rows = await trx.selectFrom('community_duty_lists').selectAll().where('community_code', 'in', communityCodes).execute();
    return Object.fromEntries(rows.map((r) => [r.community_code, r.category_prefixes]));
  }

  async putDutyList(communityCode: string, prefixes: string[], updatedBy: string, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('community_duty_lists')
      .values({ community_code: communityCode, category_prefixes: prefixes, updated_by: updatedBy })
      .onConflict((oc) => oc.column('community_code').doUpdateSet({ category_prefixes: prefixes, updated_by: updatedBy, updated_at: new Date() }))
      .execute();
  }

  async getDutyList(communityCode: string, trx: Db = this.db): Promise<string[] | null> {
    const row = await trx.selectFrom('community_duty_lists').select('category_prefixes').where('community_code', '=', communityCode).executeTakeFirst();
    return row?.category_prefixes ?? null;
  }
}
