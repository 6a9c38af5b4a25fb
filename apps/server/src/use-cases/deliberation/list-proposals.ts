// The proposals queue of the actor's area (console): most supported first, the proposer masked.
import {
  type Actor,
  allowedProposalActions,
  canRunDeliberation,
  DEFAULT_PROPOSAL_SUPPORT_THRESHOLD,
  isSupported,
  maskName,
  maskPhone,
  type ProposalAction,
  type ProposalStatus,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import type { StoredProposal } from '../../repositories/proposal.repository';
import { loadCommunity } from './community-scope';

export type ProposalView = Omit<StoredProposal, 'proposerPhone' | 'proposerName' | 'communityPath'> & {
  proposer: { name: string | null; phone: string };
  isSupported: boolean;
  allowedActions: ProposalAction[];
};

export function presentProposal(p: StoredProposal, canRun: boolean, threshold = DEFAULT_PROPOSAL_SUPPORT_THRESHOLD): ProposalView {
  const { proposerPhone, proposerName, communityPath: _path, ...rest } = p;
  return {
    ...rest,
    proposer: { name: proposerName === null ? null : maskName(proposerName), phone: maskPhone(proposerPhone) },
    isSupported: isSupported(p, threshold),
    allowedActions: canRun ? allowedProposalActions(p.status) : [],
  };
}

export async function listProposals(
  ctx: AppContext,
  opts: { actor: Actor; communityCode?: string; statuses?: ProposalStatus[]; limit?: number; offset?: number },
): Promise<{ total: number; items: ProposalView[] }> {
  if (opts.communityCode) await loadCommunity(ctx, opts.actor, opts.communityCode, 'read', 'query.communityCode');
  const page = await ctx.repos.proposals.list({
    scopePath: opts.actor.unitPath,
    ...(opts.communityCode ? { communityCode: opts.communityCode } : {}),
    ...(opts.statuses ? { statuses: opts.statuses } : {}),
    limit: opts.limit ?? 50,
    offset: opts.offset ?? 0,
  });
  return {
    total: page.total,
    items: page.items.map((p) => presentProposal(p, canRunDeliberation(opts.actor, { code: p.communityCode, path: p.communityPath, class: 'community' }))),
  };
}
