// All SQL about what residents submitted themselves: the link from a case to its Open311 token or
// portal tracking token, the listings the Open311 feed reads (joined with the case), the history
// rows the public may see, and residents' ratings.
import type { CaseState, VisitSatisfaction } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, PublicRequestsTable } from '../db/schema';
import { type ArchivedHistoryRow, unpackArchive } from './case-archive';
import { encodeJson, reviveJson } from './case-json';
import { loadStateParts, STATE_COLUMNS, stateOfRow } from './case.repository';

type Db = Kysely<Database>;

/** Who made the link: an Open311 client, the portal, or an operator who took a call (a tracking code only). */
export type PublicRequestSource = 'open311' | 'portal' | 'phone';

export interface PublicRequest {
  caseId: string;
  source: PublicRequestSource;
  serviceCode: string | null;
  token: string;
  apiKeyId: string | null;
  mediaUrl: string | null;
  addressId: string | null;
  attributes: Record<string, string | string[]>;
  createdAt: Date;
}

export interface PublicCase {
  request: PublicRequest;
  state: CaseState;
  updatedAt: Date;
}

export interface PublicRequestFilter {
  source: PublicRequestSource;
  caseNumbers?: string[];
  serviceCodes?: string[];
  statuses?: readonly string[];
  receivedFrom?: Date;
  receivedTo?: Date;
  limit: number;
  offset: number;
}

/** Archived cases read per page by the update feed. */
const ARCHIVE_PAGE = 200;

export interface HistoryRow {
  caseId: string;
  caseNumber: string;
  seq: number;
  action: string;
  toStatus: string;
  at: Date;
  note: string | null;
  actorUsername: string;
  data: Record<string, unknown>;
}

export interface CaseRating {
  caseId: string;
  satisfaction: VisitSatisfaction;
  comment: string | null;
  ratedAt: Date;
}

function toRequest(r: Selectable<PublicRequestsTable>): PublicRequest {
  return {
    caseId: r.case_id,
    source: r.source as PublicRequestSource,
    serviceCode: r.service_code,
    token: r.token,
    apiKeyId: r.api_key_id,
    mediaUrl: r.media_url,
    addressId: r.address_id,
    attributes: reviveJson<Record<string, string | string[]>>(r.attributes),
    createdAt: r.created_at,
  };
}

type NewPublicRequest = Omit<PublicRequest, 'createdAt'> & { trackingHash: string | null };

function toRow(r: NewPublicRequest) {
  return {
    case_id: r.caseId,
    source: r.source,
    service_code: r.serviceCode,
    token: r.token,
    api_key_id: r.apiKeyId,
    tracking_hash: r.trackingHash,
    media_url: r.mediaUrl,
    address_id: r.addressId,
    attributes: encodeJson(r.attributes),
  };
}

export class PublicRequestRepository {
  constructor(private readonly db: Db) {}

  async insert(r: NewPublicRequest, trx: Db = this.db): Promise<void> {
    await trx.insertInto('public_requests').values(toRow(r)).execute();
  }

  async findByToken(token: string, trx: Db = this.db): Promise<{ request: PublicRequest; caseNumber: string } | null> {
    const row = await trx
      .selectFrom('public_requests')
      .innerJoin('cases', 'cases.id', 'public_requests.case_id')
      .selectAll('public_requests')
      .select('cases.case_number')
      .where('public_requests.token', '=', token)
      .executeTakeFirst();
    return row ? { request: toRequest(row), caseNumber: row.case_number } : null;
  }

  /** When a case's 查询码 was issued and whether its SMS was queued; null when the case has none yet. */
  /** Inserts the case's row unless it has one already (a 查询码 issued by a concurrent request): whether it did. */
  async insertIfAbsent(r: NewPublicRequest, trx: Db = this.db): Promise<boolean> {
    const row = await trx
      .insertInto('public_requests')
      .values(toRow(r))
      .onConflict((oc) => oc.column('case_id').doNothing())
      .returning('case_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async findTrackingIssued(caseId: string, trx: Db = this.db): Promise<{ issuedAt: Date; isSmsQueued: boolean } | null> {
    const row = await trx
      .selectFrom('public_requests')
      .select((eb) => [
        'public_requests.created_at',
        eb
          .exists(
            eb
              .selectFrom('notification_outbox')
              .select(eb.lit(1).as('one'))
              .where('notification_outbox.case_id', '=', caseId)
              .where('notification_outbox.kind', '=', 'requester_tracking'),
          )
          .as('is_sms_queued'),
      ])
      .where('public_requests.case_id', '=', caseId)
      .where('public_requests.tracking_hash', 'is not', null)
      .orderBy('public_requests.created_at')
      .executeTakeFirst();
    return row ? { issuedAt: new Date(row.created_at), isSmsQueued: row.is_sms_queued === true } : null;
  }

  async findCaseIdByTrackingHash(hash: string, trx: Db = this.db): Promise<string | null> {
    const row = await trx.selectFrom('public_requests').select('case_id').where('tracking_hash', '=', hash).executeTakeFirst();
    return row?.case_id ?? null;
  }

  /** Publicly submitted cases with their link row, newest first. */
  async listCases(f: PublicRequestFilter, trx: Db = this.db): Promise<PublicCase[]> {
    let q = trx.selectFrom('public_requests').innerJoin('cases', 'cases.id', 'public_requests.case_id').where('public_requests.source', '=', f.source);
    if (f.caseNumbers?.length) q = q.where('cases.case_number', 'in', f.caseNumbers);
    if (f.serviceCodes?.length) q = q.where('public_requests.service_code', 'in', f.serviceCodes);
    if (f.statuses) q = f.statuses.length === 0 ? q.where(sql<boolean>`false`) : q.where('cases.status', 'in', [...f.statuses]);
    if (f.receivedFrom) q = q.where('cases.received_at', '>=', f.receivedFrom);
    if (f.receivedTo) q = q.where('cases.received_at', '<=', f.receivedTo);
    const rows = await q
      .selectAll('public_requests')
      .select([...STATE_COLUMNS.map((c) => `cases.${c}` as const), 'cases.updated_at'])
      .orderBy('cases.received_at', 'desc')
      .orderBy('cases.case_number', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute();
    const parts = await loadStateParts(
      trx,
      rows.map((r) => r.case_id),
    );
    return rows.map((r) => ({ request: toRequest(r), state: stateOfRow(r, parts.get(r.case_id)), updatedAt: r.updated_at }));
  }

  /** History rows of publicly submitted cases of one source written in [from, to], oldest first. */
  async historyBetween(f: { source: PublicRequestSource; from: Date; to: Date; limit: number }, trx: Db = this.db): Promise<HistoryRow[]> {
    const rows = await trx
      .selectFrom('case_history')
      .innerJoin('public_requests', 'public_requests.case_id', 'case_history.case_id')
      .innerJoin('cases', 'cases.id', 'case_history.case_id')
      .select([
        'case_history.case_id',
        'cases.case_number',
        'case_history.seq',
        'case_history.action',
        'case_history.to_status',
        'case_history.at',
        'case_history.note',
        'case_history.actor_username',
        'case_history.data',
      ])
      .where('public_requests.source', '=', f.source)
      .where('case_history.at', '>=', f.from)
      .where('case_history.at', '<=', f.to)
      .orderBy('case_history.at')
      .orderBy('case_history.seq')
      .limit(f.limit)
      .execute();
    const toRow = (
      r: { case_id: string; case_number: string } & Omit<ArchivedHistoryRow, 'from_status' | 'actor_user_id' | 'actor_display_name' | 'actor_unit_code' | 'attachments'>,
    ): HistoryRow => ({
      caseId: r.case_id,
      caseNumber: r.case_number,
      seq: r.seq,
      action: r.action,
      toStatus: r.to_status,
      at: r.at,
      note: r.note,
      actorUsername: r.actor_username,
      data: r.data === null ? {} : reviveJson<Record<string, unknown>>(r.data),
    });
    const out = new Map<string, HistoryRow>(rows.map((r) => [`${r.case_id}:${r.seq}`, toRow(r)]));
    // Archived cases of the source whose history overlaps the window (read after the live rows: see
    // case-archive.ts), by first event, until no later case can hold an event before the limit-th.
    const sorted = () => [...out.values()].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq).slice(0, f.limit);
    let after: { firstAt: Date; caseId: string } | null = null;
    for (;;) {
      let q = trx
        .selectFrom('case_archive')
        .innerJoin('public_requests', 'public_requests.case_id', 'case_archive.case_id')
        .innerJoin('cases', 'cases.id', 'case_archive.case_id')
        .select(['case_archive.case_id', 'cases.case_number', 'case_archive.first_at', 'case_archive.packed'])
        .where('public_requests.source', '=', f.source)
        .where('case_archive.last_at', '>=', f.from)
        .where('case_archive.first_at', '<=', f.to);
      if (after) {
        const a = after;
        q = q.where((eb) => eb.or([eb('case_archive.first_at', '>', a.firstAt), eb.and([eb('case_archive.first_at', '=', a.firstAt), eb('case_archive.case_id', '>', a.caseId)])]));
      }
      const page = await q.orderBy('case_archive.first_at').orderBy('case_archive.case_id').limit(ARCHIVE_PAGE).execute();
      // The limit-th time as the page starts: what the page adds can only move it earlier, so
      // stopping at a case that begins after it never stops too soon (one sort per page).
      const cutoff = sorted()[f.limit - 1]?.at ?? null;
      for (const a of page) {
        if (cutoff && a.first_at > cutoff) return sorted();
        for (const h of unpackArchive(a.packed).history) {
          if (h.at < f.from || h.at > f.to) continue;
          const key = `${a.case_id}:${h.seq}`;
          if (!out.has(key)) out.set(key, toRow({ ...h, case_id: a.case_id, case_number: a.case_number }));
        }
      }
      const end = page[page.length - 1];
      if (page.length < ARCHIVE_PAGE || !end) return sorted();
      after = { firstAt: end.first_at, caseId: end.case_id };
    }
  }

  /** Records a rating; false when the case already has one (one rating per case). */
  async insertRating(r: Omit<CaseRating, 'ratedAt'> & { ratedAt: Date }, trx: Db = this.db): Promise<boolean> {
    const row = await trx
      .insertInto('case_ratings')
      .values({ case_id: r.caseId, satisfaction: r.satisfaction, comment: r.comment, rated_at: r.ratedAt })
      .onConflict((oc) => oc.column('case_id').doNothing())
      .returning('case_id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async findRating(caseId: string, trx: Db = this.db): Promise<CaseRating | null> {
    const row = await trx.selectFrom('case_ratings').selectAll().where('case_id', '=', caseId).executeTakeFirst();
    return row ? { caseId: row.case_id, satisfaction: row.satisfaction as CaseRating['satisfaction'], comment: row.comment, ratedAt: row.rated_at } : null;
  }
}
