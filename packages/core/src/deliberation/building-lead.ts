// 楼门层长: residents who serve as building (楼长), door (门长 — one entrance/unit of a building) or
// floor (层长) leads. The register is per community; the contact is masked like a requester's.
import { maskName, maskPhone } from '../cases/requester-masking';
import { DomainError } from '../errors';
import { requireText } from './meeting';
import { normalizeMobile } from './proposal';

export const BUILDING_LEAD_ROLES = ['building', 'door', 'floor'] as const;
export type BuildingLeadRole = (typeof BUILDING_LEAD_ROLES)[number];

export const BUILDING_LEAD_ROLE_INFO: Readonly<Record<BuildingLeadRole, { zh: string; en: string }>> = {
  building: { zh: '楼长', en: 'Building lead' },
  door: { zh: '门长', en: 'Door lead' },
  floor: { zh: '层长', en: 'Floor lead' },
};

export interface BuildingLeadInput {
  building: string;
  door?: string | null;
  floor?: string | null;
  name: string;
  phone: string;
}

export interface BuildingLeadFields {
  building: string;
  door: string | null;
  floor: string | null;
  role: BuildingLeadRole;
  name: string;
  phone: string;
}

/** Validates a register entry; the role follows from how far down it reaches (floor › door › building). */
export function parseBuildingLead(input: BuildingLeadInput): BuildingLeadFields {
  const building = requireText(input.building, 'building', 40);
  const door = input.door?.trim() || null;
  const floor = input.floor?.trim() || null;
  if (door !== null && door.length > 20) throw new DomainError('VALIDATION_FAILED', 'door is longer than 20 characters.', { field: 'door' });
  if (floor !== null && floor.length > 10) throw new DomainError('VALIDATION_FAILED', 'floor is longer than 10 characters.', { field: 'floor' });
  const role: BuildingLeadRole = floor !== null ? 'floor' : door !== null ? 'door' : 'building';
  return { building, door, floor, role, name: requireText(input.name, 'name', 60), phone: normalizeMobile(input.phone) };
}

/** What the register shows unless the viewer asked (audited) to see the contact. */
export function maskBuildingLead<T extends { name: string; phone: string }>(lead: T): T & { isUnmasked: false } {
  return { ...lead, name: maskName(lead.name), phone: maskPhone(lead.phone), isUnmasked: false };
}
