// A street's patrols and home visits, newest first (a community's staff see their community's).
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Patrol } from '../../repositories/patrol.repository';
import { loadStreetAccess } from './proactive-access';

export async function listPatrols(
  ctx: AppContext,
  opts: { actor: Actor; streetCode: string; communityCode?: string; zoneId?: string; from?: Date; to?: Date; limit?: number },
): Promise<Patrol[]> {
  const access = await loadStreetAccess(ctx, opts.actor, opts.streetCode);
  const communityCode = access.communityCode ?? opts.communityCode;
  return ctx.repos.patrols.list({
    streetCodes: [access.street.code],
    ...(communityCode ? { communityCode } : {}),
    ...(opts.zoneId ? { zoneId: opts.zoneId } : {}),
    ...(opts.from ? { from: opts.from } : {}),
    ...(opts.to ? { to: opts.to } : {}),
    limit: Math.min(opts.limit ?? 100, 500),
  });
}
