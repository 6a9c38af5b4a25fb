import { describe, expect, it } from 'vitest';
import { DEFAULT_URGENCY_RULES, DomainError, suggestUrgency, validateUrgencyRules, type UrgencyRule } from '../src';

describe('suggestUrgency with the default rules', () => {
  it.each([
    ['楼道里有很重的燃气泄漏的味道', 'emergency', 'gas-leak'],
    ['厨房有煤气味', 'emergency', 'gas-leak'],
    ['单元门口天然气味很大', 'emergency', 'gas-leak'],
    ['小区从早上开始停水', 'utilities', 'water-supply'],
    ['整栋楼停电三个小时了', 'utilities', 'power-supply'],
    ['家里暖气不热，室温只有14度', 'utilities', 'heating'],
    ['已经供暖了但是没有暖气', 'utilities', 'heating'],
    ['3号楼电梯困人，已经20分钟', 'emergency', 'lift-entrapment'],
    ['路口井盖丢失，很危险', 'emergency', 'manhole'],
    ['对面楼发生火灾', 'emergency', 'fire'],
    ['配电箱冒烟', 'emergency', 'fire'],
    ['有人在路边触电', 'emergency', 'electric-shock'],
    ['人行道塌陷一个大坑', 'emergency', 'collapse'],
    ['楼下水管爆裂，水流到街上', 'emergency', 'burst-pipe'],
    ['楼上卫生间漏水严重', 'utilities', 'water-supply'],
    ['这个问题多年未解决', 'complex', 'long-standing'],
  ] as const)('%s → %s', (text, urgency, ruleId) => {
    const s = suggestUrgency(text);
    expect(s.urgency).toBe(urgency);
    expect(s.rule?.id).toBe(ruleId);
    expect(text).toContain(s.rule?.matched.split('+')[0]);
    expect(s.confidence).toBeGreaterThan(0.5);
    expect(s.explanation).toContain(ruleId);
  });

  it('lets the most severe rule win and lists the others', () => {
    const s = suggestUrgency('停电了，而且楼道里有煤气味');
    expect(s.urgency).toBe('emergency');
    expect(s.rule).toEqual({ id: 'gas-leak', matched: '煤气味' });
    expect(s.matches.map((m) => m.id)).toEqual(['gas-leak', 'power-supply']);
    expect(s.explanation).toContain('power-supply');
    expect(s.explanationZh).toBe(
      '关键词「煤气味」命中规则 gas-leak（燃气泄漏有爆炸和中毒风险，燃气公司须立即赶到），建议为紧急。另命中：power-supply（水电气热，「停电」）；以最严重者为准。',
    );
  });

  it('explains in Chinese too, with the default note in Chinese', () => {
    const s = suggestUrgency('人行道塌陷一个大坑');
    expect(s.explanation).toBe("Rule 'collapse' matched '塌陷', so emergency is suggested (Ground, road or building collapse.).");
    expect(s.explanationZh).toBe('关键词「塌陷」命中规则 collapse（地面、道路或建筑塌陷），建议为紧急。');
  });

  it("matches all words of a '+' keyword in any order", () => {
    const s = suggestUrgency('电梯坏了，有人被困在里面');
    expect(s).toMatchObject({ urgency: 'emergency', rule: { id: 'lift-entrapment', matched: '电梯+困' } });
    expect(s.confidence).toBeLessThan(suggestUrgency('电梯困人').confidence);
  });

  it('suggests general, with no rule and low confidence, when nothing matches', () => {
    const s = suggestUrgency('咨询孩子入学需要什么材料');
    expect(s).toMatchObject({ urgency: 'general', rule: null, matches: [] });
    expect(s.confidence).toBe(0.5);
    expect(s.explanation).toContain('No urgency rule matched');
    expect(s.explanationZh).toContain('没有命中任何紧急程度规则');
    expect(s.explanationZh).toContain('一般');
  });

  it('has valid default rules covering the brief', () => {
    expect(() => validateUrgencyRules(DEFAULT_URGENCY_RULES)).not.toThrow();
  });
});

describe('suggestUrgency with administrator rules', () => {
  const rules: UrgencyRule[] = [
    { id: 'a', pattern: ['积水'], urgency: 'utilities', priority: 1 },
    { id: 'b', pattern: '积水|倒灌', urgency: 'utilities', priority: 5, note: 'higher priority' },
    { id: 'off', pattern: '积水', urgency: 'emergency', priority: 99, isActive: false },
  ];

  it('breaks ties within a severity by priority and skips switched-off rules', () => {
    expect(suggestUrgency('地下车库积水', rules).rule?.id).toBe('b');
  });

  it("quotes an administrator's note as written in the Chinese explanation", () => {
    expect(suggestUrgency('地下车库积水', rules).explanationZh).toMatch(/^关键词「积水」命中规则 b（higher priority），建议为水电气热。/);
    const edited = DEFAULT_URGENCY_RULES.map((r) => (r.id === 'fire' ? { ...r, note: '火情，立即派单' } : r));
    expect(suggestUrgency('配电箱冒烟', edited).explanationZh).toContain('（火情，立即派单）');
  });

  it('accepts keywords as a list and ignores case and full-width forms', () => {
    const s = suggestUrgency('ＡＴＭ机器冒烟', [{ id: 'x', pattern: ['atm+冒烟'], urgency: 'emergency', priority: 1 }]);
    expect(s.rule?.id).toBe('x');
  });
});

describe('validateUrgencyRules', () => {
  const base: UrgencyRule = { id: 'r', pattern: '停水', urgency: 'utilities', priority: 1 };
  const fieldOf = (rules: UrgencyRule[]): unknown => {
    try {
      validateUrgencyRules(rules);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
      return (e as DomainError).details?.field;
    }
    return null;
  };

  it('names the field that is wrong', () => {
    expect(fieldOf([{ ...base, id: ' ' }])).toBe('rules[0].id');
    expect(fieldOf([base, { ...base, urgency: 'urgent' as never }])).toBe('rules[1].urgency');
    expect(fieldOf([{ ...base, priority: Number.NaN }])).toBe('rules[0].priority');
    expect(fieldOf([{ ...base, pattern: '停水||停电' }])).toBe('rules[0].pattern');
    expect(fieldOf([{ ...base, pattern: [] }])).toBe('rules[0].pattern');
    expect(fieldOf([{ ...base, pattern: '电梯+' }])).toBe('rules[0].pattern');
    expect(fieldOf([base, { ...base }])).toBe('rules[1].id');
    expect(fieldOf([base])).toBeNull();
  });

  it('refuses bad rules when suggesting, too', () => {
    expect(() => suggestUrgency('停水', [{ ...base, pattern: '' }])).toThrow(/rules\[0\]\.pattern/);
  });
});
