// The intake reference and the duplicate ranking, moved from the server into the core: worked by hand.
import { describe, expect, it } from 'vitest';
import { buildIntakeReference, DEFAULT_DUPLICATE_SETTINGS, DEFAULT_URGENCY_RULES, knowledgeStats, rankDuplicates, type DuplicateCandidate, type RoutingRule } from '../src';
import { dsTaoyuan, dsXingfu, organisationFixture } from './intake-fixtures';

const categories = [
  { code: '01', name: '城乡建设', parentCode: null, level: 1 },
  { code: '0101', name: '燃气供应', parentCode: '01', level: 2 },
];
const inputs = {
  units: organisationFixture,
  aliases: [
    { alias: '幸福里', unitCode: dsXingfu.code, kind: 'estate' },
    { alias: '不存在', unitCode: '000000', kind: 'estate' },
  ],
  boundaries: [],
  urgency: { value: DEFAULT_URGENCY_RULES, isDefault: true },
  routing: { value: null, isDefault: true },
  catalogue: { value: null, isDefault: true },
  defaultCatalogue: [],
  duplicates: DEFAULT_DUPLICATE_SETTINGS,
  categories,
};

describe('buildIntakeReference', () => {
  it('derives the default routing rules from the category tree and says they are the defaults', () => {
    const ref = buildIntakeReference(inputs);
    expect([ref.urgencySource, ref.routingSource, ref.catalogueSource]).toEqual(['default', 'default', 'default']);
    // 城乡建设 › 燃气供应 is in the named defaults (the gas company); its code comes from this tree.
    expect(ref.routingRules.find((r) => r.id === 'gas')?.categoryPrefix).toBe('0101');
    expect(ref.codeOfPath(['城乡建设', '燃气供应'])).toBe('0101');
    expect(ref.level1CodeByName.get('城乡建设')).toBe('01');
    expect(ref.boundaries).toBeNull();
  });

  it('keeps an administrator’s rules and leaves out an alias of a unit that is not an active place', () => {
    const own: RoutingRule[] = [{ id: 'all-to-street', categoryPrefix: '', target: { kind: 'unit', unitCode: dsTaoyuan.code }, priority: 0 }];
    const ref = buildIntakeReference({ ...inputs, routing: { value: own, isDefault: false } });
    expect(ref.routingSource).toBe('administrator');
    expect(ref.routingRules).toEqual(own);
    expect(
      ref.gazetteer
        .scan('幸福里')
        .filter((m) => m.text === '幸福里')
        .flatMap((m) => m.entries.map((e) => e.unitCode)),
    ).toEqual([dsXingfu.code]);
    expect(ref.gazetteer.scan('不存在').filter((m) => m.text === '不存在')).toEqual([]);
  });
});

describe('knowledgeStats', () => {
  it('counts articles, their mean length and each word’s document frequency', () => {
    // Lengths 3, 1, 2 → mean 2; 停车 appears in two articles (twice in the first: counted once).
    const s = knowledgeStats([{ tokens: ['停车', '收费', '停车'] }, { tokens: ['供暖'] }, { tokens: ['停车', '供暖'] }]);
    expect([s.n, s.meanLength]).toEqual([3, 2]);
    expect(Object.fromEntries(s.df)).toEqual({ 停车: 2, 收费: 1, 供暖: 2 });
    expect(knowledgeStats([])).toMatchObject({ n: 0, meanLength: 0 });
  });
});

describe('rankDuplicates', () => {
  const at = (d: number) => new Date(Date.UTC(2026, 10, d));
  const c = (id: string, tokens: string[], day: number): DuplicateCandidate => ({ caseId: id, caseNumber: id, subject: id, status: 'handling', receivedAt: at(day), tokens });
  it('ranks by Jaccard similarity, newer first on a tie, above the floor only', () => {
    // Draft {路灯, 不亮, 小区}: a = {路灯, 不亮} → 2/3; b = {路灯, 不亮} newer → 2/3; d = {路灯, 停车, 收费, 噪音} → 1/6 < 0.2.
    const out = rankDuplicates(['路灯', '不亮', '小区'], [c('a', ['路灯', '不亮'], 1), c('b', ['路灯', '不亮'], 2), c('d', ['路灯', '停车', '收费', '噪音'], 3)], {
      limit: 5,
      minSimilarity: 0.2,
    });
    expect(out.map((x) => [x.caseId, x.similarity])).toEqual([
      ['b', 0.667],
      ['a', 0.667],
    ]);
    expect(out[0]?.sharedWords.sort()).toEqual(['不亮', '路灯']);
  });
});
