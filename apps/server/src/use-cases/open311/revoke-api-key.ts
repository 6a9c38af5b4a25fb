// An administrator revokes a client's API key: from then on its requests are refused (403).
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ApiKey } from '../../repositories/open311.repository';
import { requireRole } from '../require';

export async function revokeApiKey(ctx: AppContext, opts: { actor: Actor; id: string }): Promise<ApiKey> {
  requireRole(opts.actor, 'administrator');
  return ctx.db.transaction().execute(async (trx) => {
    const revoked = await ctx.repos.open311.revokeKey(opts.id, opts.actor.username, ctx.now(), trx);
    if (!revoked) {
      const existing = await ctx.repos.open311.findKey(opts.id, trx);
      if (!existing) throw new DomainError('NOT_FOUND', `No API key has the id ${opts.id}.`, { id: opts.id });
      return existing; // already revoked: revoking again changes nothing
    }
    await ctx.repos.audit.record(opts.actor, { action: 'open311.key_revoked', targetType: 'open311_api_key', targetId: opts.id, data: { keyPrefix: revoked.keyPrefix } }, trx);
    return revoked;
  });
}
