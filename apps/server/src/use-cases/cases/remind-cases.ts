// 批量催办: a supervisor or dispatcher reminds several cases from the case list. Each case on its own:
// loaded, scope-checked, the clock picked by the core (planBatchRemind), then the same decider and
// transaction as a single 催办 (actOnCase). One case's refusal never stops the others; every case
// gets its own result row.
import type { BATCH_REMIND_OUTCOMES } from '@jiesu/contracts';
import { type Actor, assertCaseInScope, DomainError, planBatchRemind } from '@jiesu/core';
import type { AppContext } from '../../context';
import { actOnCase } from './act-on-case';

export interface BatchRemindResult {
  caseId: string;
  caseNumber: string | null;
  outcome: (typeof BATCH_REMIND_OUTCOMES)[number];
  clockKey: string | null;
  code: string | null;
  message: string | null;
}

export async function remindCases(ctx: AppContext, opts: { actor: Actor; caseIds: readonly string[]; note?: string | null }) {
  const results: BatchRemindResult[] = [];
  for (const caseId of opts.caseIds) results.push(await remindOne(ctx, opts.actor, caseId, opts.note ?? null));
  const count = (o: BatchRemindResult['outcome']) => results.filter((r) => r.outcome === o).length;
  return { reminded: count('reminded'), alreadyReminded: count('already_reminded'), failed: count('failed'), results };
}

async function remindOne(ctx: AppContext, actor: Actor, caseId: string, note: string | null): Promise<BatchRemindResult> {
  let caseNumber: string | null = null;
  let clockKey: string | null = null;
  try {
    const stored = await ctx.repos.cases.load(caseId);
    if (!stored) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${caseId}.`, { caseId });
    assertCaseInScope(actor, stored.state, stored.locationPath);
    caseNumber = stored.state.caseNumber;
    const plan = planBatchRemind(stored.state, actor, ctx.now());
    if (plan.kind === 'nothing_to_remind') throw new DomainError('FORBIDDEN', `No running clock on case ${caseNumber} that you may remind.`, { action: 'remind' });
    clockKey = plan.clockKey;
    if (plan.kind === 'already_reminded') return { caseId, caseNumber, outcome: 'already_reminded', clockKey, code: null, message: null };
    // The version read above: a case that moved on in between is refused alone (VERSION_CONFLICT).
    await actOnCase(ctx, { actor, caseId, expectedVersion: stored.state.version, command: { type: 'remind', clockKey, note } });
    return { caseId, caseNumber, outcome: 'reminded', clockKey, code: null, message: null };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    // Outside the actor's scope reads as not found, as a single request would.
    if (e.code === 'CASE_NOT_FOUND' || e.code === 'OUT_OF_SCOPE') {
      return { caseId, caseNumber: null, outcome: 'failed', clockKey: null, code: 'CASE_NOT_FOUND', message: `No case with the id ${caseId} in your area.` };
    }
    return { caseId, caseNumber, outcome: 'failed', clockKey, code: e.code, message: e.message };
  }
}
