// Who may see and do what with a work item. The owner unit's staff do the work (for a person
// owner, the supervising unit's staff act for the person); the creating unit, supervisors above
// the owner and administrators steer it; supervisors (and the server's own sweep) escalate it.
import { DomainError } from '../errors';
import { actsForUnit } from '../cases/case-permissions';
import type { UnitRef } from '../cases/case-types';
import { type Actor, hasRole, isCentreActor, type Role } from '../org/roles';
import { isInSubtree } from '../org/unit';
import type { WorkItemAction } from './work-item-commands';
import type { WorkItem } from './work-item-types';

const OWNER_ROLES: Role[] = ['handler', 'unit_leader'];
const CREATOR_ROLES: Role[] = ['supervisor', 'unit_leader', 'administrator'];
/** Inside the creating unit: its leaders, supervisors and dispatchers steer what it set. */
const STEERING_ROLES: Role[] = ['unit_leader', 'supervisor', 'dispatcher', 'administrator'];

/** The actor sees items owned by units in their subtree, and items set by units in their subtree. */
export function canSeeWorkItem(actor: Actor, item: Pick<WorkItem, 'owner' | 'creator'>): boolean {
  return isInSubtree(actor.unitPath, item.owner.unit.path) || isInSubtree(actor.unitPath, item.creator.unit.path);
}

export function assertWorkItemInScope(actor: Actor, item: Pick<WorkItem, 'id' | 'owner' | 'creator'>): void {
  if (!canSeeWorkItem(actor, item)) {
    throw new DomainError('OUT_OF_SCOPE', "This work item is outside your unit's area.", { workItemId: item.id });
  }
}

export function isWorkItemOwnerWorker(actor: Actor, item: Pick<WorkItem, 'owner'>): boolean {
  return hasRole(actor, ...OWNER_ROLES) && actsForUnit(actor, item.owner.unit);
}

export function isWorkItemSupervisor(actor: Actor, item: Pick<WorkItem, 'owner' | 'creator'>): boolean {
  if (hasRole(actor, 'administrator') && canSeeWorkItem(actor, item)) return true;
  if (hasRole(actor, ...STEERING_ROLES) && actsForUnit(actor, item.creator.unit)) return true;
  return hasRole(actor, 'supervisor') && (isCentreActor(actor) || isInSubtree(actor.unitPath, item.owner.unit.path));
}

/** 督办 is a supervisor's act (the sweep runs as the centre's supervisor). */
export function canEscalateWorkItem(actor: Actor, item: Pick<WorkItem, 'owner' | 'creator'>): boolean {
  if (!hasRole(actor, 'supervisor')) return false;
  return isCentreActor(actor) || isInSubtree(actor.unitPath, item.owner.unit.path) || actsForUnit(actor, item.creator.unit);
}

/** Who may take `action`, by roles and relation to the item only (status and payload are checked elsewhere). */
export function requireWorkItemActor(actor: Actor, item: WorkItem, action: WorkItemAction): void {
  switch (action) {
    case 'start':
    case 'progress':
    case 'complete':
    case 'acknowledge':
      if (!isWorkItemOwnerWorker(actor, item)) {
        throw new DomainError(
          'NOT_WORK_ITEM_OWNER',
          `Only a handler or leader of ${item.owner.unit.name}${item.owner.person ? ` (acting for ${item.owner.person.name})` : ''} may ${action} this work item.`,
          { action, ownerUnitCode: item.owner.unit.code },
        );
      }
      return;
    case 'reopen':
    case 'cancel':
    case 'extend':
    case 'remind':
      if (!isWorkItemSupervisor(actor, item)) {
        throw new DomainError(
          'NOT_WORK_ITEM_SUPERVISOR',
          `Only ${item.creator.unit.name}, a supervisor over ${item.owner.unit.name} or an administrator may ${action} this work item.`,
          { action, creatorUnitCode: item.creator.unit.code },
        );
      }
      return;
    case 'escalate':
      if (!canEscalateWorkItem(actor, item)) {
        throw new DomainError('NOT_WORK_ITEM_SUPERVISOR', `Only a supervisor over ${item.owner.unit.name} may escalate this work item.`, {
          action,
          ownerUnitCode: item.owner.unit.code,
        });
      }
      return;
    default: {
      const unknown: never = action;
      throw new Error(`Unknown work-item action ${String(unknown)}`);
    }
  }
}

/** Whether the actor's roles let them set work items at all (the console asks this to offer the form). */
export function canCreateWorkItems(actor: Pick<Actor, 'roles'>): boolean {
  return CREATOR_ROLES.some((r) => actor.roles.includes(r));
}

/**
 * Setting a work item: a supervisor, leader or administrator (unless the calling feature has
 * authorised the actor itself, e.g. a meeting's recorder), for an owner unit in the actor's area.
 */
export function requireWorkItemCreator(actor: Actor, owner: UnitRef, opts: { isAuthorisedByFeature?: boolean } = {}): void {
  if (!opts.isAuthorisedByFeature && !canCreateWorkItems(actor)) {
    throw new DomainError('FORBIDDEN', `Only a ${CREATOR_ROLES.join(', ')} may set work items.`, { roles: CREATOR_ROLES });
  }
  if (!isInSubtree(actor.unitPath, owner.path)) {
    throw new DomainError('OUT_OF_SCOPE', `${owner.name} is outside your unit's area; set work items only for units under yours.`, {
      field: 'owner.unitCode',
      unitCode: owner.code,
    });
  }
}
