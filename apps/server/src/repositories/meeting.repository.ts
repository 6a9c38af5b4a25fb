// All SQL about deliberation meetings (议事会): the meeting row, its invitation list, agenda items
// and motions. Meetings and motions are saved with a version check, so two people entering the
// same vote cannot both win.
import type { AgendaItem, AgendaSourceType, Meeting, MeetingStatus, Motion, MotionStatus, ParticipantKind, VoteResult, VoteRules } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, MeetingAgendaItemsTable, MeetingMotionsTable, MeetingParticipantsTable, MeetingsTable } from '../db/schema';
import { escapeLike } from './unit.repository';
import { updateIfVersion } from './tx';

type Db = Kysely<Database>;

export interface StoredMeeting extends Meeting {
  communityPath: string;
  createdBy: string;
}

export interface Participant {
  id: number;
  meetingId: string;
  kind: ParticipantKind;
  name: string;
  organisation: string | null;
  unitCode: string | null;
  buildingLeadId: string | null;
  invitedAt: Date | null;
}

function toMeeting(r: Selectable<MeetingsTable>): StoredMeeting {
  return {
    id: r.id,
    communityCode: r.community_code,
    communityPath: r.community_path,
    title: r.title,
    scheduledAt: r.scheduled_at,
    place: r.place,
    chairName: r.chair_name,
    isChairResident: r.is_chair_resident,
    status: r.status as MeetingStatus,
    eligibleVoters: r.eligible_voters,
    voteRules: (r.vote_rules as VoteRules | null) ?? null,
    startedAt: r.started_at,
    closedAt: r.closed_at,
    cancelReason: r.cancel_reason,
    createdBy: r.created_by,
    version: r.version,
  };
}

function toItem(r: Selectable<MeetingAgendaItemsTable>): AgendaItem {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    position: r.position,
    sourceType: r.source_type as AgendaSourceType,
    sourceId: r.source_id,
    titleSnapshot: r.title_snapshot,
    linkedCaseIds: r.linked_case_ids,
    minutes: r.minutes,
    status: r.status as AgendaItem['status'],
    outcomeSummary: r.outcome_summary,
    concludedAt: r.concluded_at,
  };
}

function toParticipant(r: Selectable<MeetingParticipantsTable>): Participant {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    kind: r.kind as ParticipantKind,
    name: r.name,
    organisation: r.organisation,
    unitCode: r.unit_code,
    buildingLeadId: r.building_lead_id,
    invitedAt: r.invited_at,
  };
}

function toMotion(r: Selectable<MeetingMotionsTable>): Motion {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    agendaItemId: r.agenda_item_id,
    text: r.text,
    movedBy: r.moved_by,
    secondedBy: r.seconded_by,
    status: r.status as MotionStatus,
    result: (r.result as VoteResult | null) ?? null,
    movedAt: r.moved_at,
    decidedAt: r.decided_at,
    version: r.version,
  };
}

export interface MeetingFilter {
  scopePath: string;
  communityCode?: string;
  statuses?: readonly MeetingStatus[];
  from?: Date;
  limit: number;
  offset: number;
}

export class MeetingRepository {
  constructor(private readonly db: Db) {}

  async insert(m: StoredMeeting, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('meetings')
      .values({
        id: m.id,
        community_code: m.communityCode,
        community_path: m.communityPath,
        title: m.title,
        scheduled_at: m.scheduledAt,
        place: m.place,
        chair_name: m.chairName,
        is_chair_resident: m.isChairResident,
        status: m.status,
        eligible_voters: m.eligibleVoters,
        vote_rules: m.voteRules === null ? null : JSON.stringify(m.voteRules),
        created_by: m.createdBy,
        version: m.version,
      })
      .execute();
  }

  async find(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<StoredMeeting | null> {
    let q = trx.selectFrom('meetings').selectAll().where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? toMeeting(row) : null;
  }

  /** Saves a decided meeting if nobody changed it since `expectedVersion`; false otherwise. */
  async save(m: Meeting, expectedVersion: number, trx: Db = this.db): Promise<boolean> {
    return updateIfVersion(trx, 'meetings', m.id, expectedVersion, {
      title: m.title,
      scheduled_at: m.scheduledAt,
      place: m.place,
      chair_name: m.chairName,
      is_chair_resident: m.isChairResident,
      status: m.status,
      eligible_voters: m.eligibleVoters,
      vote_rules: m.voteRules === null ? null : JSON.stringify(m.voteRules),
      started_at: m.startedAt,
      closed_at: m.closedAt,
      cancel_reason: m.cancelReason,
      updated_at: sql`now()`,
      version: m.version,
    });
  }

  async list(f: MeetingFilter, trx: Db = this.db): Promise<{ total: number; items: StoredMeeting[] }> {
    let q = trx.selectFrom('meetings').where('community_path', 'like', `${escapeLike(f.scopePath)}%`);
    if (f.communityCode) q = q.where('community_code', '=', f.communityCode);
    if (f.statuses) q = f.statuses.length === 0 ? q.where(sql<boolean>`false`) : q.where('status', 'in', [...f.statuses]);
    if (f.from) q = q.where('scheduled_at', '>=', f.from);
    const [{ total } = { total: 0 }] = await q.select(sql<number>`count(*)::int`.as('total')).execute();
    const rows = await q.selectAll().orderBy('scheduled_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
    return { total, items: rows.map(toMeeting) };
  }

  // ── participants ──
  async addParticipants(meetingId: string, ps: Array<Omit<Participant, 'id' | 'meetingId' | 'invitedAt'>>, trx: Db = this.db): Promise<void> {
    if (ps.length === 0) return;
    await trx
      .insertInto('meeting_participants')
      .values(ps.map((p) => ({ meeting_id: meetingId, kind: p.kind, name: p.name, organisation: p.organisation, unit_code: p.unitCode, building_lead_id: p.buildingLeadId })))
      .onConflict((oc) => oc.columns(['meeting_id', 'building_lead_id']).where('building_lead_id', 'is not', null).doNothing())
      .execute();
  }

  async participants(meetingId: string, trx: Db = this.db): Promise<Participant[]> {
    const rows = await trx.selectFrom('meeting_participants').selectAll().where('meeting_id', '=', meetingId).orderBy('id').execute();
    return rows.map(toParticipant);
  }

  /** Marks the not-yet-invited participants invited; returns those it marked (each is invited once). */
  async markInvited(meetingId: string, at: Date, trx: Db = this.db): Promise<Participant[]> {
    const rows = await trx.updateTable('meeting_participants').set({ invited_at: at }).where('meeting_id', '=', meetingId).where('invited_at', 'is', null).returningAll().execute();
    return rows.map(toParticipant);
  }

  // ── agenda ──
  /** Adds an item at the end; an item with the same source already on the agenda is returned instead. */
  async addItem(item: Omit<AgendaItem, 'position'>, trx: Db = this.db): Promise<{ item: AgendaItem; isNew: boolean }> {
    if (item.sourceId !== null) {
      const existing = await trx
        .selectFrom('meeting_agenda_items')
        .selectAll()
        .where('meeting_id', '=', item.meetingId)
        .where('source_type', '=', item.sourceType)
        .where('source_id', '=', item.sourceId)
        .executeTakeFirst();
      if (existing) return { item: toItem(existing), isNew: false };
    }
    const row = await trx
      .insertInto('meeting_agenda_items')
      .values({
        id: item.id,
        meeting_id: item.meetingId,
        position: sql<number>`(select coalesce(max(position), 0) + 1 from meeting_agenda_items where meeting_id = ${item.meetingId})`,
        source_type: item.sourceType,
        source_id: item.sourceId,
        title_snapshot: item.titleSnapshot,
        linked_case_ids: item.linkedCaseIds,
        status: item.status,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { item: toItem(row), isNew: true };
  }

  async items(meetingId: string, trx: Db = this.db): Promise<AgendaItem[]> {
    const rows = await trx.selectFrom('meeting_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
    return rows.map(toItem);
  }

  async itemsOfMeetings(meetingIds: string[], trx: Db = this.db): Promise<AgendaItem[]> {
    if (meetingIds.length === 0) return [];
    const rows = await trx.selectFrom('meeting_agenda_items').selectAll().where('meeting_id', 'in', meetingIds).orderBy('meeting_id').orderBy('position').execute();
    return rows.map(toItem);
  }

  async findItem(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<AgendaItem | null> {
    let q = trx.selectFrom('meeting_agenda_items').selectAll().where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? toItem(row) : null;
  }

  async saveItem(item: AgendaItem, trx: Db = this.db): Promise<void> {
    await trx
      .updateTable('meeting_agenda_items')
      .set({ minutes: item.minutes, status: item.status, outcome_summary: item.outcomeSummary, concluded_at: item.concludedAt, linked_case_ids: item.linkedCaseIds })
      .where('id', '=', item.id)
      .execute();
  }

  // ── motions ──
  async insertMotion(m: Motion, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('meeting_motions')
      .values({
        id: m.id,
        meeting_id: m.meetingId,
        agenda_item_id: m.agendaItemId,
        text: m.text,
        moved_by: m.movedBy,
        seconded_by: m.secondedBy,
        status: m.status,
        result: m.result === null ? null : JSON.stringify(m.result),
        moved_at: m.movedAt,
        decided_at: m.decidedAt,
        version: m.version,
      })
      .execute();
  }

  async findMotion(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<Motion | null> {
    let q = trx.selectFrom('meeting_motions').selectAll().where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? toMotion(row) : null;
  }

  async saveMotion(m: Motion, expectedVersion: number, trx: Db = this.db): Promise<boolean> {
    return updateIfVersion(trx, 'meeting_motions', m.id, expectedVersion, {
      seconded_by: m.secondedBy,
      status: m.status,
      result: m.result === null ? null : JSON.stringify(m.result),
      decided_at: m.decidedAt,
      version: m.version,
    });
  }

  async motions(meetingId: string, trx: Db = this.db): Promise<Motion[]> {
    const rows = await trx.selectFrom('meeting_motions').selectAll().where('meeting_id', '=', meetingId).orderBy('moved_at').orderBy('id').execute();
    return rows.map(toMotion);
  }

  async motionsOfMeetings(meetingIds: string[], trx: Db = this.db): Promise<Motion[]> {
    if (meetingIds.length === 0) return [];
    const rows = await trx.selectFrom('meeting_motions').selectAll().where('meeting_id', 'in', meetingIds).orderBy('moved_at').execute();
    return rows.map(toMotion);
  }

  // ── measures ──
  /** Counts for a community's measures over [from, to). */
  async measureCounts(communityCode: string, from: Date, to: Date, trx: Db = this.db) {
    const held = await trx
      .selectFrom('meetings')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('community_code', '=', communityCode)
      .where('status', '=', 'closed')
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to)
      .executeTakeFirstOrThrow();
    const decided = await trx
      .selectFrom('meeting_agenda_items')
      .innerJoin('meetings', 'meetings.id', 'meeting_agenda_items.meeting_id')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('meetings.community_code', '=', communityCode)
      .where('meeting_agenda_items.status', '=', 'decided')
      .where('meeting_agenda_items.concluded_at', '>=', from)
      .where('meeting_agenda_items.concluded_at', '<', to)
      .executeTakeFirstOrThrow();
    // Cases located in the community and received in the period; of them, those linked to an
    // agenda item of a meeting that was held (closed).
    const cases = await trx
      .selectFrom('cases')
      .select([
        sql<number>`count(*)::int`.as('total'),
        sql<number>`count(*) filter (where exists (
          select 1 from meeting_agenda_items i join meetings m on m.id = i.meeting_id
          where m.status = 'closed' and cases.id = any(i.linked_case_ids)))::int`.as('deliberated'),
      ])
      .where('community_code', '=', communityCode)
      .where('received_at', '>=', from)
      .where('received_at', '<', to)
      .where('status', '!=', 'merged')
      .executeTakeFirstOrThrow();
    return { meetingsHeld: held.n, itemsDecided: decided.n, casesInCommunity: cases.total, casesDeliberated: cases.deliberated };
  }

  /** Follow-up work items of the community's motions due in [from, to), counted by how they ended (as of `asOf`). */
  async followUpCounts(communityCode: string, from: Date, to: Date, asOf: Date, trx: Db = this.db) {
    const r = await trx
      .selectFrom('work_items')
      .innerJoin('meeting_motions', (j) => j.on(sql<boolean>`meeting_motions.id::text = work_items.source_id`))
      .innerJoin('meetings', 'meetings.id', 'meeting_motions.meeting_id')
      .select([
        sql<number>`count(*)::int`.as('due'),
        sql<number>`count(*) filter (where work_items.status = 'done' and work_items.closed_at <= work_items.due_at)::int`.as('onTime'),
        sql<number>`count(*) filter (where work_items.status = 'done' and work_items.closed_at > work_items.due_at)::int`.as('late'),
        sql<number>`count(*) filter (where work_items.status in ('open', 'in_progress') and work_items.due_at < ${asOf})::int`.as('overdueOpen'),
      ])
      .where('work_items.kind', '=', 'meeting_followup')
      .where('work_items.source_type', '=', 'meeting_motion')
      .where('work_items.status', '!=', 'cancelled')
      .where('meetings.community_code', '=', communityCode)
      .where('work_items.due_at', '>=', from)
      .where('work_items.due_at', '<', to)
      .executeTakeFirstOrThrow();
    return { tasksDue: r.due, tasksDoneOnTime: r.onTime, tasksDoneLate: r.late, tasksOverdueOpen: r.overdueOpen };
  }

  /** Agenda items whose linked cases include any of these (for a case's "went to deliberation" view). */
  async itemsLinkedToCases(caseIds: string[], trx: Db = this.db): Promise<AgendaItem[]> {
    if (caseIds.length === 0) return [];
    const rows = await trx
      .selectFrom('meeting_agenda_items')
      .selectAll()
      .where(sql<boolean>`linked_case_ids && ${sql.val(caseIds)}::uuid[]`)
      .execute();
    return rows.map(toItem);
  }
}
