// The community opens a proposal for support, or answers it (declines, with the reason). Putting
// it on an agenda is add-agenda-item (the item and the proposal change together).
import { type Actor, assertCanRunDeliberation, decideProposal, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { versionConflict } from './community-scope';
import { PROPOSER_OUTCOME_KIND } from './conclude-agenda-item';
import { presentProposal, type ProposalView } from './list-proposals';

export async function actOnProposal(
  ctx: AppContext,
  opts: { actor: Actor; proposalId: string; command: { type: 'open' } | { type: 'answer'; answer: string }; expectedVersion?: number },
): Promise<ProposalView> {
  return ctx.db.transaction().execute(async (trx) => {
    const p = await ctx.repos.proposals.find(opts.proposalId, trx, { forUpdate: true });
    if (!p) throw new DomainError('PROPOSAL_NOT_FOUND', `No proposal has the id ${opts.proposalId}.`, { field: 'params.id' });
    assertCanRunDeliberation(opts.actor, { code: p.communityCode, path: p.communityPath, class: 'community' });
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== p.version) throw versionConflict('proposal', opts.expectedVersion, p.version);
    const next = decideProposal(p, opts.command, { now: ctx.now() });
    if (!(await ctx.repos.proposals.save(next, p.version, trx))) throw new DomainError('VERSION_CONFLICT', 'The proposal changed meanwhile; reload and try again.');
    if (next.status === 'answered') {
      await ctx.repos.notifications.enqueue(
        [
          {
            caseId: null,
            subject: { type: 'proposal', id: p.id },
            kind: PROPOSER_OUTCOME_KIND,
            unitCode: null,
            payload: { proposalId: p.id, outcome: 'answered', answer: next.answer },
          },
        ],
        trx,
      );
    }
    await ctx.repos.audit.record(opts.actor, { action: `proposal.${opts.command.type}`, targetType: 'proposal', targetId: p.id, data: { from: p.status, to: next.status } }, trx);
    return presentProposal({ ...p, ...next }, true);
  });
}
