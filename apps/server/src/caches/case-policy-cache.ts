// The case policy in force: jiesu's defaults (docs/cases.md, Clocks) overlaid with what an administrator set,
// read from the settings store and cached for the cache TTL, so every process picks up a change within it.
import { type CasePolicy, CASE_POLICY_SETTING, DEFAULT_CASE_POLICY } from '@jiesu/core';
import type { SettingsStore } from '../settings/settings-store';
import { TtlCache } from './ttl-cache';

export class CasePolicyService {
  private readonly cache: TtlCache<'policy', CasePolicy>;
  private last: CasePolicy | null = null;

  constructor(
    private readonly settings: SettingsStore,
    private readonly timeZone: string,
    ttlMs = 10_000,
  ) {
    this.cache = new TtlCache(ttlMs, 1);
  }

  defaults(): CasePolicy {
    return { ...DEFAULT_CASE_POLICY, timeZone: this.timeZone };
  }

  /** The last policy loaded (defaults before the first load): for synchronous callers. */
  current(): CasePolicy {
    return this.last ?? this.defaults();
  }

  async get(): Promise<CasePolicy> {
    return this.cache.getOrLoad('policy', async () => {
      const stored = await this.settings.info(CASE_POLICY_SETTING);
      const policy = stored.isDefault ? this.defaults() : { ...stored.value, timeZone: this.timeZone };
      this.last = policy;
      return policy;
    });
  }

  async info(): Promise<{ policy: CasePolicy; isDefault: boolean; updatedBy: string | null; updatedAt: Date | null }> {
    const stored = await this.settings.info(CASE_POLICY_SETTING);
    return { policy: await this.get(), isDefault: stored.isDefault, updatedBy: stored.updatedBy, updatedAt: stored.updatedAt };
  }

  forget(): void {
    this.cache.clear();
  }
}
