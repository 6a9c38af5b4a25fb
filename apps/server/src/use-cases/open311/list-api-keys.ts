// The API keys issued to Open311 clients (never the keys themselves: only prefixes).
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ApiKey } from '../../repositories/open311.repository';
import { requireRole } from '../require';

export async function listApiKeys(ctx: AppContext, opts: { actor: Actor }): Promise<ApiKey[]> {
  requireRole(opts.actor, 'administrator');
  return ctx.repos.open311.listKeys();
}
