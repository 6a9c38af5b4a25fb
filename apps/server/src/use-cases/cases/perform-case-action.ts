// Turns an HTTP action body (units and files named by code and id) into a domain command, then
// acts. Duty lists are loaded for any community a plan names, so the decider can apply 准入.
import type { Actor, CaseCommand, CaseState, DispatchPlan, UnitRef } from '@jiesu/core';
import type { HttpCaseAction } from '@jiesu/contracts';
import type { AppContext } from '../../context';
import { actOnCase } from './act-on-case';
import { resolveAttachments, resolveUnit, resolveUnits } from './case-context';

type Body = Record<string, unknown> & { expectedVersion?: number; note?: string | null };

interface PlanBody {
  lead: string;
  coHandlers?: string[];
  mode?: DispatchPlan['mode'];
}

export async function performCaseAction(
  ctx: AppContext,
  opts: { actor: Actor; caseId: string; action: HttpCaseAction; body: Body },
): Promise<CaseState> {
  const { expectedVersion, note, ...b } = opts.body;
  const units: UnitRef[] = [];
  const plan = async (p: PlanBody, field: string): Promise<DispatchPlan> => {
    const lead = await resolveUnit(ctx, p.lead, `${field}.lead`);
    const coHandlers = await resolveUnits(ctx, p.coHandlers ?? [], `${field}.coHandlers`);
    units.push(lead, ...coHandlers);
    return { lead, coHandlers, ...(p.mode ? { mode: p.mode } : {}) };
  };
  const str = (k: string) => b[k] as string;
  const ids = (k: string) => b[k] as string[] | undefined;

  let command: CaseCommand;
  switch (opts.action) {
    case 'answer':
      command = { type: 'answer', text: str('text') };
      break;
    case 'dispatch':
      command = { type: 'dispatch', plan: await plan(b as unknown as PlanBody, 'body') };
      break;
    case 'redispatch':
      command = { type: 'redispatch', plan: await plan(b as unknown as PlanBody, 'body'), reason: str('reason') };
      break;
    case 'sign':
    case 'acknowledge':
    case 'close':
      command = { type: opts.action };
      break;
    case 'return':
      command = {
        type: 'return',
        reason: str('reason'),
        attachments: await resolveAttachments(ctx, ids('attachmentIds')),
        suggestedUnitCode: (b.suggestedUnitCode as string | null | undefined) ?? null,
      };
      break;
    case 'accept_return':
      command = b.redispatch ? { type: 'accept_return', redispatch: await plan(b.redispatch as PlanBody, 'body.redispatch') } : { type: 'accept_return' };
      break;
    case 'refuse_return':
      command = { type: 'refuse_return', reason: str('reason') };
      break;
    case 'open_dispute':
      command = { type: 'open_dispute', parties: await resolveUnits(ctx, b.parties as string[], 'body.parties') };
      break;
    case 'rule_dispute':
      command = { type: 'rule_dispute', plan: await plan(b as unknown as PlanBody, 'body'), basis: str('basis') };
      break;
    case 'add_co_handler': {
      const co = await resolveUnits(ctx, b.units as string[], 'body.units');
      units.push(...co);
      command = { type: 'add_co_handler', units: co, ...(b.isSupervised !== undefined ? { isSupervised: b.isSupervised as boolean } : {}) };
      break;
    }
    case 'contact':
      command = { type: 'contact', ...(b.method ? { method: b.method as 'phone' } : {}) };
      break;
    case 'note':
      // `note` was taken out of the body above with the other actions' optional note.
      command = { type: 'note', note: note ?? '', attachments: await resolveAttachments(ctx, ids('attachmentIds')) };
      break;
    case 'whistle':
      command = { type: 'whistle', units: await resolveUnits(ctx, b.units as string[], 'body.units'), reason: str('reason') };
      break;
    case 'whistle_report':
      command = { type: 'whistle_report', whistleId: b.whistleId as number };
      break;
    case 'request_extension':
      command = { type: 'request_extension', requested: { amount: b.amount as number, unit: b.unit as 'hours' }, reason: str('reason') };
      break;
    case 'approve_extension':
      command =
        b.amount !== undefined
          ? { type: 'approve_extension', granted: { amount: b.amount as number, unit: (b.unit as 'hours' | undefined) ?? 'calendar_days' } }
          : { type: 'approve_extension' };
      break;
    case 'refuse_extension':
      command = { type: 'refuse_extension', reason: str('reason') };
      break;
    case 'submit_feedback':
      command = { type: 'submit_feedback', summary: str('summary'), isSolved: b.isSolved as boolean, attachments: await resolveAttachments(ctx, ids('attachmentIds')) };
      break;
    case 'send_back':
      command = { type: 'send_back', reason: str('reason') };
      break;
    case 'merge':
      // The parent's number and status are filled in from the stored parent by actOnCase.
      command = { type: 'merge', parent: { caseId: str('parentCaseId'), caseNumber: '', status: 'received' } };
      break;
    case 'remind':
    case 'escalate':
      command = { type: opts.action, clockKey: str('clockKey') };
      break;
    default: {
      const unknown: never = opts.action;
      throw new Error(`unhandled action ${String(unknown)}`);
    }
  }
  if (note !== undefined && command.type !== 'note') command = { ...command, note } as CaseCommand;
  const communities = units.filter((u) => u.class === 'community').map((u) => u.code);
  const dutyLists = await ctx.repos.cases.dutyListsFor(communities);
  return actOnCase(ctx, { actor: opts.actor, caseId: opts.caseId, command, ...(expectedVersion !== undefined ? { expectedVersion } : {}), dutyLists });
}
