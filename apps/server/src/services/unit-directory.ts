// A read-through cache of units by code for the hot paths (intake location, dispatch targets).
// Units change rarely (an administrator renames or adds one); entries expire after a short time so
// other processes' edits show up, and this process's edits clear the cache at once.
import type { Unit } from '@jiesu/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { UnitRepository } from '../repositories/unit.repository';

export class UnitDirectory {
  private readonly entries = new Map<string, { unit: Unit | null; at: number }>();

  constructor(
    private readonly repo: UnitRepository,
    private readonly ttlMs = 30_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async find(code: string, trx?: Kysely<Database>): Promise<Unit | null> {
    const [u] = await this.findMany([code], trx);
    return u ?? null;
  }

  /** Units by code, in the order asked; unknown codes are left out. */
  async findMany(codes: readonly string[], trx?: Kysely<Database>): Promise<Unit[]> {
    const now = this.clock();
    const missing = [...new Set(codes)].filter((c) => {
      const e = this.entries.get(c);
      return !e || now - e.at > this.ttlMs;
    });
    if (missing.length > 0) {
      const found = await this.repo.findByCodes(missing, trx);
      const byCode = new Map(found.map((u) => [u.code, u]));
      for (const c of missing) this.entries.set(c, { unit: byCode.get(c) ?? null, at: now });
    }
    return codes.map((c) => this.entries.get(c)?.unit).filter((u): u is Unit => u !== null && u !== undefined);
  }

  /** Forget everything: called after this process changes a unit. */
  clear(): void {
    this.entries.clear();
  }
}
