// Turns an HTTP action (its body typed by the contract: units and files named by code and id)
// into a domain command, then acts. Duty lists are loaded for any community a plan names, so the decider can apply 准入.
import type { Actor, CaseCommand, CaseState, DispatchPlan, UnitRef } from '@jiesu/core';
import type { CaseActionRequest } from '@jiesu/contracts';
import type { AppContext } from '../../context';
import { actOnCase } from './act-on-case';
import { resolveAttachments, resolveUnit, resolveUnits } from './case-context';

interface PlanBody {
  lead: string;
  coHandlers?: string[];
  mode?: DispatchPlan['mode'];
}

export async function performCaseAction(ctx: AppContext, opts: { actor: Actor; caseId: string; request: CaseActionRequest }): Promise<CaseState> {
  const { expectedVersion, note } = opts.request.body;
  const units: UnitRef[] = [];
  const plan = async (p: PlanBody, field: string): Promise<DispatchPlan> => {
    const lead = await resolveUnit(ctx, p.lead, `${field}.lead`);
    const coHandlers = await resolveUnits(ctx, p.coHandlers ?? [], `${field}.coHandlers`);
    units.push(lead, ...coHandlers);
    return { lead, coHandlers, ...(p.mode ? { mode: p.mode } : {}) };
  };

  const r = opts.request;
  let command: CaseCommand;
  switch (r.action) {
    case 'answer':
      command = { type: 'answer', text: r.body.text };
      break;
    case 'dispatch':
      command = { type: 'dispatch', plan: await plan(r.body, 'body') };
      break;
    case 'redispatch':
      command = { type: 'redispatch', plan: await plan(r.body, 'body'), reason: r.body.reason };
      break;
    case 'sign':
    case 'acknowledge':
    case 'close':
      command = { type: r.action };
      break;
    case 'return':
      command = {
        type: 'return',
        reason: r.body.reason,
        attachments: await resolveAttachments(ctx, r.body.attachmentIds),
        suggestedUnitCode: r.body.suggestedUnitCode ?? null,
      };
      break;
    case 'accept_return':
      command = r.body.redispatch ? { type: 'accept_return', redispatch: await plan(r.body.redispatch, 'body.redispatch') } : { type: 'accept_return' };
      break;
    case 'refuse_return':
      command = { type: 'refuse_return', reason: r.body.reason };
      break;
    case 'open_dispute':
      command = { type: 'open_dispute', parties: await resolveUnits(ctx, r.body.parties, 'body.parties') };
      break;
    case 'rule_dispute':
      command = { type: 'rule_dispute', plan: await plan(r.body, 'body'), basis: r.body.basis };
      break;
    case 'add_co_handler': {
      const co = await resolveUnits(ctx, r.body.units, 'body.units');
      units.push(...co);
      command = { type: 'add_co_handler', units: co, ...(r.body.isSupervised !== undefined ? { isSupervised: r.body.isSupervised } : {}) };
      break;
    }
    case 'contact':
      command = { type: 'contact', ...(r.body.method ? { method: r.body.method } : {}) };
      break;
    case 'note':
      command = { type: 'note', note: r.body.note, attachments: await resolveAttachments(ctx, r.body.attachmentIds) };
      break;
    case 'whistle':
      command = { type: 'whistle', units: await resolveUnits(ctx, r.body.units, 'body.units'), reason: r.body.reason };
      break;
    case 'whistle_report':
      command = { type: 'whistle_report', whistleId: r.body.whistleId };
      break;
    case 'request_extension':
      command = { type: 'request_extension', requested: { amount: r.body.amount, unit: r.body.unit }, reason: r.body.reason };
      break;
    case 'approve_extension':
      command =
        r.body.amount !== undefined ? { type: 'approve_extension', granted: { amount: r.body.amount, unit: r.body.unit ?? 'calendar_days' } } : { type: 'approve_extension' };
      break;
    case 'refuse_extension':
      command = { type: 'refuse_extension', reason: r.body.reason };
      break;
    case 'submit_feedback':
      command = { type: 'submit_feedback', summary: r.body.summary, isSolved: r.body.isSolved, attachments: await resolveAttachments(ctx, r.body.attachmentIds) };
      break;
    case 'send_back':
      command = { type: 'send_back', reason: r.body.reason };
      break;
    case 'merge':
      // The parent's number and status are filled in from the stored parent by actOnCase.
      command = { type: 'merge', parent: { caseId: r.body.parentCaseId, caseNumber: '', status: 'received' } };
      break;
    case 'remind':
    case 'escalate':
      command = { type: r.action, clockKey: r.body.clockKey };
      break;
    default: {
      const unknown: never = r;
      throw new Error(`unhandled action ${JSON.stringify(unknown)}`);
    }
  }
  if (note !== undefined && command.type !== 'note') command = { ...command, note };
  const communities = units.filter((u) => u.class === 'community').map((u) => u.code);
  const dutyLists = await ctx.repos.cases.dutyListsFor(communities);
  return actOnCase(ctx, { actor: opts.actor, caseId: opts.caseId, command, ...(expectedVersion !== undefined ? { expectedVersion } : {}), dutyLists });
}
