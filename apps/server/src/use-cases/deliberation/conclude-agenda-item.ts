// Concludes an agenda item (decided / no decision / deferred) with a summary. In one transaction:
// the item, one outbox message per linked case telling its requester the outcome (the payload
// names the case, never the person: the sender finds the requester when it delivers), and one to
// a proposal's proposer. After commit, each linked case gets a history entry through the case
// decider's 'note' command, by the actor when their unit works the case, otherwise by the system
// supervisor on their behalf; a case the decider refuses a note (finished ones) says why.
import { AGENDA_ITEM_STATUS_INFO, type Actor, type AgendaItem, concludeAgendaItem as decideConclusion, DomainError, isDomainError, type ItemConclusion } from '@jiesu/core';
import type { AppContext } from '../../context';
import { actOnCase } from '../cases/act-on-case';
import { systemActor } from '../cases/case-context';
import { loadMeeting } from './community-scope';

export const REQUESTER_OUTCOME_KIND = 'requester_outcome';
export const PROPOSER_OUTCOME_KIND = 'proposer_outcome';

export interface CaseNoteResult {
  caseId: string;
  caseNumber: string | null;
  isNoted: boolean;
  notedBy: string | null;
  refusedCode: string | null;
}

export async function concludeAgendaItem(
  ctx: AppContext,
  opts: { actor: Actor; meetingId: string; itemId: string; outcome: ItemConclusion; summary: string },
): Promise<{ item: AgendaItem; requestersTold: number; caseNotes: CaseNoteResult[] }> {
  const { item, meetingTitle } = await ctx.db.transaction().execute(async (trx) => {
    const m = await loadMeeting(ctx, opts.actor, opts.meetingId, 'run', trx);
    const current = await ctx.repos.meetings.findItem(opts.itemId, trx, { forUpdate: true });
    if (!current || current.meetingId !== m.id) throw new DomainError('AGENDA_ITEM_NOT_FOUND', `No item of this meeting has the id ${opts.itemId}.`, { field: 'params.itemId' });
    const passed = (await ctx.repos.meetings.motions(m.id, trx)).filter((x) => x.agendaItemId === current.id && x.status === 'passed').length;
    const next = decideConclusion(current, { outcome: opts.outcome, summary: opts.summary }, { now: ctx.now(), meetingStatus: m.status, passedMotionCount: passed });
    await ctx.repos.meetings.saveItem(next, trx);
    const payload = { meetingId: m.id, agendaItemId: next.id, meetingTitle: m.title, itemTitle: next.titleSnapshot, outcome: next.status, summary: next.outcomeSummary };
    await ctx.repos.notifications.enqueue(
      next.linkedCaseIds.map((caseId) => ({ caseId, kind: REQUESTER_OUTCOME_KIND, unitCode: null, payload })),
      trx,
    );
    if (next.sourceType === 'proposal' && next.sourceId) {
      await ctx.repos.notifications.enqueue(
        [{ caseId: null, subject: { type: 'proposal', id: next.sourceId }, kind: PROPOSER_OUTCOME_KIND, unitCode: null, payload: { ...payload, proposalId: next.sourceId } }],
        trx,
      );
    }
    await ctx.repos.audit.record(
      opts.actor,
      { action: 'meeting.item_conclude', targetType: 'meeting', targetId: m.id, data: { itemId: next.id, outcome: next.status, linkedCases: next.linkedCaseIds.length } },
      trx,
    );
    return { item: next, meetingTitle: m.title };
  });

  const note = `居民议事会「${meetingTitle}」议题「${item.titleSnapshot}」：${AGENDA_ITEM_STATUS_INFO[item.status].zh}。${item.outcomeSummary ?? ''}`;
  const caseNotes: CaseNoteResult[] = [];
  for (const caseId of item.linkedCaseIds) caseNotes.push(await noteCase(ctx, opts.actor, caseId, note));
  return { item, requestersTold: item.linkedCaseIds.length, caseNotes };
}

async function noteCase(ctx: AppContext, actor: Actor, caseId: string, note: string): Promise<CaseNoteResult> {
  const attempt = async (who: Actor, text: string, isSystem: boolean) => {
    const state = await actOnCase(ctx, { actor: who, caseId, command: { type: 'note', note: text }, isSystem });
    return { caseId, caseNumber: state.caseNumber, isNoted: true, notedBy: who.username, refusedCode: null };
  };
  try {
    return await attempt(actor, note, false);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    if (e.code === 'NOT_ASSIGNED_UNIT' || e.code === 'FORBIDDEN') {
      try {
        return await attempt(await systemActor(ctx), `${note}（由 ${actor.displayName} 记录）`, true);
      } catch (e2) {
        if (!isDomainError(e2)) throw e2;
        return { caseId, caseNumber: (await ctx.repos.cases.load(caseId))?.state.caseNumber ?? null, isNoted: false, notedBy: null, refusedCode: e2.code };
      }
    }
    return { caseId, caseNumber: (await ctx.repos.cases.load(caseId))?.state.caseNumber ?? null, isNoted: false, notedBy: null, refusedCode: e.code };
  }
}
