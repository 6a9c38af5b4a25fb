// 诉求人保密: requester identity is shown in full only to the centre's case staff and to the handler
// of the lead unit, who must call them back. Everyone else sees 张** / 138****1234. The result
// says whether it was unmasked so the server can write an access log line.
import { type Actor, hasRole, isCentreActor } from '../org/roles';
import { pathCodes } from '../org/unit';
import { actsForUnit, liveLead } from './case-permissions';
import type { CaseState, Requester } from './case-types';

export interface RequesterViewer {
  actor: Actor;
  /** The lead unit of the case being viewed, if it has a live one. */
  leadUnit: { code: string; path: string } | null;
}

export interface PresentedRequester {
  name: string | null;
  phone: string | null;
  isAnonymous: boolean;
  isUnmasked: boolean;
}

export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 7) return `${digits.slice(0, 2)}${'*'.repeat(digits.length - 4)}${digits.slice(-2)}`;
  return '*'.repeat(digits.length);
}

/**
 * Centre staff who work cases (not analysts or evaluators, who see aggregates) always see the
 * requester. The lead unit's handler sees them unless the requester asked to stay anonymous.
 */
export function canSeeRequester(requester: Requester, viewer: RequesterViewer): boolean {
  const { actor, leadUnit } = viewer;
  if (isCentreActor(actor) && hasRole(actor, 'operator', 'dispatcher', 'supervisor', 'visitor', 'unit_leader', 'administrator')) {
    return true;
  }
  if (requester.isAnonymous) return false;
  return leadUnit !== null && hasRole(actor, 'handler') && actsForUnit(actor, leadUnit);
}

export function presentRequester(requester: Requester, viewer: RequesterViewer): PresentedRequester {
  const isUnmasked = canSeeRequester(requester, viewer);
  return {
    name: requester.name === null ? null : isUnmasked ? requester.name : maskName(requester.name),
    phone: requester.phone === null ? null : isUnmasked ? requester.phone : maskPhone(requester.phone),
    isAnonymous: requester.isAnonymous,
    isUnmasked,
  };
}

export function presentCaseRequester(state: CaseState, actor: Actor): PresentedRequester {
  const lead = liveLead(state);
  return presentRequester(state.requester, { actor, leadUnit: lead === null ? null : lead.unit });
}

/**
 * Which cases a search by requester phone may match for this viewer — the same rule as
 * canSeeRequester, stated for a query: 'all' for centre case staff; for a handler, cases led by a
 * unit the handler acts for whose requester is not anonymous; nobody else may find a case by
 * phone (a match would reveal whose case it is).
 */
export type PhoneSearchScope = { kind: 'all' } | { kind: 'led-by'; leadUnitCodes: string[] } | { kind: 'none' };

export function phoneSearchScope(actor: Actor): PhoneSearchScope {
  if (isCentreActor(actor) && hasRole(actor, 'operator', 'dispatcher', 'supervisor', 'visitor', 'unit_leader', 'administrator')) return { kind: 'all' };
  if (!hasRole(actor, 'handler')) return { kind: 'none' };
  // actsForUnit: the handler's own unit, or for a section (科室) every unit above it.
  return { kind: 'led-by', leadUnitCodes: actor.unitClass === 'section' ? pathCodes(actor.unitPath) : [actor.unitCode] };
}
