// The audit log: who did what to which record (administrative edits, unmasked views of requester
// identity, exemptions). Written in the same transaction as the change it records. Partitioned by
// month of `at` (migration 0034): the list always names a time window, so it reads only the
// months it shows, newest first, in keyset pages on (at, id).
import type { Actor } from '@jiesu/core';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema';
import { reviveJson } from './case-json';
import { cappedTotal } from './keyset';

type Db = Kysely<Database>;

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
}

export interface AuditFilter {
  /** Entries by actors of units in this subtree; null for everything, the system's own entries included (the centre). */
  scopePath: string | null;
  from: Date;
  to: Date;
  action?: string;
  targetType?: string;
  targetId?: string;
  actorUsername?: string;
}

export interface AuditRow {
  id: number;
  at: Date;
  /** `at` as PostgreSQL prints it (full microseconds), for the cursor */
  atKey: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorUnitPath: string | null;
  action: string;
  targetType: string;
  targetId: string;
  data: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  async record(actor: Actor | null, entry: AuditEntry, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({
        actor_user_id: actor?.userId ?? null,
        actor_username: actor?.username ?? null,
        actor_unit_path: actor?.unitPath ?? null,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        data: JSON.stringify(entry.data ?? {}),
      })
      .execute();
  }

  /** The list's rows before ordering and paging: the window (which names the partitions), scope and filters. */
  listQuery(f: AuditFilter, trx: Db = this.db) {
    let q = trx.selectFrom('audit_log').where('at', '>=', f.from).where('at', '<', f.to);
    if (f.scopePath !== null) q = q.where('actor_unit_path', 'like', `${f.scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (f.action !== undefined) q = q.where('action', '=', f.action);
    if (f.targetType !== undefined) q = q.where('target_type', '=', f.targetType);
    if (f.targetId !== undefined) q = q.where('target_id', '=', f.targetId);
    if (f.actorUsername !== undefined) q = q.where('actor_username', '=', f.actorUsername);
    return q;
  }

  /** One page, newest first, strictly after the cursor's (at, id) when given; reads `limit` rows. */
  pageQuery(f: AuditFilter, page: { limit: number; after: { at: string; id: number } | null }, trx: Db = this.db) {
    let q = this.listQuery(f, trx);
    if (page.after !== null) {
      const after = page.after;
      q = q.where(sql<boolean>`(at, id) < (${after.at}::timestamptz, ${after.id}::bigint)`);
    }
    return q
      .selectAll()
      .select(sql<string>`at::text`.as('at_key'))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit);
  }

  async page(f: AuditFilter, page: { limit: number; after: { at: string; id: number } | null }, trx: Db = this.db): Promise<AuditRow[]> {
    const rows = await this.pageQuery(f, page, trx).execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      atKey: r.at_key,
      actorUserId: r.actor_user_id,
      actorUsername: r.actor_username,
      actorUnitPath: r.actor_unit_path,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      data: reviveJson<Record<string, unknown>>(r.data),
    }));
  }

  async count(f: AuditFilter, trx: Db = this.db): Promise<{ total: number; totalExact: boolean }> {
    return cappedTotal(trx, this.listQuery(f, trx));
  }
}
