// An administrator stops offering a curated service (when none is left, every level-3 category is offered again).
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

export async function removeOpen311Service(ctx: AppContext, opts: { actor: Actor; serviceCode: string }): Promise<void> {
  requireRole(opts.actor, 'administrator');
  const removed = await ctx.repos.open311.deleteService(opts.serviceCode);
  if (!removed) throw new DomainError('NOT_FOUND', `No curated service has the code ${opts.serviceCode}.`);
  await ctx.repos.audit.record(opts.actor, { action: 'open311.service_removed', targetType: 'open311_service', targetId: opts.serviceCode, data: {} });
}
