// Roles a user can hold. A user belongs to one unit and acts only within its subtree.
import type { UnitClass } from './unit';

export const ROLES = [
  'operator', // 话务员: takes calls, records intake
  'dispatcher', // 派单员: dispatches, rules on returns and disputes
  'handler', // 承办人: signs, contacts the requester, handles, gives feedback
  'unit_leader', // unit leader: approves within the unit, sees its whole subtree
  'supervisor', // 督办员: reminders and escalations
  'visitor', // 回访员: return visits
  'evaluator', // scoring, appeals, rankings
  'administrator', // organisation, users, reference data, configuration
  'analyst', // read-only dashboards and exports
] as const;
export type Role = (typeof ROLES)[number];

/** Who is making a call. Every use case receives one. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  unitCode: string;
  unitPath: string;
  unitClass: UnitClass;
  roles: readonly Role[];
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

/** The city centre sees everything: its path is the root of the tree. */
export function isCentreActor(actor: Actor): boolean {
  return actor.unitClass === 'centre';
}
