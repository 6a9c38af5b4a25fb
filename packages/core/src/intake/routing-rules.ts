// Lead-unit suggestion: routing rules by category × jurisdiction, the community duty list (准入)
// and the district backstop (兜底). Like every intake suggestion it says which rule fired and why
// the lead is who it is; the dispatcher confirms.
import { isInDutyList, type DutyLists } from '../cases/dispatch-rules';
import type { Unit } from '../org/unit';
import { bi, type BilingualText, explained, type Explained, joinBi } from './explanation';
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
  /** Units dispatched with the lead (协办), resolved like the target; one that resolves to nothing is left out. */
  coHandlers?: RoutingTarget[];
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

export interface LeadSuggestion extends Explained {
  leadUnitCode: string | null;
  coHandlerCodes: string[];
  rule: { id: string; categoryPrefix: string; districtCode: string | null } | null;
  basis: LeadBasis;
  confidence: number;
}

const CONFIDENCE: Record<LeadBasis, number> = { rule: 0.8, duty_list: 0.8, backstop: 0.5, manual: 0 };

/** Enterprises are kinded by one character ('水', '电', '气', '热'); in a sentence they read 供水企业 … */
const ENTERPRISE_KIND_ZH: Record<string, string> = { 水: '供水', 排水: '排水', 电: '供电', 气: '供气', 热: '供热' };

const CLASS_ZH: Record<Unit['class'], string> = { centre: '中心', district: '区', street: '街道', community: '社区', section: '科室', department: '部门', enterprise: '企业' };

interface KnownLocation {
  district: Unit | null;
  street: Unit | null;
  community: Unit | null;
  notes: BilingualText[];
}

type Resolved = { lead: Unit; co: Unit[]; basis: 'rule' | 'duty_list'; why: BilingualText } | { miss: BilingualText };

export function suggestLeadUnit(input: SuggestLeadUnitInput): LeadSuggestion {
  const { categoryCode, rules, dutyLists } = input;
  if (typeof categoryCode !== 'string') throw invalidRule('categoryCode', 'must be a category code (a string).', categoryCode);
  validateRoutingRules(rules);
  const lookup = isLookup(input.units) ? input.units : createUnitLookup(input.units);
  const loc = knownLocation(input.location, lookup);

  const rule = pickRoutingRule(rules, categoryCode, loc.district?.code ?? null);
  const ruleRef = rule === null ? null : { id: rule.id, categoryPrefix: rule.categoryPrefix, districtCode: rule.districtCode ?? null };
  const prefix = joinBi(loc.notes);

  let reason: BilingualText;
  if (rule === null) {
    reason = bi(
      `No routing rule covers category ${categoryCode}${loc.district ? ` in ${loc.district.name}` : ''}.`,
      `${loc.district ? `${loc.district.name}内` : ''}没有覆盖类别 ${categoryCode} 的派单规则。`,
    );
  } else {
    const resolved = resolveTarget(rule.target, categoryCode, loc, lookup, dutyLists);
    if (!('miss' in resolved)) {
      const co = withNamedCoHandlers(resolved, rule, categoryCode, loc, lookup);
      return {
        leadUnitCode: resolved.lead.code,
        coHandlerCodes: co.units.map((u) => u.code),
        rule: ruleRef,
        basis: resolved.basis,
        confidence: CONFIDENCE[resolved.basis],
        ...explained(
          joinBi([
            prefix,
            bi(
              `Rule '${rule.id}' (category prefix '${rule.categoryPrefix}'${rule.districtCode ? `, ${rule.districtCode} only` : ', city-wide'}) applies.`,
              `适用规则「${rule.id}」（类别前缀「${rule.categoryPrefix}」，${rule.districtCode ? `仅限 ${rule.districtCode}` : '全市适用'}）。`,
            ),
            resolved.why,
            co.why,
          ]),
        ),
      };
    }
    reason = bi(`Rule '${rule.id}' applies, but ${resolved.miss.en}`, `适用规则「${rule.id}」，但${resolved.miss.zh}`);
  }

  if (loc.district !== null) {
    return {
      leadUnitCode: loc.district.code,
      coHandlerCodes: [],
      rule: ruleRef,
      basis: 'backstop',
      confidence: CONFIDENCE.backstop,
      ...explained(
        joinBi([
          prefix,
          reason,
          bi(
            `No unit below the district can be identified, so the district of the location, ${loc.district.name}, takes the case (兜底).`,
            `无法确定区以下的承办单位，因此由所在区 ${loc.district.name} 兜底承办。`,
          ),
        ]),
      ),
    };
  }
  return {
    leadUnitCode: null,
    coHandlerCodes: [],
    rule: ruleRef,
    basis: 'manual',
    confidence: CONFIDENCE.manual,
    ...explained(
      joinBi([
        prefix,
        reason,
        bi(
          'The location is not resolved even to a district, so no district can backstop it: the centre must dispatch this case by hand (or resolve the address first).',
          '位置连所在区都没有解析出来，无法由区兜底：需由中心人工派单（或先解析地址）。',
        ),
      ]),
    ),
  };
}

/** Most specific first: longer category prefix, then district-specific over city-wide, then priority, then id. */
export function pickRoutingRule(rules: readonly RoutingRule[], categoryCode: string, districtCode: string | null): RoutingRule | null {
  const applicable = rules.filter(
    (r) => r.isActive !== false && categoryCode.startsWith(r.categoryPrefix) && (r.districtCode == null || r.districtCode === '' || r.districtCode === districtCode),
  );
  applicable.sort(
    (a, b) =>
      b.categoryPrefix.length - a.categoryPrefix.length || Number(Boolean(b.districtCode)) - Number(Boolean(a.districtCode)) || b.priority - a.priority || a.id.localeCompare(b.id),
  );
  return applicable[0] ?? null;
}

/** The rule's own co-handlers (协办) after those the lead brought (a community's street); never the lead twice. */
function withNamedCoHandlers(
  resolved: Extract<Resolved, { lead: Unit }>,
  rule: RoutingRule,
  categoryCode: string,
  loc: KnownLocation,
  lookup: UnitLookup,
): { units: Unit[]; why: BilingualText | null } {
  const units = [...resolved.co];
  for (const t of rule.coHandlers ?? []) {
    const r = resolveTarget(t, categoryCode, loc, lookup, undefined);
    if ('miss' in r) continue;
    if (r.lead.code !== resolved.lead.code && !units.some((u) => u.code === r.lead.code)) units.push(r.lead);
  }
  const named = units.slice(resolved.co.length);
  if (named.length === 0) return { units, why: null };
  const names = named.map((u) => u.name);
  return { units, why: bi(`The rule names co-handlers: ${names.join(', ')}.`, `规则指定协办单位：${names.join('、')}。`) };
}

function resolveTarget(t: RoutingTarget, categoryCode: string, loc: KnownLocation, lookup: UnitLookup, dutyLists: DutyLists | undefined): Resolved {
  if (t.kind === 'unit') {
    const unit = lookup.byCode(t.unitCode);
    if (unit === undefined || !unit.isActive) {
      return { miss: bi(`the unit it names (${t.unitCode}) is unknown or inactive.`, `其指定的单位（${t.unitCode}）不存在或已停用。`) };
    }
    if (unit.class === 'community') {
      const street = unit.parentCode === null ? undefined : lookup.byCode(unit.parentCode);
      return communityLead(unit, street ?? null, categoryCode, dutyLists, bi(`It names ${unit.name}.`, `规则指定 ${unit.name}。`));
    }
    return { lead: unit, co: [], basis: 'rule', why: bi(`It names ${unit.name} as lead.`, `规则指定 ${unit.name} 主办。`) };
  }
  switch (t.unitClass) {
    case 'district':
      return loc.district !== null
        ? { lead: loc.district, co: [], basis: 'rule', why: bi(`The district of the location, ${loc.district.name}, leads.`, `由所在区 ${loc.district.name} 主办。`) }
        : { miss: bi('the location has no district.', '位置没有所属的区。') };
    case 'street':
      return loc.street !== null
        ? { lead: loc.street, co: [], basis: 'rule', why: bi(`The street of the location, ${loc.street.name}, leads.`, `由所在街道 ${loc.street.name} 主办。`) }
        : { miss: bi('it asks for the street and the location has none.', '规则要求街道主办，而位置没有所属街道。') };
    case 'community':
      if (loc.community !== null) {
        return communityLead(loc.community, loc.street, categoryCode, dutyLists, bi('It asks for the community of the location.', '规则要求由所在社区主办。'));
      }
      if (loc.street !== null) {
        return {
          lead: loc.street,
          co: [],
          basis: 'rule',
          why: bi(
            `It asks for the community, but none is known for the location, so its street, ${loc.street.name}, leads.`,
            `规则要求社区主办，但位置的社区未知，因此由其所在街道 ${loc.street.name} 主办。`,
          ),
        };
      }
      return { miss: bi('it asks for the community and the location has neither community nor street.', '规则要求社区主办，而位置既没有社区也没有街道。') };
    case 'department':
    case 'enterprise':
      return bodyLead(t.unitClass, t.departmentKind ?? '', loc, lookup);
  }
}

/** 准入: a community leads only what is on its duty list; otherwise the street leads and the community assists. */
function communityLead(community: Unit, street: Unit | null, categoryCode: string, dutyLists: DutyLists | undefined, lead: BilingualText): Resolved {
  const list = dutyLists?.[community.code];
  if (list !== undefined && isInDutyList(categoryCode, list)) {
    return {
      lead: community,
      co: street === null ? [] : [street],
      basis: 'rule',
      why: joinBi([
        lead,
        bi(
          `Category ${categoryCode} is on ${community.name}'s duty list, so the community leads${street ? ` and its street, ${street.name}, is dispatched with it (双派双督)` : ''}.`,
          `类别 ${categoryCode} 在 ${community.name} 的职责清单内，因此由社区主办${street ? `，并同时派给其所在街道 ${street.name}（双派双督）` : ''}。`,
        ),
      ]),
    };
  }
  const why =
    list === undefined
      ? bi(`${community.name} has no duty list on record, so it may lead nothing`, `${community.name} 没有登记职责清单，不能主办任何事项`)
      : bi(`category ${categoryCode} is not on ${community.name}'s duty list`, `类别 ${categoryCode} 不在 ${community.name} 的职责清单内`);
  if (street === null) return { miss: bi(`${why.en}, and its street is unknown.`, `${why.zh}，且其所在街道未知。`) };
  return {
    lead: street,
    co: [community],
    basis: 'duty_list',
    why: joinBi([
      lead,
      bi(
        `But ${why.en} (社区准入): its street, ${street.name}, leads and the community assists as co-handler.`,
        `但${why.zh}（社区准入）：由其所在街道 ${street.name} 主办，社区作为协办单位。`,
      ),
    ]),
  };
}

function bodyLead(unitClass: 'department' | 'enterprise', kind: string, loc: KnownLocation, lookup: UnitLookup): Resolved {
  const body = `${(unitClass === 'enterprise' ? ENTERPRISE_KIND_ZH[kind] : undefined) ?? kind}${CLASS_ZH[unitClass]}`;
  const candidates: Array<{ list: readonly Unit[]; where: BilingualText }> = [];
  if (loc.district !== null) candidates.push({ list: lookup.bodies(loc.district.code, unitClass, kind), where: bi(`in ${loc.district.name}`, `${loc.district.name}`) });
  if (lookup.centreCode !== null) candidates.push({ list: lookup.bodies(lookup.centreCode, unitClass, kind), where: bi('at city level', '市级') });
  for (const [i, c] of candidates.entries()) {
    const first = c.list[0];
    if (first === undefined) continue;
    const fallback =
      i > 0 && loc.district !== null ? bi(` (${loc.district.name} has no ${kind} ${unitClass} of its own)`, `（${loc.district.name}没有自己的${body}）`) : bi('', '');
    const others =
      c.list.length > 1
        ? bi(
            ` Other ${kind} ${unitClass}s ${c.where.en}: ${c.list
              .slice(1)
              .map((u) => u.name)
              .join(', ')}.`,
            `${c.where.zh}的其他${body}：${c.list
              .slice(1)
              .map((u) => u.name)
              .join('、')}。`,
          )
        : bi('', '');
    return {
      lead: first,
      co: [],
      basis: 'rule',
      why: bi(
        `It asks for the ${kind} ${unitClass}; ${first.name} is the one ${c.where.en}${fallback.en}.${others.en}`,
        `规则要求${body}主办；${first.name} 是${c.where.zh}的${body}${fallback.zh}。${others.zh}`,
      ),
    };
  }
  return {
    miss: bi(
      `no active ${kind} ${unitClass} exists ${loc.district ? `in ${loc.district.name} or ` : ''}at city level.`,
      `${loc.district ? `${loc.district.name}和` : ''}市级都没有在用的${body}。`,
    ),
  };
}

/** Fills in the levels a location implies (a community's street and district), from the organisation. */
function knownLocation(location: RoutingLocation, lookup: UnitLookup): KnownLocation {
  const notes: BilingualText[] = [];
  const get = (code: string | null | undefined, cls: Unit['class']): Unit | null => {
    if (code == null || code === '') return null;
    const u = lookup.byCode(code);
    if (u === undefined || u.class !== cls || !u.isActive) {
      notes.push(bi(`The location's ${cls} ${code} is not an active ${cls} and was ignored.`, `位置中的${CLASS_ZH[cls]} ${code} 不是在用的${CLASS_ZH[cls]}，已忽略。`));
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
    if (street !== null) {
      notes.push(
        bi(
          `The location's street ${street.code} does not contain community ${community?.code}; the community's street ${communityStreet.code} is used.`,
          `位置中的街道 ${street.code} 不包含社区 ${community?.code}；改用该社区所属的街道 ${communityStreet.code}。`,
        ),
      );
    }
    street = communityStreet;
  }
  let district = get(location.districtCode, 'district');
  const streetDistrict = parentOf(street, 'district');
  if (streetDistrict !== null && district?.code !== streetDistrict.code) {
    if (district !== null) {
      notes.push(
        bi(
          `The location's district ${district.code} does not contain street ${street?.code}; the street's district ${streetDistrict.code} is used.`,
          `位置中的区 ${district.code} 不包含街道 ${street?.code}；改用该街道所属的区 ${streetDistrict.code}。`,
        ),
      );
    }
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
    validateRoutingTarget(r.target, `${field}.target`, lookup);
    if (r.coHandlers !== undefined) {
      if (!Array.isArray(r.coHandlers)) throw invalidRule(`${field}.coHandlers`, 'must be a list of targets.', r.coHandlers);
      r.coHandlers.forEach((c: unknown, j: number) => validateRoutingTarget(c, `${field}.coHandlers[${j}]`, lookup));
    }
  });
  assertUniqueIds(
    rules.map((r) => r.id),
    'rules',
  );
}

/** Checks one target's shape (and, with the organisation, that a named unit exists). */
export function validateRoutingTarget(target: unknown, field: string, lookup: UnitLookup | null = null): void {
  const t = target as RoutingTarget | undefined;
  if (t === undefined || t === null || typeof t !== 'object') throw invalidRule(field, 'is required.', t);
  const kind = requireOneOf(t.kind, ['unit_class', 'unit'] as const, `${field}.kind`);
  if (kind === 'unit' && t.kind === 'unit') {
    const code = requireNonEmptyString(t.unitCode, `${field}.unitCode`);
    if (lookup !== null && lookup.byCode(code) === undefined) throw invalidRule(`${field}.unitCode`, `no unit has code "${code}".`, code);
  } else if (t.kind === 'unit_class') {
    const cls = requireOneOf(t.unitClass, ROUTING_TARGET_CLASSES, `${field}.unitClass`);
    if (cls === 'department' || cls === 'enterprise') requireNonEmptyString(t.departmentKind, `${field}.departmentKind`);
  }
}

function isLookup(x: UnitLookup | Iterable<Unit>): x is UnitLookup {
  return (x as UnitLookup).kind === 'unit_lookup';
}
