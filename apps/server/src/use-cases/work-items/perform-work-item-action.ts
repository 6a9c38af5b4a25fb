// Turns an HTTP action body (files named by id, a deadline as dueAt or amount + unit) into a
// domain command, then acts. The body has been validated against its contract already.
import { type Actor, DomainError, type WorkItem, type WorkItemAction, type WorkItemCommand, type WorkItemDue } from '@jiesu/core';
import type { DueBody, WorkItemActionBody } from '@jiesu/contracts';
import type { AppContext } from '../../context';
import { resolveAttachments } from '../cases/case-context';
import { actOnWorkItem } from './act-on-work-item';

/** A deadline body as the domain's WorkItemDue: exactly one of an instant or a span. */
export function dueFromBody(due: DueBody, field: string): WorkItemDue {
  const hasInstant = due.dueAt !== undefined;
  const hasSpan = due.amount !== undefined || due.unit !== undefined;
  if (hasInstant && !hasSpan) return { dueAt: new Date(due.dueAt as string) };
  if (!hasInstant && due.amount !== undefined && due.unit !== undefined) return { amount: due.amount, unit: due.unit };
  throw new DomainError('VALIDATION_FAILED', `${field} needs either dueAt, or amount and unit.`, { field });
}

type AnyActionBody = WorkItemActionBody<WorkItemAction>;

export async function performWorkItemAction(ctx: AppContext, opts: { actor: Actor; id: string; action: WorkItemAction; body: AnyActionBody }): Promise<WorkItem> {
  const { expectedVersion, note, ...rest } = opts.body;
  const b = rest as Partial<WorkItemActionBody<'progress'> & WorkItemActionBody<'extend'>>;
  const files = async () => resolveAttachments(ctx, b.attachmentIds);
  let command: WorkItemCommand;
  switch (opts.action) {
    case 'start':
    case 'acknowledge':
    case 'remind':
    case 'escalate':
      command = { type: opts.action };
      break;
    case 'progress':
    case 'complete':
      command = { type: opts.action, text: b.text ?? '', attachments: await files(), ...(b.linkedCaseIds ? { linkedCaseIds: b.linkedCaseIds } : {}) };
      break;
    case 'reopen':
      command = { type: 'reopen', reason: b.reason ?? '', ...(b.due ? { due: dueFromBody(b.due, 'body.due') } : {}) };
      break;
    case 'cancel':
      command = { type: 'cancel', reason: b.reason ?? '' };
      break;
    case 'extend':
      if (!b.due) throw new DomainError('VALIDATION_FAILED', 'body.due is required.', { field: 'body.due' });
      command = { type: 'extend', reason: b.reason ?? '', due: dueFromBody(b.due, 'body.due') };
      break;
    default: {
      const unknown: never = opts.action;
      throw new Error(`unhandled work-item action ${String(unknown)}`);
    }
  }
  if (note !== undefined && note !== null) command = { ...command, note };
  return actOnWorkItem(ctx, { actor: opts.actor, id: opts.id, command, ...(expectedVersion !== undefined ? { expectedVersion } : {}) });
}
