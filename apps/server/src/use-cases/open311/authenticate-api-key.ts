// The Open311 client behind an api_key, as the actor its requests are taken in by.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ApiKey } from '../../repositories/open311.repository';
import { open311Actor } from '../public/public-actors';
import { hashApiKey } from './api-key-hash';

export async function authenticateApiKey(ctx: AppContext, apiKey: string | undefined): Promise<{ key: ApiKey; actor: Actor }> {
  if (apiKey === undefined || apiKey.trim() === '') {
    throw new DomainError('VALIDATION_FAILED', 'api_key was not provided; ask the city for a key to submit requests.', { field: 'api_key' });
  }
  const key = await ctx.repos.open311.findActiveKeyByHash(hashApiKey(apiKey.trim()));
  if (!key) throw new DomainError('FORBIDDEN', 'api_key is not valid or has been revoked.', { field: 'api_key' });
  await ctx.repos.open311.touchKey(key.id, ctx.now());
  return { key, actor: await open311Actor(ctx, key) };
}
