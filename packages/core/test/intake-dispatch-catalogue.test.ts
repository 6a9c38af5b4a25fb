// The dispatch catalogue's pure parts: matching (phrases, '+' words, excludes, subject weight,
// catalogue order on ties), combining with a model (who decides and why), the routing rules it
// yields (co-handlers resolved, never the lead twice) and validation naming the field.
import { describe, expect, it } from 'vitest';
import {
  catalogueRoutingRules,
  combineCategory,
  createUnitLookup,
  type DispatchEntry,
  DomainError,
  matchDispatchCatalogue,
  suggestLeadUnit,
  validateDispatchCatalogue,
} from '../src';
import { cityHeat, dsTaoyuan, dsXingfu, organisationFixture } from './intake-fixtures';

const street = { kind: 'unit_class', unitClass: 'street' } as const;
const heat = { kind: 'unit_class', unitClass: 'enterprise', departmentKind: '热' } as const;

const ENTRIES: DispatchEntry[] = [
  { id: 'heating-cold', categoryPath: ['城乡建设', '冬季供暖', '供暖不热'], keywords: ['暖气不热', '暖气+凉'], excludes: ['漏水'], lead: heat, coHandlers: [street] },
  { id: 'heating-leak', categoryPath: ['城乡建设', '冬季供暖', '暖气漏水'], keywords: ['暖气漏水', '暖气+漏'], lead: heat },
  { id: 'noise', categoryPath: ['生态环境', '噪声污染', '生活噪声'], keywords: ['噪音'], lead: street },
  { id: 'noise-2', categoryPath: ['生态环境', '噪声污染', '商业噪声'], keywords: ['噪音'], lead: street },
];

describe('matchDispatchCatalogue', () => {
  it('matches phrases and words joined by +, in any order, and weighs the subject 1.5 times', () => {
    const [top] = matchDispatchCatalogue('家里好冷', '暖气片摸着是凉的', ENTRIES);
    expect(top).toMatchObject({ entry: { id: 'heating-cold' }, matched: ['暖气+凉'], score: 3 });
    const [inSubject] = matchDispatchCatalogue('暖气不热', '', ENTRIES);
    expect(inSubject?.score).toBe(6); // 4 characters × 1.5
  });
  it('lets an exclude rule an entry out and keeps catalogue order on a tie', () => {
    expect(matchDispatchCatalogue('暖气不热还漏水', '', ENTRIES).map((m) => m.entry.id)).toEqual(['heating-leak']);
    expect(matchDispatchCatalogue('楼上噪音', '', ENTRIES).map((m) => m.entry.id)).toEqual(['noise', 'noise-2']);
    expect(matchDispatchCatalogue('路灯不亮', '', ENTRIES)).toEqual([]);
  });
  it('ignores switched-off entries', () => {
    expect(matchDispatchCatalogue('楼上噪音', '', [{ ...(ENTRIES[2] as DispatchEntry), isActive: false }])).toEqual([]);
  });
});

describe('combineCategory', () => {
  const [strong] = matchDispatchCatalogue('暖气不热', '', ENTRIES);
  const [weak] = matchDispatchCatalogue('冷', '暖气是凉的', ENTRIES);
  const cat = (m: typeof strong) => ({ match: m as NonNullable<typeof strong>, categoryCode: '010501' });
  it('lets the operator decide, then takes the catalogue leaf when the model agrees on level 1', () => {
    expect(combineCategory({ given: '0301', catalogue: cat(strong), model: null })).toMatchObject({ categoryCode: '0301', decidedBy: 'operator' });
    const both = combineCategory({ catalogue: cat(strong), model: { label: '城乡建设', probability: 0.9, categoryCode: '01' } });
    expect(both).toMatchObject({ categoryCode: '010501', decidedBy: 'catalogue_and_model' });
    expect(both.explanationZh).toContain('模型在一级上一致');
  });
  it('on disagreement: a strong match or an unsure model leaves it to the catalogue, else the model decides', () => {
    expect(combineCategory({ catalogue: cat(strong), model: { label: '生态环境', probability: 0.95, categoryCode: '04' } })).toMatchObject({
      categoryCode: '010501',
      decidedBy: 'catalogue',
    });
    expect(combineCategory({ catalogue: cat(weak), model: { label: '生态环境', probability: 0.5, categoryCode: '04' } })).toMatchObject({
      categoryCode: '010501',
      decidedBy: 'catalogue',
    });
    const model = combineCategory({ catalogue: cat(weak), model: { label: '生态环境', probability: 0.8, categoryCode: '04' } });
    expect(model).toMatchObject({ categoryCode: '04', decidedBy: 'model' });
    expect(model.explanation).toContain('the model decides');
  });
  it('says when neither names a category', () => {
    expect(combineCategory({ catalogue: null, model: null })).toMatchObject({ categoryCode: null, decidedBy: 'none' });
    expect(combineCategory({ catalogue: { match: strong as NonNullable<typeof strong>, categoryCode: null }, model: null }).decidedBy).toBe('none');
  });
});

describe('catalogue routing', () => {
  const units = createUnitLookup(organisationFixture);
  const codeOf = (path: readonly string[]) => (path.at(-1) === '供暖不热' ? '010501' : path.at(-1) === '暖气漏水' ? '010502' : null);
  it('gives one rule per leaf with its co-handlers, resolved for the location; the lead is never its own co-handler', () => {
    const rules = catalogueRoutingRules(ENTRIES, codeOf);
    expect(rules.map((r) => r.id)).toEqual(['catalogue:heating-cold', 'catalogue:heating-leak']);
    const s = suggestLeadUnit({ categoryCode: '010501', location: { communityCode: dsXingfu.code }, rules, units });
    expect(s.leadUnitCode).toBe(cityHeat.code);
    expect(s.coHandlerCodes).toEqual([dsTaoyuan.code]);
    expect(s.explanationZh).toContain('规则指定协办单位');
    const selfCo = catalogueRoutingRules([{ ...(ENTRIES[2] as DispatchEntry), categoryPath: ['城乡建设', '冬季供暖', '供暖不热'], coHandlers: [street] }], codeOf);
    expect(suggestLeadUnit({ categoryCode: '010501', location: { streetCode: dsTaoyuan.code }, rules: selfCo, units }).coHandlerCodes).toEqual([]);
  });
  it('validates entries and names the field', () => {
    const bad = (e: Partial<DispatchEntry>, field: string) => {
      try {
        validateDispatchCatalogue([{ ...(ENTRIES[0] as DispatchEntry), ...e }], codeOf);
        throw new Error('accepted');
      } catch (err) {
        expect(err).toBeInstanceOf(DomainError);
        expect((err as DomainError).details?.field).toBe(field);
      }
    };
    bad({ keywords: [] }, 'entries[0].keywords');
    bad({ keywords: ['暖气', '+'] }, 'entries[0].keywords[1]');
    bad({ categoryPath: ['城乡建设', '没有'] }, 'entries[0].categoryPath');
    bad({ lead: { kind: 'unit_class', unitClass: 'enterprise' } }, 'entries[0].lead.departmentKind');
    bad({ coHandlers: [{ kind: 'nope' } as never] }, 'entries[0].coHandlers[0].kind');
    expect(() => validateDispatchCatalogue([ENTRIES[0] as DispatchEntry, ENTRIES[0] as DispatchEntry])).toThrow(/duplicate/);
  });
});
