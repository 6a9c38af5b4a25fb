import { describe, expect, it } from 'vitest';
import { warningEvidenceOption } from './warning-evidence';

type Series = { name: string; type: string; data: Array<number | null>; markArea?: { data: Array<Array<{ xAxis: string }>> } };

describe('warningEvidenceOption', () => {
  it('draws observed bars, last year, expected and the bound, shading the forecast weeks', () => {
    const o = warningEvidenceOption(
      [
        { weekEnd: '2026-10-27', observed: 1, lastYear: 2, expected: 1.1, upper: 7 },
        { weekEnd: '2026-11-03', observed: 12, lastYear: 1, expected: 1.2, upper: 7 },
        { weekEnd: '2026-11-10', observed: null, lastYear: null, expected: 1.2, upper: 7 },
      ],
      { observed: 'O', lastYear: 'L', expected: 'E', upper: 'U' },
    );
    const s = o.series as Series[];
    expect(s.map((x) => [x.name, x.type])).toEqual([
      ['O', 'bar'],
      ['L', 'line'],
      ['E', 'line'],
      ['U', 'line'],
    ]);
    expect(s[0]?.data).toEqual([1, 12, null]);
    expect(s[0]?.markArea?.data[0]?.map((p) => p.xAxis)).toEqual(['11-10', '11-10']);
    expect((o.xAxis as { data: string[] }).data).toEqual(['10-27', '11-03', '11-10']);
  });
});
