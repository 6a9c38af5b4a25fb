// The case policy in force: jiesu's defaults (docs/cases.md, Clocks) overlaid with what an administrator set,
// read from the database and cached briefly so every process picks up a change within seconds.
import { type CasePolicy, DEFAULT_CASE_POLICY } from '@jiesu/core';
import type { CasePolicyRepository } from '../repositories/case-policy.repository';

export class CasePolicyService {
  private cached: { policy: CasePolicy; at: number } | null = null;

  constructor(
    private readonly repo: CasePolicyRepository,
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
    const stored = await this.repo.get();
    const policy = stored ? { ...stored.policy, timeZone: this.timeZone } : this.defaults();
    this.cached = { policy, at: Date.now() };
    return policy;
  }

  async info(): Promise<{ policy: CasePolicy; isDefault: boolean; updatedBy: string | null; updatedAt: Date | null }> {
    const stored = await this.repo.get();
    return { policy: await this.get(), isDefault: !stored, updatedBy: stored?.updatedBy ?? null, updatedAt: stored?.updatedAt ?? null };
  }

  forget(): void {
    this.cached = null;
  }
}
