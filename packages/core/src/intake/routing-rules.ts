// Lead-unit suggestion: routing rules by category × jurisdiction, the community duty list (准入)
// and the district backstop (兜底). Like every intake suggestion it says which rule fired and why
// the lead is who it is; the dispatcher confirms.
import { isInDutyList, type DutyLists } from '../cases/dispatch-rules';
import type { Unit } from '../org/unit';
import { assertUniqueIds, invalidRule, requireFiniteNumber, requireNonEmptyString, requireOneOf } from './rule-validation';
import { createUnitLookup, type UnitLookup } from './unit-lookup';

export const ROUTING_TARGET_CLASSES = ['street', 'community', 'district', 'department', 'enterprise'] as const;
export type RoutingTargetClass = (typeof ROUTING_TARGET_CLASSES)[number];

export type RoutingTarget =
  | { kind: 'unit_class'; unitClass: RoutingTargetClass; /** Required for department/enterprise: '水务', '住房建设', '水', '热' … */ departmentKind?: string }
  | { kind: 'unit'; unitCode: string };

export interface RoutingRule {
  id: string;
  /** Category code prefix ('01', '0103'); '' matches every category. */
  categoryPrefix: string;
  /** Only for locations in this district; absent or null = city-wide. */
  districtCode?: string | null;
  target: RoutingTarget;
  /** Breaks ties between equally specific rules: higher wins. */
  priority: number;
  note?: string;
  isActive?: boolean;
}

export interface RoutingLocation {
  districtCode?: string | null;
  streetCode?: string | null;
  communityCode?: string | null;
}

export interface SuggestLeadUnitInput {
  categoryCode: string;
  location: RoutingLocation;
  rules: readonly RoutingRule[];
  /** The organisation: a prepared lookup (build once with createUnitLookup) or the units themselves. */
  units: UnitLookup | Iterable<Unit>;
  /** Community code → category prefixes it may lead (社区职责清单); a community without a list leads nothing. */
  dutyLists?: DutyLists;
}

/** rule: a rule chose the lead; duty_list: a community was kept from leading; backstop: 兜底 district; manual: the centre must choose. */
export type LeadBasis = 'rule' | 'duty_list' | 'backstop' | 'manual';

export interface LeadSuggestion {
  leadUnitCode: string | null;
  coHandlerCodes: string[];
  rule: { id: string; categoryPrefix: string; districtCode: string | null } | null;
  basis: LeadBasis;
  confidence: number;
  explanation: string;
}

const CONFIDENCE: Record<LeadBasis, number> = { rule: 0.8, duty_list: 0.8, backstop: 0.5, manual: 0 };

interface KnownLocation {
  district: Unit | null;
  street: Unit | null;
  community: Unit | null;
  notes: string[];
}

type Resolved = { lead: Unit; co: Unit[]; basis: 'rule' | 'duty_list'; why: string } | { miss: string };

export function suggestLeadUnit(input: SuggestLeadUnitInput): LeadSuggestion {
  const { categoryCode, rules, dutyLists } = input;
  if (typeof categoryCode !== 'string') throw invalidRule('categoryCode', 'must be a category code (a string).', categoryCode);
  validateRoutingRules(rules);
  const lookup = isLookup(input.units) ? input.units : createUnitLookup(input.units);
  const loc = knownLocation(input.location, lookup);

  const rule = pickRoutingRule(rules, categoryCode, loc.district?.code ?? null);
  const ruleRef = rule === null ? null : { id: rule.id, categoryPrefix: rule.categoryPrefix, districtCode: rule.districtCode ?? null };
  const prefix = loc.notes.length > 0 ? `${loc.notes.join(' ')} ` : '';

  let reason: string;
  if (rule === null) {
    reason = `No routing rule covers category ${categoryCode}${loc.district ? ` in ${loc.district.name}` : ''}.`;
  } else {
    const resolved = resolveTarget(rule, categoryCode, loc, lookup, dutyLists);
    if (!('miss' in resolved)) {
      return {
        leadUnitCode: resolved.lead.code,
        coHandlerCodes: resolved.co.map((u) => u.code),
        rule: ruleRef,
        basis: resolved.basis,
        confidence: CONFIDENCE[resolved.basis],
        explanation: `${prefix}Rule '${rule.id}' (category prefix '${rule.categoryPrefix}'${rule.districtCode ? `, ${rule.districtCode} only` : ', city-wide'}) applies. ${resolved.why}`,
      };
    }
    reason = `Rule '${rule.id}' applies, but ${resolved.miss}`;
  }

  if (loc.district !== null) {
    return {
      leadUnitCode: loc.district.code,
      coHandlerCodes: [],
      rule: ruleRef,
      basis: 'backstop',
      confidence: CONFIDENCE.backstop,
      explanation: `${prefix}${reason} No unit below the district can be identified, so the district of the location, ${loc.district.name}, takes the case (兜底).`,
    };
  }
  return {
    leadUnitCode: null,
    coHandlerCodes: [],
    rule: ruleRef,
    basis: 'manual',
    confidence: CONFIDENCE.manual,
    explanation: `${prefix}${reason} The location is not resolved even to a district, so no district can backstop it: the centre must dispatch this case by hand (or resolve the address first).`,
  };
}

/** Most specific first: longer category prefix, then district-specific over city-wide, then priority, then id. */
export function pickRoutingRule(rules: readonly RoutingRule[], categoryCode: string, districtCode: string | null): RoutingRule | null {
  const applicable = rules.filter(
    (r) =>
      r.isActive !== false &&
      categoryCode.startsWith(r.categoryPrefix) &&
      (r.districtCode == null || r.districtCode === '' || r.districtCode === districtCode),
  );
  applicable.sort(
    (a, b) =>
      b.categoryPrefix.length - a.categoryPrefix.length ||
      Number(Boolean(b.districtCode)) - Number(Boolean(a.districtCode)) ||
      b.priority - a.priority ||
      a.id.localeCompare(b.id),
  );
  return applicable[0] ?? null;
}

function resolveTarget(rule: RoutingRule, categoryCode: string, loc: KnownLocation, lookup: UnitLookup, dutyLists: DutyLists | undefined): Resolved {
  const t = rule.target;
  if (t.kind === 'unit') {
    const unit = lookup.byCode(t.unitCode);
    if (unit === undefined || !unit.isActive) return { miss: `the unit it names (${t.unitCode}) is unknown or inactive.` };
    if (unit.class === 'community') {
      const street = unit.parentCode === null ? undefined : lookup.byCode(unit.parentCode);
      return communityLead(unit, street ?? null, categoryCode, dutyLists, `It names ${unit.name}.`);
    }
    return { lead: unit, co: [], basis: 'rule', why: `It names ${unit.name} as lead.` };
  }
  switch (t.unitClass) {
    case 'district':
      return loc.district !== null ? { lead: loc.district, co: [], basis: 'rule', why: `The district of the location, ${loc.district.name}, leads.` } : { miss: 'the location has no district.' };
    case 'street':
      return loc.street !== null ? { lead: loc.street, co: [], basis: 'rule', why: `The street of the location, ${loc.street.name}, leads.` } : { miss: 'it asks for the street and the location has none.' };
    case 'community':
      if (loc.community !== null) return communityLead(loc.community, loc.street, categoryCode, dutyLists, 'It asks for the community of the location.');
      if (loc.street !== null) {
        return { lead: loc.street, co: [], basis: 'rule', why: `It asks for the community, but none is known for the location, so its street, ${loc.street.name}, leads.` };
      }
      return { miss: 'it asks for the community and the location has neither community nor street.' };
    case 'department':
    case 'enterprise':
      return bodyLead(t.unitClass, t.departmentKind ?? '', loc, lookup);
  }
}

/** 准入: a community leads only what is on its duty list; otherwise the street leads and the community assists. */
function communityLead(community: Unit, street: Unit | null, categoryCode: string, dutyLists: DutyLists | undefined, lead: string): Resolved {
  const list = dutyLists?.[community.code];
  if (list !== undefined && isInDutyList(categoryCode, list)) {
    return {
      lead: community,
      co: street === null ? [] : [street],
      basis: 'rule',
      why: `${lead} Category ${categoryCode} is on ${community.name}'s duty list, so the community leads${street ? ` and its street, ${street.name}, is dispatched with it (双派双督)` : ''}.`,
    };
  }
  const why = list === undefined ? `${community.name} has no duty list on record, so it may lead nothing` : `category ${categoryCode} is not on ${community.name}'s duty list`;
  if (street === null) return { miss: `${why}, and its street is unknown.` };
  return {
    lead: street,
    co: [community],
    basis: 'duty_list',
    why: `${lead} But ${why} (社区准入): its street, ${street.name}, leads and the community assists as co-handler.`,
  };
}

function bodyLead(unitClass: 'department' | 'enterprise', kind: string, loc: KnownLocation, lookup: UnitLookup): Resolved {
  const candidates: Array<{ list: readonly Unit[]; where: string }> = [];
  if (loc.district !== null) candidates.push({ list: lookup.bodies(loc.district.code, unitClass, kind), where: `in ${loc.district.name}` });
  if (lookup.centreCode !== null) candidates.push({ list: lookup.bodies(lookup.centreCode, unitClass, kind), where: 'at city level' });
  for (const [i, c] of candidates.entries()) {
    const first = c.list[0];
    if (first === undefined) continue;
    const fallback = i > 0 && loc.district !== null ? ` (${loc.district.name} has no ${kind} ${unitClass} of its own)` : '';
    const others = c.list.length > 1 ? ` Other ${kind} ${unitClass}s ${c.where}: ${c.list.slice(1).map((u) => u.name).join(', ')}.` : '';
    return { lead: first, co: [], basis: 'rule', why: `It asks for the ${kind} ${unitClass}; ${first.name} is the one ${c.where}${fallback}.${others}` };
  }
  return { miss: `no active ${kind} ${unitClass} exists ${loc.district ? `in ${loc.district.name} or ` : ''}at city level.` };
}

/** Fills in the levels a location implies (a community's street and district), from the organisation. */
function knownLocation(location: RoutingLocation, lookup: UnitLookup): KnownLocation {
  const notes: string[] = [];
  const get = (code: string | null | undefined, cls: Unit['class']): Unit | null => {
    if (code == null || code === '') return null;
    const u = lookup.byCode(code);
    if (u === undefined || u.class !== cls || !u.isActive) {
      notes.push(`The location's ${cls} ${code} is not an active ${cls} and was ignored.`);
      return null;
    }
    return u;
  };
  const parentOf = (u: Unit | null, cls: Unit['class']): Unit | null => {
    if (u === null || u.parentCode === null) return null;
    const p = lookup.byCode(u.parentCode);
    return p !== undefined && p.class === cls && p.isActive ? p : null;
  };
  const community = get(location.communityCode, 'community');
  let street = get(location.streetCode, 'street');
  const communityStreet = parentOf(community, 'street');
  if (communityStreet !== null && street?.code !== communityStreet.code) {
    if (street !== null) notes.push(`The location's street ${street.code} does not contain community ${community?.code}; the community's street ${communityStreet.code} is used.`);
    street = communityStreet;
  }
  let district = get(location.districtCode, 'district');
  const streetDistrict = parentOf(street, 'district');
  if (streetDistrict !== null && district?.code !== streetDistrict.code) {
    if (district !== null) notes.push(`The location's district ${district.code} does not contain street ${street?.code}; the street's district ${streetDistrict.code} is used.`);
    district = streetDistrict;
  }
  return { district, street, community, notes };
}

/** Checks rule shapes; with the organisation, also that named units and districts exist. */
export function validateRoutingRules(rules: readonly RoutingRule[], units?: UnitLookup | Iterable<Unit>): void {
  if (!Array.isArray(rules)) throw invalidRule('rules', 'must be a list of rules.', rules);
  const lookup = units === undefined ? null : isLookup(units) ? units : createUnitLookup(units);
  rules.forEach((r, i) => {
    const field = `rules[${i}]`;
    requireNonEmptyString(r.id, `${field}.id`);
    if (typeof r.categoryPrefix !== 'string' || r.categoryPrefix !== r.categoryPrefix.trim()) {
      throw invalidRule(`${field}.categoryPrefix`, "must be a category code prefix ('' for every category), without spaces.", r.categoryPrefix);
    }
    requireFiniteNumber(r.priority, `${field}.priority`);
    if (r.districtCode != null && r.districtCode !== '') {
      const d = lookup?.byCode(r.districtCode);
      if (lookup !== null && d?.class !== 'district') throw invalidRule(`${field}.districtCode`, `"${r.districtCode}" is not a district.`, r.districtCode);
    }
    const t = r.target as RoutingTarget | undefined;
    if (t === undefined || t === null || typeof t !== 'object') throw invalidRule(`${field}.target`, 'is required.', t);
    const kind = requireOneOf(t.kind, ['unit_class', 'unit'] as const, `${field}.target.kind`);
    if (kind === 'unit' && t.kind === 'unit') {
      const code = requireNonEmptyString(t.unitCode, `${field}.target.unitCode`);
      if (lookup !== null && lookup.byCode(code) === undefined) throw invalidRule(`${field}.target.unitCode`, `no unit has code "${code}".`, code);
    } else if (t.kind === 'unit_class') {
      const cls = requireOneOf(t.unitClass, ROUTING_TARGET_CLASSES, `${field}.target.unitClass`);
      if (cls === 'department' || cls === 'enterprise') requireNonEmptyString(t.departmentKind, `${field}.target.departmentKind`);
    }
  });
  assertUniqueIds(rules.map((r) => r.id), 'rules');
}

function isLookup(x: UnitLookup | Iterable<Unit>): x is UnitLookup {
  return (x as UnitLookup).kind === 'unit_lookup';
}
