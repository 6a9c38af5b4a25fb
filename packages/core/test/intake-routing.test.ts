import { describe, expect, it } from 'vitest';
import { createUnitLookup, DomainError, suggestLeadUnit, validateRoutingRules, type RoutingRule, type SuggestLeadUnitInput } from '../src';
import { cityHeat, cityHousing, cityWater, dongshan, dsTaoyuan, dsTaoyuanXili, dsWater, dsXingfu, organisationFixture, xishan, xsTaoyuan } from './intake-fixtures';

const units = createUnitLookup(organisationFixture);
// 幸福社区 (东山) may lead property (0102) and greening (0105); 桃园西里社区 has no list on record.
const dutyLists = { [dsXingfu.code]: ['0102', '0105*'] };

const rules: RoutingRule[] = [
  { id: 'community-matters', categoryPrefix: '01', target: { kind: 'unit_class', unitClass: 'community' }, priority: 0 },
  { id: 'street-default', categoryPrefix: '', target: { kind: 'unit_class', unitClass: 'street' }, priority: 0 },
  { id: 'water', categoryPrefix: '0201', target: { kind: 'unit_class', unitClass: 'department', departmentKind: '水务' }, priority: 0 },
  { id: 'heating', categoryPrefix: '0204', target: { kind: 'unit_class', unitClass: 'enterprise', departmentKind: '热' }, priority: 0 },
  { id: 'housing', categoryPrefix: '03', target: { kind: 'unit', unitCode: cityHousing.code }, priority: 0 },
];

const suggest = (over: Partial<SuggestLeadUnitInput>) => suggestLeadUnit({ categoryCode: '0102', location: {}, rules, units, dutyLists, ...over });

describe('suggestLeadUnit: community duty lists (准入)', () => {
  it('lets a community lead a category on its duty list, with its street dispatched alongside', () => {
    const s = suggest({ categoryCode: '010203', location: { communityCode: dsXingfu.code } });
    expect(s).toMatchObject({ leadUnitCode: dsXingfu.code, coHandlerCodes: [dsTaoyuan.code], basis: 'rule', rule: { id: 'community-matters' } });
    expect(s.explanation).toContain('duty list');
    expect(s.explanationZh).toBe(
      `适用规则「community-matters」（类别前缀「01」，全市适用）。规则要求由所在社区主办。类别 010203 在 幸福社区 的职责清单内，因此由社区主办，并同时派给其所在街道 ${dsTaoyuan.name}（双派双督）。`,
    );
  });

  it('keeps a community from leading a category off its list: the street leads, the community assists', () => {
    const s = suggest({ categoryCode: '0108', location: { districtCode: dongshan.code, streetCode: dsTaoyuan.code, communityCode: dsXingfu.code } });
    expect(s).toMatchObject({ leadUnitCode: dsTaoyuan.code, coHandlerCodes: [dsXingfu.code], basis: 'duty_list' });
    expect(s.explanation).toContain('not on 幸福社区');
    expect(s.explanation).toContain('co-handler');
    expect(s.explanationZh).toContain('类别 0108 不在 幸福社区 的职责清单内（社区准入）');
    expect(s.explanationZh).toContain('社区作为协办单位');
  });

  it("reads a trailing '*' in a duty list as a prefix, like the dispatch rules do", () => {
    expect(suggest({ categoryCode: '010507', location: { communityCode: dsXingfu.code } }).leadUnitCode).toBe(dsXingfu.code);
  });

  it('treats a community with no duty list on record as leading nothing', () => {
    const s = suggest({ categoryCode: '0102', location: { communityCode: dsTaoyuanXili.code } });
    expect(s).toMatchObject({ leadUnitCode: dsTaoyuan.code, coHandlerCodes: [dsTaoyuanXili.code], basis: 'duty_list' });
    expect(s.explanation).toContain('no duty list');
  });

  it('applies the duty list to a community named by a rule, too', () => {
    const named: RoutingRule[] = [{ id: 'named', categoryPrefix: '', target: { kind: 'unit', unitCode: dsTaoyuanXili.code }, priority: 0 }];
    expect(suggest({ rules: named, categoryCode: '0901' })).toMatchObject({ leadUnitCode: dsTaoyuan.code, coHandlerCodes: [dsTaoyuanXili.code] });
  });

  it('gives the street the lead when a rule asks for the community and none is known', () => {
    expect(suggest({ categoryCode: '0102', location: { streetCode: dsTaoyuan.code } })).toMatchObject({ leadUnitCode: dsTaoyuan.code, basis: 'rule' });
  });
});

describe('suggestLeadUnit: district backstop (兜底)', () => {
  it('sends the case to the district when no unit below it is known', () => {
    const s = suggest({ categoryCode: '0901', location: { districtCode: xishan.code } });
    expect(s).toMatchObject({ leadUnitCode: xishan.code, coHandlerCodes: [], basis: 'backstop', rule: { id: 'street-default' } });
    expect(s.explanation).toContain('兜底');
    expect(s.explanationZh).toBe(`适用规则「street-default」，但规则要求街道主办，而位置没有所属街道。无法确定区以下的承办单位，因此由所在区 ${xishan.name} 兜底承办。`);
  });

  it('sends the case to the district when no rule matches', () => {
    const s = suggest({ rules: [rules[2] as RoutingRule], categoryCode: '0901', location: { streetCode: xsTaoyuan.code } });
    expect(s).toMatchObject({ leadUnitCode: xishan.code, basis: 'backstop', rule: null });
    expect(s.explanation).toContain('No routing rule covers category 0901');
  });

  it('returns no lead when not even the district is known: the centre dispatches by hand', () => {
    const s = suggest({ categoryCode: '0901', location: {} });
    expect(s).toMatchObject({ leadUnitCode: null, coHandlerCodes: [], basis: 'manual', confidence: 0 });
    expect(s.explanation).toContain('centre must dispatch this case by hand');
    expect(s.explanationZh).toContain('需由中心人工派单');
  });

  it('backstops when the unit a rule names is inactive', () => {
    const retired: RoutingRule[] = [{ id: 'old', categoryPrefix: '', target: { kind: 'unit', unitCode: 'D990000-OLD' }, priority: 0 }];
    expect(suggest({ rules: retired, location: { districtCode: dongshan.code } })).toMatchObject({ leadUnitCode: dongshan.code, basis: 'backstop' });
  });

  it('fills in the district from the street, and the street from the community', () => {
    const s = suggest({ categoryCode: '0901', rules: [], location: { communityCode: dsXingfu.code } });
    expect(s.leadUnitCode).toBe(dongshan.code);
  });

  it('trusts the community over a street and district that do not contain it, and says so', () => {
    const s = suggest({ categoryCode: '0901', location: { districtCode: xishan.code, streetCode: xsTaoyuan.code, communityCode: dsXingfu.code } });
    expect(s.leadUnitCode).toBe(dsTaoyuan.code);
    expect(s.explanation).toContain('does not contain community');
    expect(s.explanationZh).toContain(`位置中的街道 ${xsTaoyuan.code} 不包含社区 ${dsXingfu.code}`);
  });
});

describe('suggestLeadUnit: departments and enterprises by kind', () => {
  it("picks the district's own department of that kind", () => {
    const s = suggest({ categoryCode: '020105', location: { streetCode: dsTaoyuan.code } });
    expect(s).toMatchObject({ leadUnitCode: dsWater.code, basis: 'rule', rule: { id: 'water' } });
  });

  it("falls back to the city's department where the district has none", () => {
    const s = suggest({ categoryCode: '020105', location: { districtCode: xishan.code } });
    expect(s.leadUnitCode).toBe(cityWater.code);
    expect(s.explanation).toContain('has no 水务 department of its own');
    expect(s.explanationZh).toContain(`（${xishan.name}没有自己的水务部门）`);
  });

  it('uses the city-level body when no location is known at all', () => {
    const s = suggest({ categoryCode: '0204', location: {} });
    expect(s.leadUnitCode).toBe(cityHeat.code);
    expect(s.explanationZh).toContain(`规则要求供热企业主办；${cityHeat.name} 是市级的供热企业。`);
  });

  it('routes to a named unit regardless of location', () => {
    expect(suggest({ categoryCode: '0301', location: {} })).toMatchObject({ leadUnitCode: cityHousing.code, basis: 'rule' });
  });

  it('backstops when no body of that kind exists', () => {
    const none: RoutingRule[] = [{ id: 'telecom', categoryPrefix: '', target: { kind: 'unit_class', unitClass: 'enterprise', departmentKind: '通信' }, priority: 0 }];
    expect(suggest({ rules: none, location: { districtCode: dongshan.code } })).toMatchObject({ leadUnitCode: dongshan.code, basis: 'backstop' });
  });
});

describe('suggestLeadUnit: the most specific rule wins', () => {
  const loc = { streetCode: dsTaoyuan.code };
  const toDistrict = { kind: 'unit_class', unitClass: 'district' } as const;
  const toStreet = { kind: 'unit_class', unitClass: 'street' } as const;

  it('prefers a longer category prefix', () => {
    const r: RoutingRule[] = [
      { id: 'short', categoryPrefix: '07', target: toDistrict, priority: 100 },
      { id: 'long', categoryPrefix: '0703', target: toStreet, priority: 0 },
    ];
    expect(suggest({ rules: r, categoryCode: '070301', location: loc }).rule?.id).toBe('long');
  });

  it('prefers a district-specific rule over a city-wide one of the same prefix, but only in that district', () => {
    const r: RoutingRule[] = [
      { id: 'city', categoryPrefix: '07', target: toStreet, priority: 100 },
      { id: 'dongshan', categoryPrefix: '07', districtCode: dongshan.code, target: toDistrict, priority: 0 },
    ];
    expect(suggest({ rules: r, categoryCode: '0701', location: loc })).toMatchObject({ rule: { id: 'dongshan' }, leadUnitCode: dongshan.code });
    expect(suggest({ rules: r, categoryCode: '0701', location: { streetCode: xsTaoyuan.code } })).toMatchObject({ rule: { id: 'city' }, leadUnitCode: xsTaoyuan.code });
  });

  it('lets a longer city-wide prefix beat a shorter district-specific one', () => {
    const r: RoutingRule[] = [
      { id: 'district-short', categoryPrefix: '07', districtCode: dongshan.code, target: toDistrict, priority: 0 },
      { id: 'city-long', categoryPrefix: '0701', target: toStreet, priority: 0 },
    ];
    expect(suggest({ rules: r, categoryCode: '070101', location: loc }).rule?.id).toBe('city-long');
  });

  it('breaks remaining ties by priority, then skips switched-off rules', () => {
    const r: RoutingRule[] = [
      { id: 'low', categoryPrefix: '07', target: toDistrict, priority: 1 },
      { id: 'high', categoryPrefix: '07', target: toStreet, priority: 5 },
      { id: 'off', categoryPrefix: '0701', target: toDistrict, priority: 9, isActive: false },
    ];
    expect(suggest({ rules: r, categoryCode: '0701', location: loc }).rule?.id).toBe('high');
  });

  it('accepts the organisation as a plain list of units', () => {
    expect(suggest({ units: organisationFixture, categoryCode: '020105', location: { streetCode: dsTaoyuan.code } }).leadUnitCode).toBe(dsWater.code);
  });
});

describe('validateRoutingRules', () => {
  const fieldOf = (f: () => unknown): unknown => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
      return (e as DomainError).details?.field;
    }
    return null;
  };
  const ok: RoutingRule = { id: 'ok', categoryPrefix: '01', target: { kind: 'unit_class', unitClass: 'street' }, priority: 0 };

  it('names the field that is wrong', () => {
    expect(fieldOf(() => validateRoutingRules([ok]))).toBeNull();
    expect(fieldOf(() => validateRoutingRules([{ ...ok, id: '' }]))).toBe('rules[0].id');
    expect(fieldOf(() => validateRoutingRules([ok, { ...ok, categoryPrefix: ' 01' }]))).toBe('rules[1].categoryPrefix');
    expect(fieldOf(() => validateRoutingRules([{ ...ok, priority: Infinity }]))).toBe('rules[0].priority');
    expect(fieldOf(() => validateRoutingRules([{ ...ok, target: { kind: 'unit_class', unitClass: 'department' } }]))).toBe('rules[0].target.departmentKind');
    expect(fieldOf(() => validateRoutingRules([{ ...ok, target: { kind: 'unit_class', unitClass: 'section' as never } }]))).toBe('rules[0].target.unitClass');
    expect(fieldOf(() => validateRoutingRules([{ ...ok, target: { kind: 'team' } as never }]))).toBe('rules[0].target.kind');
    expect(fieldOf(() => validateRoutingRules([ok, ok]))).toBe('rules[1].id');
  });

  it('checks named units and districts against the organisation when given it', () => {
    expect(fieldOf(() => validateRoutingRules([{ ...ok, target: { kind: 'unit', unitCode: 'X' } }], units))).toBe('rules[0].target.unitCode');
    expect(fieldOf(() => validateRoutingRules([{ ...ok, districtCode: dsTaoyuan.code }], units))).toBe('rules[0].districtCode');
    expect(fieldOf(() => validateRoutingRules([{ ...ok, districtCode: dongshan.code }], units))).toBeNull();
  });

  it('refuses bad rules when suggesting', () => {
    expect(() => suggest({ rules: [{ ...ok, target: { kind: 'unit', unitCode: '' } }] })).toThrow(/rules\[0\]\.target\.unitCode/);
  });
});
