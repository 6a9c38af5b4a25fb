// Who may take which action on a case, from the actor's roles and their unit's relation to the
// case (centre, dispatching district, lead unit, co-handler, summoned department). The use case
// has already checked that the case is in the actor's scope; these rules are the finer grain.
import { DomainError } from '../errors';
import { type Actor, hasRole, isCentreActor, type Role } from '../org/roles';
import { isInSubtree } from '../org/unit';
import type { CaseAssignment, CaseState, UnitRef } from './case-types';

export function isCentreDispatcher(actor: Actor): boolean {
  return isCentreActor(actor) && hasRole(actor, 'dispatcher');
}

/** A district sub-centre (区分中心) dispatcher: dispatches within its own district only. */
export function isDistrictDispatcher(actor: Actor): boolean {
  return actor.unitClass === 'district' && hasRole(actor, 'dispatcher');
}

/**
 * The actor works for `unit`: a member of it, or of one of its sections (科室) — a street's section
 * staff act for the street. Communities below a street do not act for the street.
 */
export function actsForUnit(actor: Actor, unit: { code: string; path: string }): boolean {
  if (actor.unitCode === unit.code) return true;
  return actor.unitClass === 'section' && isInSubtree(unit.path, actor.unitPath);
}

export function liveLead(state: CaseState): CaseAssignment | null {
  return state.assignments.find((a) => a.role === 'lead' && (a.state === 'pending' || a.state === 'signed')) ?? null;
}

export function liveAssignments(state: CaseState): CaseAssignment[] {
  return state.assignments.filter((a) => a.state === 'pending' || a.state === 'signed');
}

function forbidden(action: string, needed: string): never {
  throw new DomainError('FORBIDDEN', `Only ${needed} may ${action.replace(/_/g, ' ')} this case.`, { action, needed });
}

const UNIT_WORKER_ROLES: Role[] = ['handler', 'unit_leader'];

/** Centre dispatchers only: returns, disputes, extensions, review, merging decisions. */
export function requireCentreDispatcher(actor: Actor, action: string): void {
  if (!isCentreDispatcher(actor)) forbidden(action, 'a dispatcher of the city centre');
}

/** Centre dispatchers anywhere; district dispatchers when every unit touched lies in their district. */
export function requireDispatcherFor(actor: Actor, action: string, units: readonly UnitRef[]): void {
  if (isCentreDispatcher(actor)) return;
  if (!isDistrictDispatcher(actor)) forbidden(action, 'a dispatcher of the centre or of the district sub-centre');
  const outside = units.filter((u) => !isInSubtree(actor.unitPath, u.path));
  if (outside.length > 0) {
    throw new DomainError(
      'OUT_OF_SCOPE',
      `A district dispatcher can only ${action.replace(/_/g, ' ')} to units in its district; ${outside.map((u) => u.name).join(', ')} lie outside it.`,
      { action, units: outside.map((u) => u.code) },
    );
  }
}

/** The lead unit's handler or leader (首接负责: the lead acts, not the co-handlers). */
export function requireLeadWorker(actor: Actor, state: CaseState, action: string): CaseAssignment {
  const lead = liveLead(state);
  if (!hasRole(actor, ...UNIT_WORKER_ROLES)) forbidden(action, "the lead unit's handler");
  if (lead === null || !actsForUnit(actor, lead.unit)) {
    throw new DomainError('NOT_LEAD_UNIT', `Only the lead unit${lead ? ` (${lead.unit.name})` : ''} may ${action.replace(/_/g, ' ')} this case.`, {
      action,
      leadUnitCode: lead?.unit.code ?? null,
    });
  }
  return lead;
}

/** A live co-handler assignment the actor works for. */
export function requireCoHandlerWorker(actor: Actor, state: CaseState, action: string): CaseAssignment {
  if (!hasRole(actor, ...UNIT_WORKER_ROLES)) forbidden(action, "a co-handling unit's handler");
  const mine = liveAssignments(state).find((a) => a.role === 'co' && actsForUnit(actor, a.unit));
  if (mine === undefined) {
    throw new DomainError('NOT_ASSIGNED_UNIT', `Your unit is not a co-handler of this case.`, { action, unitCode: actor.unitCode });
  }
  return mine;
}

/** Notes: centre staff (not read-only roles), or a handler/leader/supervisor of a live assigned unit. */
export function requireNoteWriter(actor: Actor, state: CaseState): void {
  if (isCentreActor(actor) && hasRole(actor, 'operator', 'dispatcher', 'supervisor', 'visitor', 'unit_leader')) return;
  if (!hasRole(actor, 'handler', 'unit_leader', 'supervisor')) forbidden('note', 'centre staff or a handler of an assigned unit');
  if (!liveAssignments(state).some((a) => actsForUnit(actor, a.unit))) {
    throw new DomainError('NOT_ASSIGNED_UNIT', 'Your unit is not assigned to this case.', { action: 'note', unitCode: actor.unitCode });
  }
}

/** Operators and dispatchers of the intake unit (or anyone at the centre with those roles). */
export function requireIntakeStaff(actor: Actor, state: CaseState, action: string): void {
  if (!hasRole(actor, 'operator', 'dispatcher')) forbidden(action, 'an operator or dispatcher');
  if (!isCentreActor(actor) && !isInSubtree(actor.unitPath, state.intakeUnit.path)) {
    throw new DomainError('OUT_OF_SCOPE', 'This case was taken in by another centre.', { action });
  }
}

/** Supervisors (督办员) of the centre or of a unit above the clock's owner; dispatchers may remind too. */
/** Who may remind (催办) and escalate (督办) a clock, within their area. */
export const REMIND_ROLES: readonly Role[] = ['supervisor', 'dispatcher'];
export const ESCALATE_ROLES: readonly Role[] = ['supervisor'];

export function requireSupervisorOver(actor: Actor, ownerPath: string, action: 'remind' | 'escalate'): void {
  const roles = action === 'remind' ? REMIND_ROLES : ESCALATE_ROLES;
  if (!hasRole(actor, ...roles)) forbidden(action, action === 'remind' ? 'a supervisor or dispatcher' : 'a supervisor');
  if (!isCentreActor(actor) && !isInSubtree(actor.unitPath, ownerPath)) {
    throw new DomainError('OUT_OF_SCOPE', 'That clock belongs to a unit outside your area.', { action, ownerPath });
  }
}

export function requireCentreRole(actor: Actor, action: string, ...roles: Role[]): void {
  if (!isCentreActor(actor) || !hasRole(actor, ...roles)) forbidden(action, `a ${roles.join(' or ')} of the city centre`);
}
