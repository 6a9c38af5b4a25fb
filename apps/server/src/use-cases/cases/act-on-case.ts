// Every action on an existing case goes through here: load the case under a row lock, check the
// actor's scope, let the pure decider decide, and write state, history, clocks and outbox in one
// transaction guarded by the version. Merging (并案) also records the child on its parent, and
// closing a parent closes its merged children, in the same transaction.
import {
  type Actor,
  type CaseCommand,
  type CaseState,
  type Decision,
  type DecisionContext,
  decide,
  DomainError,
  type DutyLists,
  isOpenStatus,
  assertCaseInScope,
} from '@jiesu/core';
import type { AppContext } from '../../context';
import { claimAttachmentsForCase, decisionContext } from './case-context';
import type { Tx } from '../../repositories';

export interface ActOnCaseOptions {
  actor: Actor;
  caseId: string;
  command: CaseCommand;
  /** The version the client last saw; a mismatch is VERSION_CONFLICT. */
  expectedVersion?: number;
  dutyLists?: DutyLists;
  /** Skip the scope check (the system actor of the sweep acts everywhere). */
  isSystem?: boolean;
  /** Runs inside the same transaction after the case is saved (e.g. the visit's attempt and score fact). */
  withinTransaction?: (trx: Tx, state: CaseState) => Promise<void>;
}

export async function actOnCase(ctx: AppContext, opts: ActOnCaseOptions): Promise<CaseState> {
  const state = await decideAndSave(ctx, opts);
  // A finished or merged case is no longer a likely duplicate of new requests.
  if (!isOpenStatus(state.status)) ctx.intake.forgetCase(state.location.streetCode, state.id);
  return state;
}

async function decideAndSave(ctx: AppContext, opts: ActOnCaseOptions): Promise<CaseState> {
  const dctx = await decisionContext(ctx, opts.actor, opts.dutyLists ? { dutyLists: opts.dutyLists } : {});
  return ctx.db.transaction().execute(async (trx) => {
    // 并案 locks two cases: both in one global order, so X→Y and Y→X at once cannot deadlock
    if (opts.command.type === 'merge') await ctx.repos.cases.lockInOrder([opts.caseId, opts.command.parent.caseId], trx);
    const stored = await ctx.repos.cases.load(opts.caseId, trx, { forUpdate: true });
    if (!stored) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${opts.caseId}.`, { caseId: opts.caseId });
    if (!opts.isSystem) assertCaseInScope(opts.actor, stored.state, stored.locationPath);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== stored.state.version) {
      throw new DomainError(
        'VERSION_CONFLICT',
        `Case ${stored.state.caseNumber} changed since you loaded it (version ${opts.expectedVersion}, now ${stored.state.version}); reload and try again.`,
        {
          expectedVersion: opts.expectedVersion,
          currentVersion: stored.state.version,
        },
      );
    }
    if (opts.command.type === 'merge') {
      const decision = await merge(ctx, trx, dctx, stored.state, opts.command);
      await ctx.repos.cases.save(decision, { expectedVersion: stored.state.version, locationPath: stored.locationPath }, trx);
      return decision.state;
    }
    const decision = decide(stored.state, opts.command, dctx);
    const files = decision.events.flatMap((e) => e.attachments.map((a) => a.id));
    if (files.length > 0) await claimAttachmentsForCase(ctx, { caseId: stored.state.id, actor: opts.actor, ids: files }, trx);
    await ctx.repos.cases.save(decision, { expectedVersion: stored.state.version, locationPath: stored.locationPath }, trx);
    if (opts.command.type === 'close' && decision.state.status === 'closed') await closeChildren(ctx, trx, dctx, decision);
    await opts.withinTransaction?.(trx, decision.state);
    return decision.state;
  });
}

/**
 * 并案: the child's decision comes first (so its own refusals win), carrying the parent's number
 * and status as stored, whatever the client sent; then the parent (open, in scope) records the child.
 */
async function merge(ctx: AppContext, trx: Tx, dctx: DecisionContext, child: CaseState, command: Extract<CaseCommand, { type: 'merge' }>): Promise<Decision> {
  const parentId = command.parent.caseId;
  const parent = parentId === child.id ? { state: child, locationPath: null } : await ctx.repos.cases.load(parentId, trx, { forUpdate: true });
  if (!parent) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${parentId}.`, { field: 'parentCaseId' });
  const decision = decide(child, { ...command, parent: { caseId: parent.state.id, caseNumber: parent.state.caseNumber, status: parent.state.status } }, dctx);
  assertCaseInScope(dctx.actor, parent.state, parent.locationPath);
  const linked = decide(parent.state, { type: 'link_child', child: { caseId: child.id, caseNumber: child.caseNumber } }, dctx);
  await ctx.repos.cases.save(linked, { expectedVersion: parent.state.version, locationPath: parent.locationPath }, trx);
  return decision;
}

/** Every requester gets feedback: merged children close with their parent. */
async function closeChildren(ctx: AppContext, trx: Tx, dctx: DecisionContext, parent: Decision): Promise<void> {
  const feedback = parent.state.feedbacks[parent.state.feedbacks.length - 1];
  for (const link of parent.state.children) {
    const child = await ctx.repos.cases.load(link.caseId, trx, { forUpdate: true });
    if (!child || child.state.status !== 'merged') continue;
    const d = decide(child.state, { type: 'parent_closed', parentCaseId: parent.state.id, summary: feedback?.summary ?? '', isSolved: feedback?.isSolved ?? false }, dctx);
    await ctx.repos.cases.save(d, { expectedVersion: child.state.version, locationPath: child.locationPath }, trx);
  }
}
