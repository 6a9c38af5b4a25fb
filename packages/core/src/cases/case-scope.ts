// Which units a case involves — every unit that holds or held a part, the intake unit and the
// location — and whether an actor may see it: one of those lies in the actor's subtree.
import { DomainError } from '../errors';
import type { Actor } from '../org/roles';
import { isInSubtree } from '../org/unit';
import type { CaseState } from './case-types';

export function involvedUnitPaths(state: CaseState, locationPath: string | null): string[] {
  const paths = new Set<string>(state.assignments.map((a) => a.unit.path));
  for (const w of state.whistles) paths.add(w.unit.path);
  paths.add(state.intakeUnit.path);
  if (locationPath) paths.add(locationPath);
  return [...paths];
}

export function assertCaseInScope(actor: Actor, state: CaseState, locationPath: string | null): void {
  if (!involvedUnitPaths(state, locationPath).some((p) => isInSubtree(actor.unitPath, p))) {
    throw new DomainError('OUT_OF_SCOPE', `Case ${state.caseNumber} is outside your unit's area.`, { caseId: state.id });
  }
}
