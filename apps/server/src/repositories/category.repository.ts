// All SQL about the three-level category tree (一级/二级/三级).
import { type Kysely, type Selectable, sql } from 'kysely';
import type { CategoriesTable, Database } from '../db/schema';

type Db = Kysely<Database>;

export interface Category {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
  path: string;
  sortOrder: number;
  isActive: boolean;
}

function toCategory(row: Selectable<CategoriesTable>): Category {
  return {
    code: row.code,
    name: row.name,
    parentCode: row.parent_code,
    level: row.level,
    path: row.path,
    sortOrder: row.sort_order,
    isActive: row.is_active,
  };
}

export class CategoryRepository {
  constructor(private readonly db: Db) {}

  async listAll(opts: { includeInactive?: boolean } = {}, trx: Db = this.db): Promise<Category[]> {
    let q = trx.selectFrom('categories').selectAll();
    if (!opts.includeInactive) q = q.where('is_active', '=', true);
    const rows = await q.orderBy('level').orderBy('sort_order').orderBy('code').execute();
    return rows.map(toCategory);
  }

  async findByCode(code: string, trx: Db = this.db): Promise<Category | null> {
    const row = await trx.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toCategory(row) : null;
  }

  async findChild(parentCode: string | null, name: string, trx: Db = this.db): Promise<Category | null> {
    let q = trx.selectFrom('categories').selectAll().where('name', '=', name);
    q = parentCode === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parentCode);
    const row = await q.executeTakeFirst();
    return row ? toCategory(row) : null;
  }

  /** The next free child code under a parent: two digits per level (01, 0103, 010302). */
  async nextChildCode(parentCode: string | null, trx: Db = this.db): Promise<string> {
    let q = trx.selectFrom('categories').select(sql<string | null>`max(code)`.as('max'));
    q = parentCode === null ? q.where('parent_code', 'is', null) : q.where('parent_code', '=', parentCode);
    const { max } = await q.executeTakeFirstOrThrow();
    const last = max ? Number(max.slice(-2)) : 0;
    if (last >= 99) throw new Error(`category ${parentCode ?? 'root'} already has 99 children`);
    return `${parentCode ?? ''}${String(last + 1).padStart(2, '0')}`;
  }

  async countChildren(code: string, trx: Db = this.db): Promise<number> {
    const row = await trx
      .selectFrom('categories')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('parent_code', '=', code)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  async insert(c: Omit<Category, 'isActive'>, trx: Db = this.db): Promise<Category> {
    const row = await trx
      .insertInto('categories')
      .values({ code: c.code, name: c.name, parent_code: c.parentCode, level: c.level, path: c.path, sort_order: c.sortOrder })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toCategory(row);
  }

  async update(code: string, patch: { name?: string; sortOrder?: number; isActive?: boolean }, trx: Db = this.db): Promise<Category | null> {
    const row = await trx
      .updateTable('categories')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.sortOrder !== undefined ? { sort_order: patch.sortOrder } : {}),
        ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
        updated_at: sql`now()`,
      })
      .where('code', '=', code)
      .returningAll()
      .executeTakeFirst();
    return row ? toCategory(row) : null;
  }

  async delete(code: string, trx: Db = this.db): Promise<boolean> {
    const r = await trx.deleteFrom('categories').where('code', '=', code).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async count(trx: Db = this.db): Promise<number> {
    const row = await trx
      .selectFrom('categories')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    return row.n;
  }
}
