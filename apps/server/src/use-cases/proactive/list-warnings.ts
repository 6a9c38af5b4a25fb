// A street's early warnings, newest first, with the community's and category's names.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { type ProactiveWarning, WARNING_STATUSES, type WarningStatus } from '../../repositories/proactive-warning.repository';
import { loadStreetAccess } from './proactive-access';

export type WarningView = ProactiveWarning & { communityName: string; categoryName: string };

export async function describeWarnings(ctx: AppContext, warnings: ProactiveWarning[]): Promise<WarningView[]> {
  const units = new Map((await ctx.repos.units.findByCodes([...new Set(warnings.map((w) => w.communityCode))])).map((u) => [u.code, u.name]));
  const categories = new Map<string, string>();
  for (const code of new Set(warnings.map((w) => w.categoryCode))) categories.set(code, (await ctx.repos.categories.findByCode(code))?.name ?? code);
  return warnings.map((w) => ({ ...w, communityName: units.get(w.communityCode) ?? w.communityCode, categoryName: categories.get(w.categoryCode) ?? w.categoryCode }));
}

export async function listWarnings(ctx: AppContext, opts: { actor: Actor; streetCode: string; status?: WarningStatus; limit?: number }): Promise<WarningView[]> {
  const access = await loadStreetAccess(ctx, opts.actor, opts.streetCode);
  if (opts.status !== undefined && !WARNING_STATUSES.includes(opts.status))
    throw new DomainError('VALIDATION_FAILED', `status must be one of ${WARNING_STATUSES.join(', ')}.`, { field: 'status' });
  const list = await ctx.repos.proactiveWarnings.list({
    streetCodes: [access.street.code],
    ...(opts.status ? { status: opts.status } : {}),
    ...(access.communityCode ? { communityCode: access.communityCode } : {}),
    limit: Math.min(opts.limit ?? 100, 500),
  });
  return describeWarnings(ctx, list);
}

export async function getWarning(
  ctx: AppContext,
  opts: { actor: Actor; id: string },
): Promise<WarningView & { cases: Array<{ id: string; caseNumber: string; subject: string; status: string; receivedAt: Date }> }> {
  const w = /^[0-9a-f-]{36}$/i.test(opts.id) ? await ctx.repos.proactiveWarnings.findById(opts.id) : null;
  if (!w) throw new DomainError('WARNING_NOT_FOUND', `No warning ${opts.id}.`, { field: 'id' });
  const access = await loadStreetAccess(ctx, opts.actor, w.streetCode);
  if (access.communityCode !== null && access.communityCode !== w.communityCode) throw new DomainError('OUT_OF_SCOPE', 'This warning is about another community.', { field: 'id' });
  const [view] = await describeWarnings(ctx, [w]);
  const cases = await ctx.repos.proactiveWarnings.caseSummaries(w.caseIds);
  return { ...(view as WarningView), cases };
}
