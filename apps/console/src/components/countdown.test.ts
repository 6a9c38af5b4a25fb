import { describe, expect, it } from 'vitest';
import { countdown, urgencyColour } from './countdown-text';

const NOW = Date.parse('2026-11-23T01:00:00Z');
const later = (ms: number) => new Date(NOW + ms).toISOString();

describe('countdown', () => {
  it('reads days and hours, hours and minutes, minutes', () => {
    expect(countdown(later((2 * 24 + 3) * 3_600_000 + 59_000), NOW)).toMatchObject({ isLate: false, isNear: false, text: { zh: '2天3小时', en: '2 d 3 h' } });
    expect(countdown(later(3 * 86_400_000), NOW).text).toEqual({ zh: '3天', en: '3 d' });
    expect(countdown(later(5 * 3_600_000 + 20 * 60_000), NOW)).toMatchObject({ isLate: false, isNear: true, text: { zh: '5小时20分', en: '5 h 20 min' } });
    expect(countdown(later(30_000), NOW).text).toEqual({ zh: '1分钟', en: '1 min' });
  });

  it('counts past the deadline, the deadline itself included', () => {
    expect(countdown(later(0), NOW).isLate).toBe(true);
    expect(countdown(later(-26 * 3_600_000), NOW)).toMatchObject({ isLate: true, isNear: false, text: { zh: '1天2小时', en: '1 d 2 h' } });
  });
});

describe('urgencyColour', () => {
  it('is red past due, orange within 4 hours, gold within a day, green beyond', () => {
    expect(urgencyColour(0)).toBe('red');
    expect(urgencyColour(4 * 3_600_000)).toBe('orange');
    expect(urgencyColour(4 * 3_600_000 + 1)).toBe('gold');
    expect(urgencyColour(24 * 3_600_000 + 1)).toBe('green');
  });
});
