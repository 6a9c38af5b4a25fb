// Contracting (包干): zone drafts validated, overlaps refused, gaps flagged.
import { describe, expect, it } from 'vitest';
import { assertNoZoneOverlap, findZoneOverlaps, termsOverlap, validateZoneDraft, zoneCoverage, type ZoneDraft, type ZoneTerm } from '../src/index';

const draft: ZoneDraft = {
  streetCode: 'S1',
  name: ' 北片 ',
  communityCodes: ['C2', 'C1', 'C1'],
  polygon: null,
  leaderUserId: 'u1',
  team: [{ name: ' 张科长 ' }],
  termStart: '2026-01-01',
  termEnd: '2026-12-31',
};
const zone = (id: string, communityCodes: string[], termStart: string, termEnd: string | null, extra: Partial<ZoneTerm> = {}): ZoneTerm => ({
  id,
  streetCode: 'S1',
  name: id,
  communityCodes,
  termStart,
  termEnd,
  isActive: true,
  ...extra,
});

describe('zone drafts', () => {
  it('normalises names, communities and the team', () => {
    const z = validateZoneDraft(draft);
    expect(z.name).toBe('北片');
    expect(z.communityCodes).toEqual(['C1', 'C2']);
    expect(z.team).toEqual([{ name: '张科长', userId: null }]);
  });
  it('refuses an empty zone, a bad term, a short polygon, and names the field', () => {
    const field = (d: Partial<ZoneDraft>) => {
      try {
        validateZoneDraft({ ...draft, ...d } as ZoneDraft);
        return null;
      } catch (e) {
        return (e as { details?: { field?: string } }).details?.field;
      }
    };
    expect(field({ communityCodes: [' '] })).toBe('communityCodes');
    expect(field({ termStart: '2026-02-30' })).toBe('termStart');
    expect(field({ termEnd: '2025-12-31' })).toBe('termEnd');
    expect(
      field({
        polygon: [
          [116.4, 39.9],
          [116.5, 39.9],
        ],
      }),
    ).toBe('polygon');
    expect(
      field({
        polygon: [
          [116.4, 39.9],
          [116.5, 39.9],
          [200, 39.9],
        ],
      }),
    ).toBe('polygon.2');
    expect(field({ name: '' })).toBe('name');
  });
});

describe('overlaps and gaps', () => {
  it('terms overlap when they share a day; open ends run forever', () => {
    expect(termsOverlap({ termStart: '2026-01-01', termEnd: '2026-06-30' }, { termStart: '2026-06-30', termEnd: null })).toBe(true);
    expect(termsOverlap({ termStart: '2026-01-01', termEnd: '2026-06-29' }, { termStart: '2026-06-30', termEnd: null })).toBe(false);
  });
  it('refuses a community held by another active zone of the same street over an overlapping term', () => {
    const zones = [
      zone('A', ['C1', 'C3'], '2026-01-01', null),
      zone('B', ['C2'], '2025-01-01', '2025-12-31'), // ended before: no clash
      zone('C', ['C2'], '2026-01-01', null, { isActive: false }), // retired: no clash
      zone('D', ['C2'], '2026-01-01', null, { streetCode: 'S2' }), // another street
    ];
    expect(findZoneOverlaps(draft, zones)).toEqual([{ communityCode: 'C1', zoneId: 'A', zoneName: 'A' }]);
    expect(() => assertNoZoneOverlap(draft, zones)).toThrow(/C1 \(A\)/);
    // Editing zone A itself is no clash with A.
    expect(findZoneOverlaps(draft, zones, 'A')).toEqual([]);
  });
  it('flags communities in no zone on a date, and the terms that lapse', () => {
    const zones = [zone('A', ['C1'], '2026-01-01', '2026-06-30'), zone('B', ['C2'], '2026-01-01', null)];
    expect(zoneCoverage(['C3', 'C1', 'C2'], zones, '2026-03-01').gaps).toEqual(['C3']);
    // After A's term ends C1 is uncovered too.
    expect(zoneCoverage(['C3', 'C1', 'C2'], zones, '2026-07-01').gaps).toEqual(['C1', 'C3']);
  });
});
