// Evaluation periods: the 19th rule in the city's zone, named after the month holding the last day.
import { describe, expect, it } from 'vitest';
import {
  evaluationPeriod,
  evaluationPeriodKeyOf,
  evaluationPeriodOf,
  evaluationQuarter,
  evaluationQuarterKeyOf,
  previousPeriodKey,
  previousQuarterKey,
  shiftPeriodKey,
} from '../src/index';

const SHANGHAI = { startDay: 19, timeZone: 'Asia/Shanghai' };

describe('monthly periods (start day 19, Asia/Shanghai)', () => {
  it("names period '2026-11' after the month of its last day: 2026-10-19 00:00 to 2026-11-19 00:00 local", () => {
    // Shanghai is UTC+8 all year, so local midnight of the 19th is 16:00 UTC on the 18th.
    const p = evaluationPeriod('2026-11', SHANGHAI);
    expect(p.start.toISOString()).toBe('2026-10-18T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-11-18T16:00:00.000Z');
    expect(p.firstDay).toBe('2026-10-19');
    expect(p.lastDay).toBe('2026-11-18');
  });

  it("runs period '2027-01' across the year end: 2026-12-19 to 2027-01-19 local", () => {
    const p = evaluationPeriod('2027-01', SHANGHAI);
    expect(p.start.toISOString()).toBe('2026-12-18T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2027-01-18T16:00:00.000Z');
    expect(p.firstDay).toBe('2026-12-19');
    expect(p.lastDay).toBe('2027-01-18');
    expect(previousPeriodKey('2027-01')).toBe('2026-12');
    expect(shiftPeriodKey('2026-12', 1)).toBe('2027-01');
    expect(evaluationPeriod('2026-12', SHANGHAI).end).toEqual(p.start);
  });

  it('uses the default config when none is given', () => {
    expect(evaluationPeriod('2027-01').start.toISOString()).toBe('2026-12-18T16:00:00.000Z');
  });

  it('puts an instant in the right period at the boundary', () => {
    // 2026-12-19 00:00 Shanghai = 2026-12-18T16:00Z: first instant of '2027-01'.
    expect(evaluationPeriodKeyOf(new Date('2026-12-18T16:00:00.000Z'), SHANGHAI)).toBe('2027-01');
    // One millisecond earlier: 2026-12-18 23:59:59.999 local, last instant of '2026-12'.
    expect(evaluationPeriodKeyOf(new Date('2026-12-18T15:59:59.999Z'), SHANGHAI)).toBe('2026-12');
    // 2026-12-31 20:00 UTC is already 2027-01-01 04:00 local: still '2027-01'.
    expect(evaluationPeriodKeyOf(new Date('2026-12-31T20:00:00Z'), SHANGHAI)).toBe('2027-01');
    // The 18th local, late evening: the period ending that day.
    expect(evaluationPeriodOf(new Date('2027-01-18T15:30:00Z'), SHANGHAI).key).toBe('2027-01');
  });

  it('round-trips every month of two years: start and last instant fall inside the period', () => {
    for (let i = 0; i < 24; i++) {
      const key = shiftPeriodKey('2026-01', i);
      const p = evaluationPeriod(key, SHANGHAI);
      expect(evaluationPeriodKeyOf(p.start, SHANGHAI)).toBe(key);
      expect(evaluationPeriodKeyOf(new Date(p.end.getTime() - 1), SHANGHAI)).toBe(key);
      expect(evaluationPeriodKeyOf(p.end, SHANGHAI)).toBe(shiftPeriodKey(key, 1));
    }
  });
});

describe('other configurations', () => {
  it('with start day 1, a period is the calendar month it is named after', () => {
    const p = evaluationPeriod('2026-11', { startDay: 1, timeZone: 'Asia/Shanghai' });
    expect(p.start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(p.firstDay).toBe('2026-11-01');
    expect(p.lastDay).toBe('2026-11-30');
    expect(evaluationPeriodKeyOf(new Date('2026-11-30T15:59:59Z'), { startDay: 1, timeZone: 'Asia/Shanghai' })).toBe('2026-11');
  });

  it('reads offsets from the zone, not a fixed +8 (New York changes offset inside the period)', () => {
    // 2026-10-19 00:00 EDT (UTC−4) = 04:00Z; 2026-11-19 00:00 EST (UTC−5, after 1 Nov) = 05:00Z.
    const p = evaluationPeriod('2026-11', { startDay: 19, timeZone: 'America/New_York' });
    expect(p.start.toISOString()).toBe('2026-10-19T04:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-11-19T05:00:00.000Z');
  });

  it('refuses bad keys and config', () => {
    for (const key of ['2026-13', '2026-1', '26-11', '2026-00']) {
      expect(() => evaluationPeriod(key, SHANGHAI)).toThrow(expect.objectContaining({ code: 'SCORING_INVALID_PERIOD' }));
    }
    expect(() => evaluationPeriod('2026-11', { startDay: 29, timeZone: 'Asia/Shanghai' })).toThrow(expect.objectContaining({ code: 'SCORING_INVALID_PERIOD' }));
    expect(() => evaluationPeriod('2026-11', { startDay: 19, timeZone: 'Mars/Olympus' })).toThrow(expect.objectContaining({ code: 'SCORING_INVALID_PERIOD' }));
  });
});

describe('quarters', () => {
  it("'2027-Q1' is periods 2027-01 … 2027-03: 2026-12-19 to 2027-03-19 local", () => {
    const q = evaluationQuarter('2027-Q1', SHANGHAI);
    expect(q.monthKeys).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(q.start.toISOString()).toBe('2026-12-18T16:00:00.000Z');
    expect(q.end.toISOString()).toBe('2027-03-18T16:00:00.000Z');
    expect(q.firstDay).toBe('2026-12-19');
    expect(q.lastDay).toBe('2027-03-18');
  });

  it('finds the quarter of an instant and the previous quarter', () => {
    expect(evaluationQuarterKeyOf(new Date('2026-12-25T00:00:00Z'), SHANGHAI)).toBe('2027-Q1');
    expect(evaluationQuarterKeyOf(new Date('2026-12-18T15:59:59Z'), SHANGHAI)).toBe('2026-Q4');
    expect(evaluationQuarterKeyOf(new Date('2027-06-30T00:00:00Z'), SHANGHAI)).toBe('2027-Q3');
    expect(previousQuarterKey('2027-Q1')).toBe('2026-Q4');
    expect(previousQuarterKey('2027-Q3')).toBe('2027-Q2');
    expect(evaluationQuarter('2026-Q4', SHANGHAI).end).toEqual(evaluationQuarter('2027-Q1', SHANGHAI).start);
    expect(() => evaluationQuarter('2027-Q5', SHANGHAI)).toThrow(expect.objectContaining({ code: 'SCORING_INVALID_PERIOD' }));
  });
});
