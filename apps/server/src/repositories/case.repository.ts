// All SQL about cases: the aggregate row (state JSON + query columns), history, clocks, the daily
// number counter, the notification outbox and duty lists. Saving is one method so that state,
// history, clocks and outbox always commit together, guarded by the expected version.
import {
  type CaseClock,
  type CaseHistoryEvent,
  type CaseNotification,
  type CaseState,
  type ClockChange,
  DomainError,
  type DutyLists,
  liveAssignments,
  liveLead,
} from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { CaseClocksTable, CasesTable, Database } from '../db/schema';
import { involvedUnitPaths } from '../use-cases/cases/case-scope';
import { encodeJson, reviveJson } from './case-json';

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
    unit_paths: involvedUnitPaths(state, locationPath),
    has_pending_extension: state.extensions.some((e) => e.decision === 'pending'),
    is_overdue: state.overdue.length > 0,
    parent_case_id: state.parent?.caseId ?? null,
    received_at: state.receivedAt,
    closed_at: state.closedAt,
    state: encodeJson(state),
  };
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

export interface ClockRow {
  caseId: string;
  key: string;
  name: string;
  ownerUnitCode: string;
  dueAt: Date;
  remindAt: Date;
  remindedAt: Date | null;
  escalatedAt: Date | null;
}

function toClockRow(r: Selectable<CaseClocksTable>): ClockRow {
  return {
    caseId: r.case_id,
    key: r.key,
    name: r.name,
    ownerUnitCode: r.owner_unit_code,
    dueAt: r.due_at,
    remindAt: r.remind_at,
    remindedAt: r.reminded_at,
    escalatedAt: r.escalated_at,
  };
}

export class CaseRepository {
  constructor(private readonly db: Db) {}

  /** Next number of the day's sequence; its own statement, so the counter row is locked only for an instant. */
  async nextDailySequence(dayKey: string, trx: Db = this.db): Promise<number> {
    const row = await trx
      .insertInto('case_number_counters')
      .values({ day: dayKey, last: 1 })
      .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`case_number_counters.last + 1` }))
      .returning('last')
      .executeTakeFirstOrThrow();
    return row.last;
  }

  async findIdByIdempotencyKey(key: string, trx: Db = this.db): Promise<string | null> {
    const row = await trx.selectFrom('cases').select('id').where('idempotency_key', '=', key).executeTakeFirst();
    return row?.id ?? null;
  }

  /** Inserts a new case with its first history rows and clocks; false when the idempotency key is already used. */
  async insert(
    decision: { state: CaseState; events: CaseHistoryEvent[]; clocks: ClockChange[]; notifications: CaseNotification[] },
    opts: { locationPath: string | null; idempotencyKey: string | null },
    trx: Db,
  ): Promise<boolean> {
    const inserted = await trx
      .insertInto('cases')
      .values({ id: decision.state.id, case_number: decision.state.caseNumber, idempotency_key: opts.idempotencyKey, ...caseColumns(decision.state, opts.locationPath) })
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    await this.writeEffects(decision, trx);
    return true;
  }

  async load(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<StoredCase | null> {
    let q = trx.selectFrom('cases').select(['state', 'location_path', 'idempotency_key']).where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? { state: reviveJson<CaseState>(row.state), locationPath: row.location_path, idempotencyKey: row.idempotency_key } : null;
  }

  /** Locks the case row if no one else holds it; null when it is locked (a sweep then tries later). */
  async loadIfUnlocked(id: string, trx: Db): Promise<StoredCase | null> {
    const row = await trx.selectFrom('cases').select(['state', 'location_path', 'idempotency_key']).where('id', '=', id).forUpdate().skipLocked().executeTakeFirst();
    return row ? { state: reviveJson<CaseState>(row.state), locationPath: row.location_path, idempotencyKey: row.idempotency_key } : null;
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

  private async writeEffects(
    decision: { state: CaseState; events: CaseHistoryEvent[]; clocks: ClockChange[]; notifications: CaseNotification[] },
    trx: Db,
  ): Promise<void> {
    if (decision.events.length > 0) {
      await trx
        .insertInto('case_history')
        .values(
          decision.events.map((e) => ({
            case_id: e.caseId,
            seq: e.seq,
            action: e.action,
            from_status: e.fromStatus,
            to_status: e.toStatus,
            actor_user_id: e.actor.userId,
            actor_username: e.actor.username,
            actor_unit_code: e.actor.unitCode,
            at: e.at,
            note: e.note,
            attachments: encodeJson(e.attachments),
            data: encodeJson({ ...e.data, actorDisplayName: e.actor.displayName }),
          })),
        )
        .execute();
    }
    // Several changes to one clock in a decision: the last one wins.
    const clocks = new Map<string, CaseClock>();
    for (const c of decision.clocks) clocks.set(c.clock.key, c.clock);
    if (clocks.size > 0) {
      await trx
        .insertInto('case_clocks')
        .values([...clocks.values()].map((c) => clockRow(decision.state.id, c)))
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
        .values(
          decision.notifications.map((n) => ({
            case_id: n.caseId,
            kind: n.kind,
            unit_code: 'unitCode' in n ? n.unitCode : null,
            payload: encodeJson(n),
          })),
        )
        .execute();
    }
  }

  async history(caseId: string, trx: Db = this.db) {
    const rows = await trx.selectFrom('case_history').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
    return rows.map((r) => ({
      seq: r.seq,
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      at: r.at,
      actor: { userId: r.actor_user_id, username: r.actor_username, unitCode: r.actor_unit_code },
      note: r.note,
      attachments: reviveJson<unknown[]>(r.attachments),
      data: reviveJson<Record<string, unknown>>(r.data),
    }));
  }

  /** Case ids with a clock to remind or escalate at `now`, oldest deadline first. */
  async dueClockCaseIds(now: Date, limit: number, trx: Db = this.db): Promise<string[]> {
    const rows = await trx
      .selectFrom('case_clocks')
      .select('case_id')
      .where('status', '=', 'running')
      .where((eb) =>
        eb.or([
          eb.and([eb('escalated_at', 'is', null), eb('due_at', '<=', now)]),
          eb.and([eb('reminded_at', 'is', null), eb('remind_at', '<=', now)]),
        ]),
      )
      .orderBy('due_at')
      .limit(limit)
      .execute();
    return [...new Set(rows.map((r) => r.case_id))];
  }

  async clocksOf(caseId: string, trx: Db = this.db): Promise<ClockRow[]> {
    const rows = await trx.selectFrom('case_clocks').selectAll().where('case_id', '=', caseId).orderBy('started_at').execute();
    return rows.map(toClockRow);
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

export type CaseRow = Selectable<CasesTable>;
