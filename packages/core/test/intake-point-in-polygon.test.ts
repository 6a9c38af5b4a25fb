import { describe, expect, it } from 'vitest';
import { DomainError, isInsideRings, locateByCoordinates, prepareBoundaries, type LngLat, type UnitBoundary } from '../src';

const square = (x0: number, y0: number, x1: number, y1: number): LngLat[] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

// A district 0..10, a street 0..5 inside it, a community 1..2 inside the street (made-up coordinates).
const boundaries: UnitBoundary[] = [
  { unitCode: '990101', polygons: [square(0, 0, 10, 10)] },
  { unitCode: '990101001', polygons: [square(0, 0, 5, 5)] },
  { unitCode: '990101001001', polygons: [[...square(1, 1, 2, 2), [1, 1]]] },
  { unitCode: '990102', polygons: [square(20, 0, 30, 10)] },
];

describe('locateByCoordinates', () => {
  it('picks the most specific unit containing the point and lists every level', () => {
    const r = locateByCoordinates([1.5, 1.5], boundaries);
    expect(r).toMatchObject({ unitCode: '990101001001', level: 'community', districtCode: '990101', streetCode: '990101001', communityCode: '990101001001' });
    expect(r.containing.map((c) => c.unitCode)).toEqual(['990101001001', '990101001', '990101']);
    expect(r.explanation).toContain('990101001001');
    expect(r.explanationZh).toBe('坐标 (1.5, 1.5) 位于 990101001001（社区）、990101001（街道）、990101（区） 之内；建议其中最具体的 990101001001。');
  });

  it('falls back to the coarser level where no finer boundary is loaded', () => {
    expect(locateByCoordinates({ lng: 7, lat: 7 }, boundaries)).toMatchObject({ unitCode: '990101', level: 'district' });
    expect(locateByCoordinates([25, 5], boundaries)).toMatchObject({ unitCode: '990102', level: 'district' });
  });

  it('says so when no boundary contains the point', () => {
    const r = locateByCoordinates([15, 5], boundaries);
    expect(r).toMatchObject({ unitCode: null, level: 'none', containing: [] });
    expect(r.explanation).toContain('No loaded boundary');
    expect(r.explanationZh).toContain('已加载的边界中没有一个包含坐标 (15, 5)');
  });

  it('gives the same answers from a prepared index', () => {
    const index = prepareBoundaries(boundaries);
    for (const p of [
      [1.5, 1.5],
      [7, 7],
      [15, 5],
      [4.9, 0.1],
    ] as const) {
      expect(locateByCoordinates(p, index)).toEqual(locateByCoordinates(p, boundaries));
    }
  });

  it('reads holes and multi-part areas with the even-odd rule', () => {
    const withHole: LngLat[][] = [square(0, 0, 10, 10), square(4, 4, 6, 6)];
    expect(isInsideRings(5, 5, withHole)).toBe(false);
    expect(isInsideRings(2, 2, withHole)).toBe(true);
    const twoParts: LngLat[][] = [square(0, 0, 1, 1), square(5, 5, 6, 6)];
    expect(isInsideRings(5.5, 5.5, twoParts)).toBe(true);
    expect(isInsideRings(3, 3, twoParts)).toBe(false);
  });

  it('handles a concave boundary (the notch of an L is outside)', () => {
    const ell: LngLat[] = [
      [0, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 4],
      [0, 4],
    ];
    expect(isInsideRings(0.5, 3, [ell])).toBe(true);
    expect(isInsideRings(3, 3, [ell])).toBe(false);
    expect(isInsideRings(3, 0.5, [ell])).toBe(true);
  });

  it('prefers the smaller of two overlapping boundaries of one level and flags the overlap', () => {
    const r = locateByCoordinates(
      [3, 3],
      [
        { unitCode: 'big', level: 'street', polygons: [square(0, 0, 10, 10)] },
        { unitCode: 'small', level: 'street', polygons: [square(2, 2, 4, 4)] },
      ],
    );
    expect(r.unitCode).toBe('small');
    expect(r.explanation).toContain('overlap');
  });

  it('validates boundaries and the point, naming the field', () => {
    const field = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        return (e as DomainError).details?.field;
      }
      return null;
    };
    expect(
      field(() =>
        prepareBoundaries([
          {
            unitCode: '990101',
            polygons: [
              [
                [0, 0],
                [1, 1],
              ],
            ],
          },
        ]),
      ),
    ).toBe('boundaries[0].polygons[0]');
    expect(field(() => prepareBoundaries([{ unitCode: 'park', polygons: [square(0, 0, 1, 1)] }]))).toBe('boundaries[0].level');
    expect(
      field(() =>
        prepareBoundaries([
          {
            unitCode: '990101',
            polygons: [
              [
                [0, 0],
                [1, Number.NaN],
                [2, 2],
              ],
            ],
          },
        ]),
      ),
    ).toBe('boundaries[0].polygons[0][1]');
    expect(field(() => locateByCoordinates([0, 100], boundaries))).toBe('point');
    expect(field(() => prepareBoundaries([{ unitCode: 'park', level: 'street', polygons: [square(0, 0, 1, 1)] }]))).toBeNull();
  });
});
