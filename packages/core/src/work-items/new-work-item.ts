// A new work item: validated, owned, its deadline on the working-day calendar, its first history
// row and the owner's notification — as one decision the persistence layer inserts at once.
import { DomainError } from '../errors';
import { actorRef } from '../cases/case-decision';
import type { UnitRef } from '../cases/case-types';
import { DEFAULT_WORK_ITEM_POLICY, resolveDue, startWorkItemClock } from './work-item-clock';
import type { WorkItemDecision, WorkItemDecisionContext } from './work-item-decision';
import { requireWorkItemCreator } from './work-item-permissions';
import { WORK_ITEM_KINDS, type WorkItem, type WorkItemDue, type WorkItemKind } from './work-item-types';

export const MAX_WORK_ITEM_TITLE = 200;
export const MAX_WORK_ITEM_DETAIL = 5000;
export const MAX_LINKED_CASES = 100;

export interface NewWorkItemInput {
  id: string;
  kind: WorkItemKind;
  title: string;
  detail?: string | null;
  /** The unit resolved by the caller; `person` when a named person owns it under that unit's supervision. */
  owner: { unit: UnitRef; person?: { name: string; contact?: string | null } | null };
  /** The actor's own unit: it sets and supervises the item. */
  creatorUnit: UnitRef;
  due: WorkItemDue;
  source?: { type: string; id: string } | null;
  linkedCaseIds?: readonly string[];
  isEvidenceRequired?: boolean;
  /** The calling feature already decided the actor may set this item (see requireWorkItemCreator). */
  isAuthorisedByFeature?: boolean;
}

function text(value: string | null | undefined, field: string, max: number, isRequired: boolean): string | null {
  const t = typeof value === 'string' ? value.trim() : '';
  if (t.length === 0) {
    if (isRequired) throw new DomainError('VALIDATION_FAILED', `${field} is required.`, { field });
    return null;
  }
  if (t.length > max) throw new DomainError('VALIDATION_FAILED', `${field} may have at most ${max} characters.`, { field });
  return t;
}

export function newWorkItem(input: NewWorkItemInput, ctx: WorkItemDecisionContext): WorkItemDecision {
  if (!(WORK_ITEM_KINDS as readonly string[]).includes(input.kind)) {
    throw new DomainError('VALIDATION_FAILED', `kind must be one of ${WORK_ITEM_KINDS.join(', ')}.`, { field: 'kind' });
  }
  requireWorkItemCreator(ctx.actor, input.owner.unit, input.isAuthorisedByFeature ? { isAuthorisedByFeature: true } : {});
  const policy = ctx.policy ?? DEFAULT_WORK_ITEM_POLICY;
  const now = new Date(ctx.now.getTime());
  const title = text(input.title, 'title', MAX_WORK_ITEM_TITLE, true) as string;
  const detail = text(input.detail, 'detail', MAX_WORK_ITEM_DETAIL, false);
  const person = input.owner.person
    ? {
        name: text(input.owner.person.name, 'owner.personName', 60, true) as string,
        contact: text(input.owner.person.contact, 'owner.personContact', 60, false),
      }
    : null;
  const source = input.source ? { type: text(input.source.type, 'sourceType', 40, true) as string, id: text(input.source.id, 'sourceId', 100, true) as string } : null;
  const linkedCaseIds = [...new Set(input.linkedCaseIds ?? [])];
  if (linkedCaseIds.length > MAX_LINKED_CASES) {
    throw new DomainError('VALIDATION_FAILED', `At most ${MAX_LINKED_CASES} cases may be linked.`, { field: 'linkedCaseIds' });
  }
  const dueAt = resolveDue(input.due, now, now, ctx.calendar, policy, 'due');
  const by = actorRef(ctx.actor);
  const item: WorkItem = {
    id: input.id,
    kind: input.kind,
    title,
    detail,
    status: 'open',
    version: 1,
    owner: { unit: { ...input.owner.unit }, person },
    creator: { unit: { ...input.creatorUnit }, by },
    source,
    linkedCaseIds,
    clock: startWorkItemClock(now, dueAt, policy),
    isEvidenceRequired: input.isEvidenceRequired ?? false,
    evidence: [],
    acknowledgedAt: null,
    acknowledgedBy: null,
    overdue: [],
    createdAt: now,
    closedAt: null,
    cancelReason: null,
    eventCount: 1,
  };
  return {
    item,
    event: {
      workItemId: item.id,
      seq: 1,
      action: 'create',
      fromStatus: null,
      toStatus: 'open',
      actor: by,
      at: now,
      note: null,
      attachments: [],
      data: { kind: item.kind, ownerUnitCode: item.owner.unit.code, personName: person?.name ?? null, dueAt, source },
    },
    notifications: [{ kind: 'work_item_assigned', workItemId: item.id, unitCode: item.owner.unit.code, title, dueAt }],
  };
}
