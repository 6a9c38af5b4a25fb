// All SQL about units (the organisation tree and the departments/enterprises beside it).
import type { Unit, UnitClass } from '@jiesu/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Database, UnitsTable } from '../db/schema';

type Db = Kysely<Database>;

export function toUnit(row: Selectable<UnitsTable>): Unit {
  return {
    code: row.code,
    name: row.name,
    class: row.class as UnitClass,
    kind: row.kind,
    parentCode: row.parent_code,
    path: row.path,
    isActive: row.is_active,
  };
}

export interface UnitListFilter {
  /** Only units at or below this path (the actor's scope). */
  scopePath: string;
  class?: UnitClass;
  parentCode?: string;
  /** Substring of the name. */
  q?: string;
  includeInactive?: boolean;
  limit: number;
  offset: number;
}

export class UnitRepository {
  constructor(private readonly db: Db) {}

  async findByCode(code: string, trx: Db = this.db): Promise<Unit | null> {
    const row = await trx.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toUnit(row) : null;
  }

  async findByCodes(codes: string[], trx: Db = this.db): Promise<Unit[]> {
    if (codes.length === 0) return [];
    const rows = await trx.selectFrom('units').selectAll().where('code', 'in', codes).execute();
    return rows.map(toUnit);
  }

  async list(filter: UnitListFilter, trx: Db = this.db): Promise<{ total: number; items: Unit[] }> {
    let q = trx.selectFrom('units').where('path', 'like', `${escapeLike(filter.scopePath)}%`);
    if (filter.class) q = q.where('class', '=', filter.class);
    if (filter.parentCode) q = q.where('parent_code', '=', filter.parentCode);
    if (filter.q) q = q.where('name', 'like', `%${escapeLike(filter.q)}%`);
    if (!filter.includeInactive) q = q.where('is_active', '=', true);
    const [{ total } = { total: 0 }] = await q.select(sql<number>`count(*)::int`.as('total')).execute();
    const rows = await q.selectAll().orderBy('path').limit(filter.limit).offset(filter.offset).execute();
    return { total, items: rows.map(toUnit) };
  }

  /** Active units per class within a subtree. */
  async countByClass(scopePath: string, trx: Db = this.db): Promise<Record<string, number>> {
    const rows = await trx
      .selectFrom('units')
      .select(['class', sql<number>`count(*)::int`.as('n')])
      .where('path', 'like', `${escapeLike(scopePath)}%`)
      .where('is_active', '=', true)
      .groupBy('class')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.class, r.n]));
  }

  async countChildren(code: string, trx: Db = this.db): Promise<number> {
    const row = await trx
      .selectFrom('units')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('parent_code', '=', code)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  /** Inserts units that do not exist yet (by code); returns how many were added. */
  async insertMissing(units: Unit[], trx: Db = this.db): Promise<number> {
    let added = 0;
    for (let i = 0; i < units.length; i += 500) {
      const batch = units.slice(i, i + 500);
      const result = await trx
        .insertInto('units')
        .values(
          batch.map((u) => ({
            code: u.code,
            name: u.name,
            class: u.class,
            kind: u.kind,
            parent_code: u.parentCode,
            path: u.path,
            is_active: u.isActive,
          })),
        )
        .onConflict((oc) => oc.column('code').doNothing())
        .executeTakeFirst();
      added += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return added;
  }

  async update(code: string, patch: { name?: string; kind?: string | null; isActive?: boolean }, trx: Db = this.db): Promise<Unit | null> {
    const row = await trx
      .updateTable('units')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
        updated_at: sql`now()`,
      })
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirst();
    return row ? toUnit(row) : null;
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
