// Residents find their community by name on the portal (active communities only, at most 20).
import { DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';

export async function findPublicCommunities(ctx: AppContext, opts: { q: string }): Promise<Array<{ code: string; name: string; streetName: string | null }>> {
  const q = opts.q.trim();
  if (q.length < 2) throw new DomainError('VALIDATION_FAILED', '请输入至少 2 个字。Type at least 2 characters.', { field: 'query.q' });
  const page = await ctx.repos.units.list({ scopePath: '/', class: 'community', q, limit: 20, offset: 0 });
  const streets = await ctx.repos.units.findByCodes([...new Set(page.items.flatMap((c) => (c.parentCode ? [c.parentCode] : [])))]);
  const names = new Map(streets.map((s) => [s.code, s.name]));
  return page.items.map((c) => ({ code: c.code, name: c.name, streetName: c.parentCode ? (names.get(c.parentCode) ?? null) : null }));
}
