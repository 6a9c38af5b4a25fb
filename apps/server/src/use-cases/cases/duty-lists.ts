// 社区职责清单 (准入): the categories a community may lead. Read by anyone in scope; set by administrators.
import { type Actor, assertInScope, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { requireRole } from '../require';

async function community(ctx: AppContext, actor: Actor, code: string) {
  const unit = await ctx.repos.units.findByCode(code);
  if (!unit || unit.class !== 'community') throw new DomainError('UNIT_NOT_FOUND', `${code} is not a community.`, { code });
  assertInScope(actor, unit.path);
  return unit;
}

export async function getDutyList(ctx: AppContext, opts: { actor: Actor; communityCode: string }) {
  await community(ctx, opts.actor, opts.communityCode);
  return { communityCode: opts.communityCode, categoryPrefixes: (await ctx.repos.cases.getDutyList(opts.communityCode)) ?? [] };
}

export async function putDutyList(ctx: AppContext, opts: { actor: Actor; communityCode: string; categoryPrefixes: string[] }) {
  requireRole(opts.actor, 'administrator');
  await community(ctx, opts.actor, opts.communityCode);
  const prefixes = [...new Set(opts.categoryPrefixes.map((p) => p.trim()).filter(Boolean))];
  await ctx.db.transaction().execute(async (trx) => {
    await ctx.repos.cases.putDutyList(opts.communityCode, prefixes, opts.actor.username, trx);
    ctx.intake.forgetDutyList(opts.communityCode);
    await ctx.repos.audit.record(opts.actor, { action: 'duty_list.put', targetType: 'unit', targetId: opts.communityCode, data: { categoryPrefixes: prefixes } }, trx);
  });
  return { communityCode: opts.communityCode, categoryPrefixes: prefixes };
}
