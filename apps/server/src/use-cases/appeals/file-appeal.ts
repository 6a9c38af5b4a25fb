// 申诉: the unit that led a case (or a unit above it) asks that the case not count in its score,
// giving a reason and evidence, within the appeal window (N days after the visit, before the
// period is published); a later one only through a centre evaluator's audited override. The
// centre decides (decide-appeal.ts).
import { type Actor, appealWindow, type AppealReason, DomainError, hasRole, isCentreActor, isInSubtree } from '@jiesu/core';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context';
import type { Appeal } from '../../repositories/appeal.repository';
import { resolveAttachments } from '../cases/case-context';
import { requireRole } from '../require';
import { loadPolicy } from '../scoring/scoring-config';
import { answeringLead } from '../visits/visit-fact';

const FINISHED = new Set(['closed', 'visited', 'scored']);

export interface FileAppealOptions {
  actor: Actor;
  caseId: string;
  reason: AppealReason;
  explanation: string;
  attachmentIds?: string[];
  /** Centre evaluators only: file after the window, with this reason (audited). */
  lateOverrideReason?: string;
}

export async function fileAppeal(ctx: AppContext, opts: FileAppealOptions): Promise<Appeal> {
  const override = opts.lateOverrideReason?.trim() || null;
  if (override !== null) {
    if (!isCentreActor(opts.actor) || !hasRole(opts.actor, 'evaluator')) {
      throw new DomainError('FORBIDDEN', 'Only an evaluator of the city centre may file an appeal after its window.', { field: 'body.lateOverrideReason', roles: ['evaluator'] });
    }
  } else {
    requireRole(opts.actor, 'handler', 'unit_leader');
  }
  const stored = await ctx.repos.cases.load(opts.caseId);
  if (!stored) throw new DomainError('CASE_NOT_FOUND', `No case has the id ${opts.caseId}.`, { caseId: opts.caseId });
  const lead = answeringLead(stored.state);
  if (!FINISHED.has(stored.state.status) || lead === null) {
    throw new DomainError('APPEAL_CASE_NOT_FINISHED', `Case ${stored.state.caseNumber} is ${stored.state.status}; appeal once it is closed.`, { caseId: opts.caseId });
  }
  if (override === null && !isInSubtree(opts.actor.unitPath, lead.unit.path)) {
    throw new DomainError('OUT_OF_SCOPE', `Case ${stored.state.caseNumber} was led by ${lead.unit.name}; only that unit or one above it may appeal.`, { caseId: opts.caseId });
  }
  if (opts.reason !== 'other' && opts.explanation.trim().length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Explain the appeal.', { field: 'body.explanation' });
  }
  const [policy, fact] = await Promise.all([loadPolicy(ctx), ctx.repos.scoreFacts.findByCase(opts.caseId)]);
  const publishedAt = fact === null ? null : await ctx.repos.scorePublications.firstPublishedAt(fact.periodKey);
  const window = appealWindow({ visitedAt: fact?.visitedAt ?? null, publishedAt, now: ctx.now(), windowDays: policy.appealWindowDays });
  if (!window.isOpen && override === null) {
    const why =
      window.reason === 'after_publication'
        ? `period ${fact?.periodKey ?? ''} was published on ${publishedAt?.toISOString() ?? ''}`
        : `appeals are accepted for ${policy.appealWindowDays} days after the return visit`;
    throw new DomainError('APPEAL_WINDOW_CLOSED', `Case ${stored.state.caseNumber}: the appeal window closed at ${window.deadline?.toISOString() ?? ''} (${why}).`, {
      caseId: opts.caseId,
      reason: window.reason,
      deadline: window.deadline?.toISOString() ?? null,
      windowDays: policy.appealWindowDays,
    });
  }
  const lateOverride =
    override !== null && !window.isOpen ? { by: { userId: opts.actor.userId, username: opts.actor.username }, reason: override, deadline: window.deadline } : null;
  const attachments = await resolveAttachments(ctx, opts.attachmentIds);
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise appeals on the case: lock its row, then look for a live appeal.
    await ctx.repos.cases.load(opts.caseId, trx, { forUpdate: true });
    const live = await ctx.repos.appeals.findLiveForCase(opts.caseId, trx);
    if (live) {
      throw new DomainError('APPEAL_ALREADY_OPEN', `Case ${stored.state.caseNumber} already has an appeal that is ${live.status}.`, { appealId: live.id, status: live.status });
    }
    const appeal: Appeal = {
      id: randomUUID(),
      caseId: opts.caseId,
      caseNumber: stored.state.caseNumber,
      unitCode: lead.unit.code,
      unitPath: lead.unit.path,
      reason: opts.reason,
      explanation: opts.explanation.trim(),
      attachmentIds: attachments.map((a) => a.id),
      status: 'pending',
      filedBy: { userId: opts.actor.userId, username: opts.actor.username },
      filedAt: ctx.now(),
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
      lateOverride,
    };
    await ctx.repos.appeals.insert(appeal, trx);
    await ctx.repos.audit.record(
      opts.actor,
      {
        action: 'appeal.file',
        targetType: 'appeal',
        targetId: appeal.id,
        data: { caseId: appeal.caseId, unitCode: appeal.unitCode, reason: appeal.reason, isLeader: hasRole(opts.actor, 'unit_leader') },
      },
      trx,
    );
    if (lateOverride !== null && !window.isOpen) {
      await ctx.repos.audit.record(
        opts.actor,
        {
          action: 'appeal.late_override',
          targetType: 'appeal',
          targetId: appeal.id,
          data: { caseId: appeal.caseId, reason: lateOverride.reason, windowClosed: window.reason, deadline: window.deadline?.toISOString() ?? null },
        },
        trx,
      );
    }
    return appeal;
  });
}
