// A case as a user may see it: requester masked unless the viewer is entitled (the centre's case
// staff, the lead unit's handler); every unmasked view writes an audit row. It carries the actions
// the viewer may take now and the clocks they may remind or escalate, from the core's guards, so
// the console shows exactly those and re-states no rule.
import { HTTP_CASE_ACTIONS, type HttpCaseAction } from '@jiesu/contracts';
import {
  type Actor,
  allowedActions,
  assertCaseInScope,
  type CaseAttachment,
  type CaseState,
  type CaseStatus,
  DomainError,
  presentCaseRequester,
  supervisableClocks,
} from '@jiesu/core';
import type { AppContext } from '../../context';

export async function loadCaseInScope(ctx: AppContext, actor: Actor, caseId: string) {
  const stored = await ctx.repos.cases.load(caseId);
  if (!stored) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${caseId}.`, { caseId });
  assertCaseInScope(actor, stored.state, stored.locationPath);
  return stored;
}

export type PresentedCase = Omit<CaseState, 'requester'> & {
  requester: { name: string | null; phone: string | null; isAnonymous: boolean; isMasked: boolean };
  allowedActions: HttpCaseAction[];
  supervisableClocks: { remind: string[]; escalate: string[] };
};

const HTTP_ACTIONS: ReadonlySet<string> = new Set(HTTP_CASE_ACTIONS);
const isHttpAction = (a: string): a is HttpCaseAction => HTTP_ACTIONS.has(a);

/** What the viewer may do through the API now (internal actions such as score are left out). */
export function viewerActions(state: CaseState, actor: Actor, now: Date): Pick<PresentedCase, 'allowedActions' | 'supervisableClocks'> {
  return {
    allowedActions: allowedActions(state, actor, { now }).filter(isHttpAction),
    supervisableClocks: {
      remind: supervisableClocks(state, actor, 'remind', now).map((c) => c.key),
      escalate: supervisableClocks(state, actor, 'escalate', now).map((c) => c.key),
    },
  };
}

export async function getCase(ctx: AppContext, opts: { actor: Actor; caseId: string }): Promise<PresentedCase> {
  const { state } = await loadCaseInScope(ctx, opts.actor, opts.caseId);
  return presentCase(ctx, { actor: opts.actor, state });
}

/** A case the actor may see (already checked), with the requester masked or the unmasked view logged. */
export async function presentCase(ctx: AppContext, opts: { actor: Actor; state: CaseState }): Promise<PresentedCase> {
  const { state } = opts;
  const requester = presentCaseRequester(state, opts.actor);
  // The operator who recorded the requester is not viewing anyone else's data; every other unmasked view is logged.
  const isRecorder = state.receivedBy.userId === opts.actor.userId;
  if (requester.isUnmasked && !isRecorder && (state.requester.name !== null || state.requester.phone !== null)) {
    await ctx.repos.audit.record(opts.actor, { action: 'requester.view_unmasked', targetType: 'case', targetId: state.id, data: { caseNumber: state.caseNumber } });
  }
  return {
    ...state,
    requester: { name: requester.name, phone: requester.phone, isAnonymous: requester.isAnonymous, isMasked: !requester.isUnmasked },
    ...viewerActions(state, opts.actor, ctx.now()),
  };
}

export async function getCaseTimeline(ctx: AppContext, opts: { actor: Actor; caseId: string }) {
  const { state } = await loadCaseInScope(ctx, opts.actor, opts.caseId);
  const events = await ctx.repos.cases.history(state);
  return {
    caseId: state.id,
    caseNumber: state.caseNumber,
    status: state.status,
    version: state.version,
    // History rows hold what the decider wrote: its own statuses and attachment records.
    events: events.map((e) => ({ ...e, fromStatus: e.fromStatus as CaseStatus | null, toStatus: e.toStatus as CaseStatus, attachments: e.attachments as CaseAttachment[] })),
  };
}

export async function findCaseIdByNumber(ctx: AppContext, opts: { actor: Actor; caseNumber: string }): Promise<string> {
  const id = await ctx.repos.cases.findIdByNumber(opts.caseNumber);
  if (!id) throw new DomainError('CASE_NOT_FOUND', `No case has the number ${opts.caseNumber}.`, { caseNumber: opts.caseNumber });
  await loadCaseInScope(ctx, opts.actor, id);
  return id;
}
