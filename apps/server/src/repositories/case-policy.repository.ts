// All SQL about the administrator's case policy (one row, absent while the defaults apply).
import type { CasePolicy } from '@jiesu/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { encodeJson, reviveJson } from './case-json';

type Db = Kysely<Database>;
export type StoredPolicy = Omit<CasePolicy, 'timeZone'>;

export class CasePolicyRepository {
  constructor(private readonly db: Db) {}

  async get(trx: Db = this.db): Promise<{ policy: StoredPolicy; updatedBy: string; updatedAt: Date } | null> {
    const row = await trx.selectFrom('case_policy').select(['policy', 'updated_by', 'updated_at']).executeTakeFirst();
    return row ? { policy: reviveJson<StoredPolicy>(row.policy), updatedBy: row.updated_by, updatedAt: row.updated_at } : null;
  }

  async put(policy: StoredPolicy, updatedBy: string, trx: Db = this.db): Promise<void> {
    const json = encodeJson(policy);
    await trx
      .insertInto('case_policy')
      .values({ policy: json, updated_by: updatedBy })
      .onConflict((oc) => oc.column('id').doUpdateSet({ policy: json, updated_by: updatedBy, updated_at: new Date() }))
      .execute();
  }
}
