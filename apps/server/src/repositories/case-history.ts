// A case's history rows as stored (migration 0033): partitioned by the case's receipt time, the
// actor's display name in its own column, attachments and data null when empty. What a timeline
// returns is the event as the decider wrote it (data carries actorDisplayName, as before).
import type { CaseHistoryEvent } from '@jiesu/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { HISTORY_FIELDS, mergeHistory, unpackArchive } from './case-archive';
import { encodeJson, reviveJson } from './case-json';

type Db = Kysely<Database>;

/** The row for one event, its JSON columns encoded (null when empty). */
export function historyInsertRow(e: CaseHistoryEvent, caseReceivedAt: Date) {
  return {
    case_id: e.caseId,
    case_received_at: caseReceivedAt,
    seq: e.seq,
    action: e.action,
    from_status: e.fromStatus,
    to_status: e.toStatus,
    actor_user_id: e.actor.userId,
    actor_username: e.actor.username,
    actor_display_name: e.actor.displayName,
    actor_unit_code: e.actor.unitCode,
    at: e.at,
    note: e.note,
    attachments: e.attachments.length > 0 ? encodeJson(e.attachments) : null,
    data: Object.keys(e.data).length > 0 ? encodeJson(e.data) : null,
  };
}

/** The columns of historyInsertRow, in its order (for a multi-row insert through jsonb_to_recordset). */
export const HISTORY_RECORD_COLUMNS = sql`case_id uuid, case_received_at timestamptz, seq int, action text, from_status text, to_status text, actor_user_id uuid,
  actor_username text, actor_display_name text, actor_unit_code text, at timestamptz, note text, attachments jsonb, data jsonb`;
export const HISTORY_COLUMN_NAMES = ['case_id', 'case_received_at', ...HISTORY_FIELDS] as const;

/** historyInsertRow as plain JSON (times as ISO text, JSON columns as values), for jsonb_to_recordset. */
export function historyRecord(e: CaseHistoryEvent, caseReceivedAt: Date) {
  const r = historyInsertRow(e, caseReceivedAt);
  return {
    ...r,
    case_received_at: caseReceivedAt.toISOString(),
    at: e.at.toISOString(),
    attachments: r.attachments === null ? null : (JSON.parse(r.attachments) as unknown),
    data: r.data === null ? null : (JSON.parse(r.data) as unknown),
  };
}

/**
 * One case's timeline, oldest first. The receipt time names the partition, so the read touches
 * one partition's primary-key index (EXPLAIN in docs/scaling.md).
 */
export function timelineQuery(db: Db, c: { id: string; receivedAt: Date }) {
  return db.selectFrom('case_history').selectAll().where('case_id', '=', c.id).where('case_received_at', '=', c.receivedAt).orderBy('seq');
}

/**
 * One case's timeline: its live rows, then its archived ones (case-archive.ts) — in that order, so
 * that an archiving pass committing between the two reads leaves an event in one or both, merged
 * by seq, never in neither.
 */
export async function readTimeline(db: Db, c: { id: string; receivedAt: Date }) {
  const live = await timelineQuery(db, c).execute();
  const archive = await db.selectFrom('case_archive').select('packed').where('case_id', '=', c.id).executeTakeFirst();
  const rows = archive ? mergeHistory(live, unpackArchive(archive.packed).history) : live;
  return rows.map((r) => ({
    seq: r.seq,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    at: r.at,
    actor: { userId: r.actor_user_id, username: r.actor_username, unitCode: r.actor_unit_code },
    note: r.note,
    attachments: r.attachments === null ? [] : reviveJson<unknown[]>(r.attachments),
    data: { ...(r.data === null ? {} : reviveJson<Record<string, unknown>>(r.data)), ...(r.actor_display_name === null ? {} : { actorDisplayName: r.actor_display_name }) },
  }));
}
