// All SQL about residents' proposals (居民提案) and their supports. The proposer's phone is kept
// for the community to call back and hashed for de-duplication; supports keep only a phone hash.
// One support per phone per proposal is the primary key, so a retried request counts once.
import type { Proposal, ProposalStatus } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, ProposalsTable } from '../db/schema';
import { escapeLike } from './unit.repository';

type Db = Kysely<Database>;

export interface StoredProposal extends Proposal {
  communityPath: string;
  proposerName: string | null;
  proposerPhone: string;
}

function toProposal(r: Selectable<ProposalsTable>): StoredProposal {
  return {
    id: r.id,
    communityCode: r.community_code,
    communityPath: r.community_path,
    title: r.title,
    detail: r.detail,
    status: r.status as ProposalStatus,
    supportCount: r.support_count,
    answer: r.answer,
    agendaItemId: r.agenda_item_id,
    proposerName: r.proposer_name,
    proposerPhone: r.proposer_phone,
    submittedAt: r.submitted_at,
    openedAt: r.opened_at,
    answeredAt: r.answered_at,
    version: r.version,
  };
}

export interface ProposalFilter {
  scopePath: string;
  communityCode?: string;
  statuses?: readonly ProposalStatus[];
  limit: number;
  offset: number;
}

export class ProposalRepository {
  constructor(private readonly db: Db) {}

  /** Inserts a proposal; a retried submission (same community, phone, title) returns the first one. */
  async insertOnce(p: StoredProposal & { proposerPhoneHash: string }, trx: Db = this.db): Promise<{ proposal: StoredProposal; isNew: boolean }> {
    const row = await trx
      .insertInto('proposals')
      .values({
        id: p.id,
        community_code: p.communityCode,
        community_path: p.communityPath,
        title: p.title,
        detail: p.detail,
        status: p.status,
        support_count: 0,
        proposer_name: p.proposerName,
        proposer_phone: p.proposerPhone,
        proposer_phone_hash: p.proposerPhoneHash,
        submitted_at: p.submittedAt,
        version: p.version,
      })
      .onConflict((oc) => oc.columns(['community_code', 'proposer_phone_hash', 'title']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) return { proposal: toProposal(row), isNew: true };
    const existing = await trx
      .selectFrom('proposals')
      .selectAll()
      .where('community_code', '=', p.communityCode)
      .where('proposer_phone_hash', '=', p.proposerPhoneHash)
      .where('title', '=', p.title)
      .executeTakeFirstOrThrow();
    return { proposal: toProposal(existing), isNew: false };
  }

  async find(id: string, trx: Db = this.db, opts: { forUpdate?: boolean } = {}): Promise<StoredProposal | null> {
    let q = trx.selectFrom('proposals').selectAll().where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    return row ? toProposal(row) : null;
  }

  async save(p: Proposal, expectedVersion: number, trx: Db = this.db): Promise<boolean> {
    const r = await trx
      .updateTable('proposals')
      .set({ status: p.status, answer: p.answer, agenda_item_id: p.agendaItemId, opened_at: p.openedAt, answered_at: p.answeredAt, version: p.version })
      .where('id', '=', p.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async list(f: ProposalFilter, trx: Db = this.db): Promise<{ total: number; items: StoredProposal[] }> {
    let q = trx.selectFrom('proposals').where('community_path', 'like', `${escapeLike(f.scopePath)}%`);
    if (f.communityCode) q = q.where('community_code', '=', f.communityCode);
    if (f.statuses) q = f.statuses.length === 0 ? q.where(sql<boolean>`false`) : q.where('status', 'in', [...f.statuses]);
    const [{ total } = { total: 0 }] = await q.select(sql<number>`count(*)::int`.as('total')).execute();
    const rows = await q.selectAll().orderBy('support_count', 'desc').orderBy('submitted_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute();
    return { total, items: rows.map(toProposal) };
  }

  /** Records one support; false when this phone already supported it. The count moves only on a new row. */
  async addSupport(proposalId: string, phoneHash: string, at: Date, trx: Db): Promise<boolean> {
    const row = await trx
      .insertInto('proposal_supports')
      .values({ proposal_id: proposalId, phone_hash: phoneHash, supported_at: at })
      .onConflict((oc) => oc.columns(['proposal_id', 'phone_hash']).doNothing())
      .returning('proposal_id')
      .executeTakeFirst();
    if (!row) return false;
    await trx
      .updateTable('proposals')
      .set({ support_count: sql`support_count + 1` })
      .where('id', '=', proposalId)
      .execute();
    return true;
  }

  /** Proposals submitted in [from, to) and how many of them were answered or put on an agenda. */
  async measureCounts(communityCode: string, from: Date, to: Date, trx: Db = this.db): Promise<{ received: number; answered: number }> {
    const r = await trx
      .selectFrom('proposals')
      .select([sql<number>`count(*)::int`.as('received'), sql<number>`count(*) filter (where status in ('answered', 'on_agenda'))::int`.as('answered')])
      .where('community_code', '=', communityCode)
      .where('submitted_at', '>=', from)
      .where('submitted_at', '<', to)
      .executeTakeFirstOrThrow();
    return r;
  }
}
