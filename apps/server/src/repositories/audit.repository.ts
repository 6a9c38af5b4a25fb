// The audit log: who did what to which record (administrative edits, unmasked views of requester
// identity, exemptions). Written in the same transaction as the change it records.
import type { Actor } from '@jiesu/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  data?: Record<string, unknown>;
}

export class AuditRepository {
  constructor(private readonly db: Db) {}

  async record(actor: Actor | null, entry: AuditEntry, trx: Db = this.db): Promise<void> {
    await trx
      .insertInto('audit_log')
      .values({
        actor_user_id: actor?.userId ?? null,
        actor_username: actor?.username ?? null,
        action: entry.action,
        target_type: entry.targetType,
        target_id: entry.targetId,
        data: JSON.stringify(entry.data ?? {}),
      })
      .execute();
  }
}
