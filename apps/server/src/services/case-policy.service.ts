// The case policy in force: jiesu's defaults (docs/cases.md, Clocks) overlaid with what an administrator set,
// read from the database and cached briefly so every process picks up a change within seconds.
import { type CasePolicy, CASE_POLICY_SETTING, DEFAULT_CASE_POLICY } from '@jiesu/core';
import type { SettingsStore } from '../settings/settings-store';

export class CasePolicyService {
  private cached: { policy: CasePolicy; at: number } | null = null;

  constructor(
    private readonly settings: SettingsStore,
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
    const stored = await this.settings.info(CASE_POLICY_SETTING);
    const policy = stored.isDefault ? this.defaults() : { ...stored.value, timeZone: this.timeZone };
    this.cached = { policy, at: Date.now() };
    return policy;
  }

  async info(): Promise<{ policy: CasePolicy; isDefault: boolean; updatedBy: string | null; updatedAt: Date | null }> {
    const stored = await this.settings.info(CASE_POLICY_SETTING);
    return { policy: await this.get(), isDefault: stored.isDefault, updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
  }

  forget(): void {
    this.cached = null;
  }
}
