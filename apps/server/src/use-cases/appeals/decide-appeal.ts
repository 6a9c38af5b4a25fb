// The centre's evaluator grants or refuses an appeal. Granting exempts the case (免考核): its
// fact row is marked exempt in the same transaction (or, if its visit is still to come, the fact
// is written exempt then), with an audit row for the decision and one for the exemption.
import { type Actor, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import type { Appeal } from '../../repositories/appeal.repository';
import { requireCentreEvaluator } from '../scoring/scoring-config';

export interface DecideAppealOptions {
  actor: Actor;
  appealId: string;
  decision: 'grant' | 'refuse';
  note: string;
}

export async function decideAppeal(ctx: AppContext, opts: DecideAppealOptions): Promise<Appeal> {
  requireCentreEvaluator(opts.actor, 'decide appeals');
  return ctx.db.transaction().execute(async (trx) => {
    const appeal = await ctx.repos.appeals.findById(opts.appealId, trx, { forUpdate: true });
    if (!appeal) throw new DomainError('APPEAL_NOT_FOUND', `No appeal has the id ${opts.appealId}.`, { appealId: opts.appealId });
    if (appeal.status !== 'pending') {
      throw new DomainError('APPEAL_ALREADY_DECIDED', `This appeal was already ${appeal.status}.`, { appealId: appeal.id, status: appeal.status });
    }
    const status = opts.decision === 'grant' ? 'granted' : 'refused';
    const note = opts.note.trim();
    const decided = await ctx.repos.appeals.decide(appeal.id, { status, by: { userId: opts.actor.userId, username: opts.actor.username }, at: ctx.now(), note }, trx);
    await ctx.repos.audit.record(
      opts.actor,
      { action: `appeal.${status === 'granted' ? 'grant' : 'refuse'}`, targetType: 'appeal', targetId: appeal.id, data: { caseId: appeal.caseId, note } },
      trx,
    );
    if (status === 'granted') {
      const hadFact = await ctx.repos.scoreFacts.setExempt(appeal.caseId, true, trx);
      await ctx.repos.audit.record(
        opts.actor,
        {
          action: 'scoring.exempt',
          targetType: 'case',
          targetId: appeal.caseId,
          data: { appealId: appeal.id, reason: appeal.reason, unitCode: appeal.unitCode, visitRecorded: hadFact },
        },
        trx,
      );
    }
    return decided;
  });
}
