// The case policy in force: jiesu's defaults (DESIGN §4) overlaid with what an administrator set,
// read from the database and cached briefly so every process picks up a change within seconds.
import { type CasePolicy, DEFAULT_CASE_POLICY } from '@jiesu/core';
import type { Kysely } from 'kysely';
import { reviveJson } from '../repositories/case-json';
import type { Database } from '../db/schema';

export class CasePolicyService {
  private cached: { policy: CasePolicy; at: number } | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly timeZone: string,
    private readonly ttlMs = 10_000,
  ) {}

  defaults(): CasePolicy {
    return { ...DEFAULT_CASE_POLICY, timeZone: this.timeZone };
  }

  /** The last policy loaded (defaults before the first load): for synchronous callers. */
  current(): CasePolicy {
    return this.cached?.policy ?? this.defaults();
  }

  async get(): Promise<CasePolicy> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return this.cached.policy;
    const row = await this.db.selectFrom('case_policy').select(['policy', 'updated_by', 'updated_at']).executeTakeFirst();
    const stored = row ? reviveJson<Omit<CasePolicy, 'timeZone'>>(row.policy) : null;
    const policy = stored ? { ...stored, timeZone: this.timeZone } : this.defaults();
    this.cached = { policy, at: Date.now() };
    return policy;
  }

  async info(): Promise<{ policy: CasePolicy; isDefault: boolean; updatedBy: string | null; updatedAt: Date | null }> {
    const row = await this.db.selectFrom('case_policy').select(['updated_by', 'updated_at']).executeTakeFirst();
    return { policy: await this.get(), isDefault: !row, updatedBy: row?.updated_by ?? null, updatedAt: row?.updated_at ?? null };
  }

  forget(): void {
    this.cached = null;
  }
}
