// 重复来电: the operator links the case just taken in to the caller's earlier, finished case from the
// caller history. The core says whether the link is allowed (checkRepeatLink: operators and
// dispatchers; the earlier case finished — an open one is merged instead); the link is one row
// per new case, audited, and the earlier case's lead unit is told the problem came back. Linking
// the same pair again answers the same link (a retried click changes nothing).
import { type Actor, checkRepeatLink, DomainError } from '@jiesu/core';
import type { AppContext } from '../../context';
import { loadCaseInScope } from './get-case';

export async function linkRepeatCall(ctx: AppContext, opts: { actor: Actor; caseId: string; earlierCaseId: string }) {
  const later = (await loadCaseInScope(ctx, opts.actor, opts.caseId)).state;
  const earlier = (await loadCaseInScope(ctx, opts.actor, opts.earlierCaseId)).state;
  checkRepeatLink(opts.actor, later, earlier);
  const answer = { caseId: later.id, caseNumber: later.caseNumber, repeatOf: { caseId: earlier.id, caseNumber: earlier.caseNumber, status: earlier.status } };
  const existing = await ctx.repos.caseRepeats.repeatOf(later.id);
  if (existing?.caseId === earlier.id) return answer;
  if (existing) {
    throw new DomainError('ALREADY_LINKED', `Case ${later.caseNumber} already repeats case ${existing.caseNumber}.`, { field: 'earlierCaseId', repeatOfCaseId: existing.caseId });
  }
  const leadUnitCode = earlier.assignments.filter((a) => a.role === 'lead').at(-1)?.unit.code ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    const isNew = await ctx.repos.caseRepeats.insert({ caseId: later.id, repeatOfCaseId: earlier.id, linkedBy: opts.actor.username }, trx);
    if (!isNew) throw new DomainError('ALREADY_LINKED', `Case ${later.caseNumber} was just linked by someone else; reload it.`, { field: 'earlierCaseId' });
    await ctx.repos.audit.record(
      opts.actor,
      {
        action: 'case.link_repeat',
        targetType: 'case',
        targetId: later.id,
        data: { caseNumber: later.caseNumber, repeatOfCaseId: earlier.id, repeatOfCaseNumber: earlier.caseNumber },
      },
      trx,
    );
    if (leadUnitCode !== null) {
      await ctx.repos.notifications.enqueue(
        [
          {
            caseId: earlier.id,
            kind: 'repeat_call',
            unitCode: leadUnitCode,
            payload: { caseId: earlier.id, caseNumber: earlier.caseNumber, repeatCaseId: later.id, repeatCaseNumber: later.caseNumber },
          },
        ],
        trx,
      );
    }
  });
  return answer;
}

/** What a case page shows: the case it repeats and the later calls that repeat it. */
export async function repeatLinks(ctx: AppContext, caseId: string) {
  const [repeatOf, repeatedBy] = await Promise.all([ctx.repos.caseRepeats.repeatOf(caseId), ctx.repos.caseRepeats.repeatedBy(caseId)]);
  const view = (l: { caseId: string; caseNumber: string; status: string; linkedAt: Date }) => ({
    caseId: l.caseId,
    caseNumber: l.caseNumber,
    status: l.status,
    linkedAt: l.linkedAt.toISOString(),
  });
  return { repeatOf: repeatOf ? view(repeatOf) : null, repeatedBy: repeatedBy.map(view) };
}
