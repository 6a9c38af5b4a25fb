// Pure dispatch rules: who may be made lead (community duty lists, 准入), what a dual dispatch
// (双派双督) must contain, and which district takes a case no unit can be found for (兜底).
import { DomainError } from '../errors';
import type { UnitClass } from '../org/unit';
import { pathCodes } from '../org/unit';
import type { DispatchPlan } from './case-commands';
import type { CaseLocation, UnitRef } from './case-types';

/** Unit classes a case can be dispatched to (the centre and sections never handle a case themselves). */
export const DISPATCHABLE_UNIT_CLASSES = ['district', 'street', 'community', 'department', 'enterprise'] as const satisfies readonly UnitClass[];

/** Duty lists by community code: category codes or prefixes ('0301' covers '030105'; a trailing '*' is allowed). */
export type DutyLists = Readonly<Record<string, readonly string[]>>;

export function isInDutyList(categoryCode: string, dutyList: readonly string[]): boolean {
  return dutyList.some((entry) => {
    const prefix = entry.endsWith('*') ? entry.slice(0, -1) : entry;
    return prefix.length > 0 && categoryCode.startsWith(prefix);
  });
}

/** The code of the unit directly above `unit` in the tree, from its path. */
export function parentCodeOf(unit: { path: string }): string | null {
  const codes = pathCodes(unit.path);
  return codes.length >= 2 ? (codes[codes.length - 2] ?? null) : null;
}

/**
 * A community may lead only categories on its duty list; a community with no list on record leads
 * nothing (the safe reading of 准入: a matter is outside the list until it is put on it).
 */
export function assertCommunityMayLead(community: UnitRef, categoryCode: string, dutyLists: DutyLists | undefined): void {
  if (community.class !== 'community') return;
  const list = dutyLists?.[community.code] ?? [];
  if (isInDutyList(categoryCode, list)) return;
  const streetCode = parentCodeOf(community);
  throw new DomainError(
    'NOT_IN_DUTY_LIST',
    `Category ${categoryCode} is not on ${community.name}'s duty list, so the community cannot lead it: make its street the lead and the community a co-handler.`,
    { categoryCode, communityCode: community.code, suggestedLeadCode: streetCode, suggestedCoHandlerCode: community.code },
  );
}

/**
 * The routing helper for a matter in a community: the community leads when the category is on its
 * duty list, otherwise the street leads; either way both are dispatched together and supervised.
 */
export function planCommunityDispatch(categoryCode: string, community: UnitRef, street: UnitRef, dutyList: readonly string[]): DispatchPlan {
  return isInDutyList(categoryCode, dutyList) ? { lead: community, coHandlers: [street], mode: 'dual' } : { lead: street, coHandlers: [community], mode: 'dual' };
}

/** The district code of a location: the resolved district, else the first six digits of the street or community code. */
export function backstopDistrictCode(location: CaseLocation): string | null {
  if (location.districtCode) return location.districtCode;
  for (const code of [location.streetCode, location.communityCode]) {
    if (code && /^\d{9,}$/.test(code)) return code.slice(0, 6);
  }
  return null;
}

/** 兜底: the district government of the location takes a case no unit could be identified for. */
export function chooseBackstopDistrict(location: CaseLocation, districts: readonly UnitRef[]): UnitRef {
  const code = backstopDistrictCode(location);
  const district = code === null ? undefined : districts.find((d) => d.class === 'district' && d.code === code);
  if (district === undefined) {
    throw new DomainError('BACKSTOP_LOCATION_UNKNOWN', 'The location is not resolved to a district, so no district can take this case; resolve the address first.', {
      districtCode: code,
      address: location.address,
    });
  }
  return district;
}

/** Checks a plan against the case's category and location; returns the co-handlers as a list. */
export function checkDispatchPlan(plan: DispatchPlan, categoryCode: string, location: CaseLocation, dutyLists: DutyLists | undefined): UnitRef[] {
  const co = [...(plan.coHandlers ?? [])];
  for (const unit of [plan.lead, ...co]) {
    if (!(DISPATCHABLE_UNIT_CLASSES as readonly string[]).includes(unit.class)) {
      throw new DomainError('INVALID_DISPATCH_TARGET', `A case cannot be dispatched to ${unit.name} (a ${unit.class}).`, {
        unitCode: unit.code,
        unitClass: unit.class,
      });
    }
  }
  const codes = [plan.lead.code, ...co.map((u) => u.code)];
  if (new Set(codes).size !== codes.length) {
    throw new DomainError('VALIDATION_FAILED', 'A unit appears twice in the dispatch (a lead cannot also be its own co-handler).', {
      field: 'plan',
      units: codes,
    });
  }
  assertCommunityMayLead(plan.lead, categoryCode, dutyLists);

  const mode = plan.mode ?? 'standard';
  switch (mode) {
    case 'standard':
      break;
    case 'dual': {
      // The street office and a community of that street, at once; either may lead.
      const lead = plan.lead;
      const ok =
        lead.class === 'street'
          ? co.some((u) => u.class === 'community' && parentCodeOf(u) === lead.code)
          : lead.class === 'community' && co.some((u) => u.class === 'street' && parentCodeOf(lead) === u.code);
      if (!ok) {
        throw new DomainError('DUAL_DISPATCH_INVALID', 'A dual dispatch goes to a street office and one of its communities at once; name both.', {
          leadCode: lead.code,
          coHandlerCodes: co.map((u) => u.code),
        });
      }
      break;
    }
    case 'backstop': {
      const expected = backstopDistrictCode(location);
      if (expected === null) {
        throw new DomainError('BACKSTOP_LOCATION_UNKNOWN', 'The location is not resolved to a district; resolve the address first.', {
          address: location.address,
        });
      }
      if (plan.lead.class !== 'district' || plan.lead.code !== expected) {
        throw new DomainError('BACKSTOP_DISTRICT_MISMATCH', `A backstop dispatch goes to the district of the location (${expected}).`, {
          expectedDistrictCode: expected,
          leadCode: plan.lead.code,
        });
      }
      break;
    }
    default: {
      const unknown: never = mode;
      throw new DomainError('VALIDATION_FAILED', `Unknown dispatch mode ${String(unknown)}.`, { field: 'plan.mode' });
    }
  }
  return co;
}
