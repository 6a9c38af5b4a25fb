// 居民提案: a resident proposes a matter for their community from the portal. Proven by a mobile
// number like a portal submission (same rate limit, per client); the identity stays confidential
// (never in a public view, masked in the console). A retried submission returns the first one.
import { randomUUID } from 'node:crypto';
import { DomainError, normalizeMobile, requireText } from '@jiesu/core';
import type { AppContext } from '../../context';
import { phoneHash } from './phone-hash';

export interface ProposalSubmission {
  communityCode: string;
  title: string;
  detail: string;
  name?: string | null;
  phone: string;
}

export async function submitProposal(
  ctx: AppContext,
  opts: { submission: ProposalSubmission },
): Promise<{ proposalId: string; status: string; submittedAt: Date; isNew: boolean }> {
  const s = opts.submission;
  const community = await ctx.repos.units.findByCode(s.communityCode);
  if (!community || community.class !== 'community' || !community.isActive)
    throw new DomainError('UNIT_NOT_FOUND', `没有编码为 ${s.communityCode} 的社区。No community has this code.`, { field: 'body.communityCode' });
  const phone = normalizeMobile(s.phone, 'body.phone');
  const { proposal, isNew } = await ctx.repos.proposals.insertOnce({
    id: randomUUID(),
    communityCode: community.code,
    communityPath: community.path,
    title: requireText(s.title, 'body.title', 100),
    detail: requireText(s.detail, 'body.detail', 2000),
    status: 'submitted',
    supportCount: 0,
    answer: null,
    agendaItemId: null,
    proposerName: s.name?.trim() || null,
    proposerPhone: phone,
    proposerPhoneHash: phoneHash(phone),
    submittedAt: ctx.now(),
    openedAt: null,
    answeredAt: null,
    version: 1,
  });
  return { proposalId: proposal.id, status: proposal.status, submittedAt: proposal.submittedAt, isNew };
}
