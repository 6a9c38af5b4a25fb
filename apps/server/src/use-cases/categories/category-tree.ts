// Category use cases: read the tree (everyone), edit it (administrators), import a taxonomy.
import { type Actor, DomainError } from '@jiesu/core';
import type { CategoryPath } from '@jiesu/reference';
import type { AppContext } from '../../context';
import type { Category } from '../../repositories/category.repository';
import { requireRole } from '../require';
import type { Tx } from '../../repositories';

export interface CategoryNode extends Category {
  children: CategoryNode[];
}

export function buildTree(categories: Category[]): CategoryNode[] {
  const nodes = new Map<string, CategoryNode>();
  const roots: CategoryNode[] = [];
  for (const c of categories) nodes.set(c.code, { ...c, children: [] });
  for (const c of categories) {
    const node = nodes.get(c.code) as CategoryNode;
    const parent = c.parentCode ? nodes.get(c.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else if (!c.parentCode) roots.push(node);
  }
  return roots;
}

export async function listCategories(ctx: AppContext, opts: { includeInactive?: boolean }) {
  const all = await ctx.repos.categories.listAll({ includeInactive: opts.includeInactive ?? false });
  return { total: all.length, tree: buildTree(all) };
}

async function addCategory(ctx: AppContext, trx: Tx, name: string, parentCode: string | null, sortOrder: number): Promise<Category> {
  let parentPath = '/';
  let level = 1;
  if (parentCode !== null) {
    const parent = await ctx.repos.categories.findByCode(parentCode, trx);
    if (!parent) throw new DomainError('CATEGORY_NOT_FOUND', `No category has the code ${parentCode}.`, { field: 'parentCode' });
    if (parent.level >= 3) throw new DomainError('VALIDATION_FAILED', 'Categories have three levels; a level-3 category cannot have children.', { field: 'parentCode' });
    parentPath = parent.path;
    level = parent.level + 1;
  }
  if (await ctx.repos.categories.findChild(parentCode, name, trx)) {
    throw new DomainError('CONFLICT', `A category named ${name} already exists there.`, { field: 'name' });
  }
  const code = await ctx.repos.categories.nextChildCode(parentCode, trx);
  return ctx.repos.categories.insert({ code, name, parentCode, level, path: `${parentPath}${code}/`, sortOrder }, trx);
}

export async function createCategory(ctx: AppContext, opts: { actor: Actor; name: string; parentCode: string | null; sortOrder?: number }) {
  requireRole(opts.actor, 'administrator');
  return ctx.db.transaction().execute(async (trx) => {
    const c = await addCategory(ctx, trx, opts.name, opts.parentCode, opts.sortOrder ?? 0);
    await ctx.repos.audit.record(opts.actor, { action: 'category.create', targetType: 'category', targetId: c.code, data: { ...c } }, trx);
    return c;
  });
}

export async function updateCategory(ctx: AppContext, opts: { actor: Actor; code: string; patch: { name?: string; sortOrder?: number; isActive?: boolean } }) {
  requireRole(opts.actor, 'administrator');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await ctx.repos.categories.findByCode(opts.code, trx);
    if (!before) throw new DomainError('CATEGORY_NOT_FOUND', `No category has the code ${opts.code}.`, { code: opts.code });
    if (opts.patch.name !== undefined && opts.patch.name !== before.name) {
      const clash = await ctx.repos.categories.findChild(before.parentCode, opts.patch.name, trx);
      if (clash) throw new DomainError('CONFLICT', `A category named ${opts.patch.name} already exists there.`, { field: 'name' });
    }
    const after = (await ctx.repos.categories.update(opts.code, opts.patch, trx)) as Category;
    await ctx.repos.audit.record(opts.actor, { action: 'category.update', targetType: 'category', targetId: opts.code, data: { before, patch: opts.patch } }, trx);
    return after;
  });
}

export async function deleteCategory(ctx: AppContext, opts: { actor: Actor; code: string }) {
  requireRole(opts.actor, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    const before = await ctx.repos.categories.findByCode(opts.code, trx);
    if (!before) throw new DomainError('CATEGORY_NOT_FOUND', `No category has the code ${opts.code}.`, { code: opts.code });
    if ((await ctx.repos.categories.countChildren(opts.code, trx)) > 0) {
      throw new DomainError('CATEGORY_HAS_CHILDREN', `Category ${before.name} has children; delete or move them first, or deactivate it instead.`);
    }
    await ctx.repos.categories.delete(opts.code, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'category.delete', targetType: 'category', targetId: opts.code, data: { before } }, trx);
  });
}

/** Adds the paths of a taxonomy that are not in the tree yet; returns how many categories were added. */
export async function importCategoryPaths(ctx: AppContext, paths: CategoryPath[]): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    let added = 0;
    const codes = new Map<string, string>();
    const ensure = async (key: string, name: string, parent: string | null, order: number) => {
      const known = codes.get(key);
      if (known) return known;
      const existing = await ctx.repos.categories.findChild(parent, name, trx);
      const code = existing ? existing.code : (await addCategory(ctx, trx, name, parent, order)).code;
      if (!existing) added++;
      codes.set(key, code);
      return code;
    };
    let order = 0;
    for (const p of paths) {
      order++;
      const c1 = await ensure(p.level1, p.level1, null, order);
      const c2 = await ensure(`${p.level1}›${p.level2}`, p.level2, c1, order);
      await ensure(`${p.level1}›${p.level2}›${p.level3}`, p.level3, c2, order);
    }
    return added;
  });
}
