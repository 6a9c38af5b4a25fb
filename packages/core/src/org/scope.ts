// Data scope: a user sees and acts on units (and the cases they hold) in their own unit's subtree.
import { DomainError } from '../errors';
import type { Actor } from './roles';
import { isInSubtree } from './unit';

export function canAccessPath(actor: Actor, path: string): boolean {
  return isInSubtree(actor.unitPath, path);
}

/**
 * Whether the actor may read a unit's record (name, class, place in the tree): the units of their
 * subtree, and the units above their own (a street handler sees which district a case is in). Only
 * the subtree's cases and lists are theirs.
 */
export function canSeeUnit(actor: Actor, path: string): boolean {
  return canAccessPath(actor, path) || isInSubtree(path, actor.unitPath);
}

export function assertInScope(actor: Actor, path: string, what = 'unit'): void {
  if (!canAccessPath(actor, path)) {
    throw new DomainError('OUT_OF_SCOPE', `This ${what} is outside your unit's area (${actor.unitCode}).`, { path });
  }
}
