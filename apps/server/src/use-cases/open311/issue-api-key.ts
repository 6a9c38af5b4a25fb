// An administrator issues an API key to an Open311 client application; the key is returned once.
import { randomUUID } from 'node:crypto';
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ApiKey } from '../../repositories/open311.repository';
import { requireRole } from '../require';
import { newApiKey } from './api-key-hash';

export async function issueApiKey(ctx: AppContext, opts: { actor: Actor; clientName: string; contact?: string | null }): Promise<ApiKey & { apiKey: string }> {
  requireRole(opts.actor, 'administrator');
  const clientName = opts.clientName.trim();
  if (!clientName) throw new DomainError('VALIDATION_FAILED', 'Name the client application the key is for.', { field: 'body.clientName' });
  const { key, prefix, hash } = newApiKey();
  return ctx.db.transaction().execute(async (trx) => {
    const stored = await ctx.repos.open311.insertKey(
      { id: randomUUID(), clientName, keyHash: hash, keyPrefix: prefix, contact: opts.contact?.trim() || null, createdBy: opts.actor.username },
      trx,
    );
    await ctx.repos.audit.record(opts.actor, { action: 'open311.key_issued', targetType: 'open311_api_key', targetId: stored.id, data: { clientName, keyPrefix: prefix } }, trx);
    return { ...stored, apiKey: key };
  });
}
