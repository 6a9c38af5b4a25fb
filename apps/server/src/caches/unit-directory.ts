// A read-through cache of units by code for the hot paths (intake location, dispatch targets).
// Units change rarely (an administrator renames or adds one); entries expire after the cache TTL
// (JIESU_CACHE_TTL_SECONDS) so other processes' edits show up, and this process's edits clear the
// cache at once.
import type { Unit } from '@jiesu/core';
import type { Tx } from '../repositories/tx';
import type { UnitRepository } from '../repositories/unit.repository';
import { TtlCache } from './ttl-cache';

export class UnitDirectory {
  private readonly entries: TtlCache<string, Unit | null>;

  constructor(
    private readonly repo: UnitRepository,
    ttlMs = 30_000,
    clock: () => number = Date.now,
  ) {
    this.entries = new TtlCache(ttlMs, 50_000, clock);
  }

  async find(code: string, trx?: Tx): Promise<Unit | null> {
    const [u] = await this.findMany([code], trx);
    return u ?? null;
  }

  /** Units by code, in the order asked; unknown codes are left out. */
  async findMany(codes: readonly string[], trx?: Tx): Promise<Unit[]> {
    const missing = [...new Set(codes)].filter((c) => !this.entries.has(c));
    const loaded = new Map<string, Unit | null>();
    if (missing.length > 0) {
      const found = await this.repo.findByCodes(missing, trx);
      const byCode = new Map(found.map((u) => [u.code, u]));
      for (const c of missing) {
        const unit = byCode.get(c) ?? null;
        loaded.set(c, unit);
        this.entries.set(c, unit);
      }
    }
    return codes.map((c) => (loaded.has(c) ? loaded.get(c) : this.entries.get(c))).filter((u): u is Unit => u !== null && u !== undefined);
  }

  /** Forget everything: called after this process changes a unit. */
  clear(): void {
    this.entries.clear();
  }
}
