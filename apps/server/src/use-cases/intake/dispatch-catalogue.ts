// The dispatch catalogue (派单目录) behind category and lead suggestions: read by operators,
// dispatchers and administrators; replaced as a whole list by administrators, checked by the core
// validator against the current category tree (errors name the field, e.g.
// body.entries[4].categoryPath), audited with what changed, and the cached reference reloaded.
import { type Actor, DISPATCH_CATALOGUE_SETTING, type DispatchEntry, type RoutingTarget, validateDispatchCatalogue } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { RuleSource } from '../../caches/intake-cache';
import { requireRole } from '../require';
import { asBodyField } from '../body-field';

/** An entry as plain JSON (the core types it read-only), with the code its path resolves to. */
export type PlainEntry = Omit<DispatchEntry, 'categoryPath' | 'keywords' | 'excludes' | 'coHandlers'> & {
  categoryPath: string[];
  keywords: string[];
  excludes?: string[];
  coHandlers?: RoutingTarget[];
  categoryCode: string | null;
};

export interface CatalogueView {
  source: RuleSource;
  updatedBy: string | null;
  entries: PlainEntry[];
}

const plain = (entries: readonly DispatchEntry[], codeOf: (path: readonly string[]) => string | null): PlainEntry[] =>
  entries.map(({ categoryPath, keywords, excludes, coHandlers, ...rest }) => ({
    ...rest,
    categoryPath: [...categoryPath],
    keywords: [...keywords],
    ...(excludes ? { excludes: [...excludes] } : {}),
    ...(coHandlers ? { coHandlers: [...coHandlers] } : {}),
    categoryCode: codeOf(categoryPath),
  }));

export async function getDispatchCatalogue(ctx: AppContext, opts: { actor: Actor }): Promise<CatalogueView> {
  requireRole(opts.actor, 'administrator', 'operator', 'dispatcher');
  const ref = await ctx.intake.reference();
  const stored = await ctx.settings.info(DISPATCH_CATALOGUE_SETTING);
  return { source: ref.catalogueSource, updatedBy: stored.updatedBy, entries: plain(ref.catalogue, ref.codeOfPath) };
}

export async function putDispatchCatalogue(ctx: AppContext, opts: { actor: Actor; entries: DispatchEntry[] }): Promise<CatalogueView> {
  requireRole(opts.actor, 'administrator');
  const ref = await ctx.intake.reference();
  asBodyField(() => validateDispatchCatalogue(opts.entries, ref.codeOfPath));
  const before = new Map(ref.catalogue.map((e) => [e.id, canonical(e)]));
  const after = new Set(opts.entries.map((e) => e.id));
  const changes = {
    count: opts.entries.length,
    added: opts.entries.filter((e) => !before.has(e.id)).map((e) => e.id),
    changed: opts.entries.filter((e) => before.has(e.id) && before.get(e.id) !== canonical(e)).map((e) => e.id),
    removed: [...before.keys()].filter((id) => !after.has(id)),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.settings.set(DISPATCH_CATALOGUE_SETTING, opts.entries, opts.actor, trx);
    await ctx.repos.audit.record(opts.actor, { action: 'intake.dispatch_catalogue.put', targetType: 'settings', targetId: DISPATCH_CATALOGUE_SETTING.key, data: changes }, trx);
  });
  ctx.intake.reloadReference();
  return { source: 'administrator', updatedBy: opts.actor.username, entries: plain(opts.entries, ref.codeOfPath) };
}

/** JSON with object keys sorted, so the same entry written in another key order compares equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
