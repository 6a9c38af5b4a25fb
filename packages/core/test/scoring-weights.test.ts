// Weight versions: chosen by date and unit class, validated to sum to 1.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHT_VERSIONS, evaluationPeriod, selectWeights, validateWeightVersions, type WeightVersion } from '../src/index';

const versions: WeightVersion[] = [
  { validFrom: '2019-01-01', response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallySatisfiedFactor: 0.9 },
  { validFrom: '2026-01-01', unitClass: 'enterprise', response: 0.2, resolution: 0.4, satisfaction: 0.4, basicallySatisfiedFactor: 0.8 },
  { validFrom: '2026-12-19', response: 0.2, resolution: 0.5, satisfaction: 0.3, basicallySatisfiedFactor: 0.9 },
];

describe('selectWeights', () => {
  it('defaults to 0.10 / 0.50 / 0.40 with factor 0.9', () => {
    expect(selectWeights(DEFAULT_WEIGHT_VERSIONS, 'street', '2026-10-19')).toMatchObject({
      response: 0.1,
      resolution: 0.5,
      satisfaction: 0.4,
      basicallySatisfiedFactor: 0.9,
    });
  });

  it("picks the newest version valid on the period's first day", () => {
    // Period 2026-12 starts 2026-11-19: before the 2026-12-19 version.
    expect(selectWeights(versions, 'street', evaluationPeriod('2026-12').firstDay).validFrom).toBe('2019-01-01');
    // Period 2027-01 starts 2026-12-19: the new version applies from that very day.
    expect(selectWeights(versions, 'street', evaluationPeriod('2027-01').firstDay).validFrom).toBe('2026-12-19');
  });

  it("prefers the class's own version, falling back to the class-less one", () => {
    expect(selectWeights(versions, 'enterprise', '2026-06-01')).toMatchObject({ validFrom: '2026-01-01', unitClass: 'enterprise' });
    // Its own version stays in force even after a newer class-less version.
    expect(selectWeights(versions, 'enterprise', '2027-02-01')).toMatchObject({ validFrom: '2026-01-01', unitClass: 'enterprise' });
    // Before the enterprise version existed: the class-less one.
    expect(selectWeights(versions, 'enterprise', '2025-12-31').validFrom).toBe('2019-01-01');
    expect(selectWeights(versions, 'department', '2026-06-01').validFrom).toBe('2019-01-01');
  });

  it('fails when nothing is valid yet', () => {
    expect(() => selectWeights(versions, 'street', '2018-12-31')).toThrow(expect.objectContaining({ code: 'SCORING_NO_WEIGHTS' }));
  });
});

describe('validateWeightVersions', () => {
  it('accepts sums that are 1 up to floating-point rounding (0.1 + 0.5 + 0.4)', () => {
    expect(() => validateWeightVersions(versions)).not.toThrow();
  });

  it('lists every problem', () => {
    const bad: WeightVersion[] = [
      { validFrom: '2026-02-30', response: 0.1, resolution: 0.5, satisfaction: 0.5, basicallySatisfiedFactor: 1.2 },
      { validFrom: '2026-01-01', response: -0.1, resolution: 0.6, satisfaction: 0.5, basicallySatisfiedFactor: 0.9 },
      { validFrom: '2026-01-01', response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallySatisfiedFactor: 0.9 },
    ];
    try {
      validateWeightVersions(bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'SCORING_INVALID_WEIGHTS' });
      const problems = (e as { details: { problems: string[] } }).details.problems;
      expect(problems.some((p) => p.includes('validFrom'))).toBe(true);
      expect(problems.some((p) => p.includes('sum to 1.1'))).toBe(true);
      expect(problems.some((p) => p.includes('basicallySatisfiedFactor'))).toBe(true);
      expect(problems.some((p) => p.includes('response must be between 0 and 1'))).toBe(true);
      expect(problems.some((p) => p.includes('same date and class'))).toBe(true);
    }
    expect(() => selectWeights(bad, 'street', '2026-06-01')).toThrow(expect.objectContaining({ code: 'SCORING_INVALID_WEIGHTS' }));
  });
});
