// 附议: a neighbour supports an open proposal, proven by a mobile number; one support per phone
// per proposal (the table's key), so a retried request or a second try counts once.
import { assertSupportable, DomainError, normalizeMobile } from '@jiesu/core';
import type { AppContext } from '../../context';
import { phoneHash } from './phone-hash';

export async function supportProposal(ctx: AppContext, opts: { proposalId: string; phone: string }): Promise<{ supportCount: number; isNew: boolean }> {
  const phone = normalizeMobile(opts.phone, 'body.phone');
  return ctx.db.transaction().execute(async (trx) => {
    const p = await ctx.repos.proposals.find(opts.proposalId, trx, { forUpdate: true });
    if (!p || p.status === 'submitted') throw new DomainError('PROPOSAL_NOT_FOUND', '没有找到这条提案。No such proposal.', { field: 'params.id' });
    assertSupportable(p);
    const isNew = await ctx.repos.proposals.addSupport(p.id, phoneHash(phone), ctx.now(), trx);
    return { supportCount: p.supportCount + (isNew ? 1 : 0), isNew };
  });
}
