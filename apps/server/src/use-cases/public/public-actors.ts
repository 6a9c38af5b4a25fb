// Who acts when the public submits: the portal and each Open311 client act as a synthetic
// operator of the city centre. Why not a user row per client: a user row carries a password and
// could log in to the console, while a client holds only an API key that an administrator can
// revoke; the synthetic actor keeps the intake path identical (the same takeInCase, the same role
// check, the same history row) and each client stays traceable in history and audit by its
// username `open311:<key prefix>` and its key id as the user id.
import type { Actor } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { ApiKey } from '../../repositories/open311.repository';

/** A fixed id so history rows of the portal are recognisable (no users row has it). */
export const PORTAL_USER_ID = '00000000-0000-0000-0000-00000000f0a1';
export const PORTAL_USERNAME = 'portal';
export const OPEN311_USERNAME_PREFIX = 'open311:';

async function centre(ctx: AppContext): Promise<{ code: string; path: string }> {
  const c = (await ctx.repos.units.list({ scopePath: '/', class: 'centre', limit: 1, offset: 0 })).items[0];
  if (!c) throw new Error('no centre unit: seed the organisation first');
  return c;
}

export async function portalActor(ctx: AppContext): Promise<Actor> {
  const c = await centre(ctx);
  return { userId: PORTAL_USER_ID, username: PORTAL_USERNAME, displayName: '公众服务门户', unitCode: c.code, unitPath: c.path, unitClass: 'centre', roles: ['operator'] };
}

export async function open311Actor(ctx: AppContext, key: ApiKey): Promise<Actor> {
  const c = await centre(ctx);
  return {
    userId: key.id,
    username: `${OPEN311_USERNAME_PREFIX}${key.keyPrefix}`,
    displayName: `Open311 · ${key.clientName}`,
    unitCode: c.code,
    unitPath: c.path,
    unitClass: 'centre',
    roles: ['operator'],
  };
}

/** History rows written by the requester's own channel (their comments are public; staff notes are not). */
export function isRequesterActor(username: string): boolean {
  return username === PORTAL_USERNAME || username.startsWith(OPEN311_USERNAME_PREFIX);
}
