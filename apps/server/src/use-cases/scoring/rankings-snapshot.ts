// Published snapshots are kept as they were written; those written before ranking classes, the
// minimum-sample note and the published lists existed are read back in today's shape.
import type { PeriodRankings } from '@jiesu/contracts';
import { DEFAULT_RANKING_CLASSES, DEFAULT_SCORING_POLICY } from '@jiesu/core';

export type StoredRankings = Omit<PeriodRankings, 'classes'> & { classes: Array<PeriodRankings['classes'][number] & Partial<Record<string, unknown>>> };

/**
 * Snapshots published before ranking classes existed lack the newer fields: fill them so every
 * reader sees one shape (a class's key was its unit class then; nothing was listed apart).
 */
export function normaliseRankings(r: StoredRankings): PeriodRankings {
  const labelOf = (key: string) => DEFAULT_RANKING_CLASSES.find((d) => d.key === key)?.label ?? key;
  const policy = { ...DEFAULT_SCORING_POLICY, ...(r.policy as Partial<PeriodRankings['policy']> | undefined) };
  return {
    ...r,
    policy,
    populations: r.populations ?? { asOf: '', source: '', units: 0 },
    specialGovernance: r.specialGovernance ?? { classKey: 'street', rule: { kind: 'bottom_composite', months: 3 }, ruleText: '', units: [] },
    classes: r.classes.map((c) => {
      const classKey = c.classKey ?? c.unitClass;
      return {
        ...c,
        classKey,
        label: c.label ?? labelOf(classKey),
        groupCode: c.groupCode ?? null,
        groupName: c.groupName ?? null,
        officialOrder: c.officialOrder ?? 'composite',
        minSampleSize: c.minSampleSize ?? policy.minSampleSize,
        topBoundary: c.topBoundary ?? null,
        bottomBoundary: c.bottomBoundary ?? null,
        improved: c.improved ?? [],
        rows: c.rows.map((row) => ({
          ...row,
          classKey: row.classKey ?? classKey,
          groupCode: row.groupCode ?? null,
          unrankedReason: row.unrankedReason ?? (row.rank === null ? (row.sampleSize === 0 ? 'no_valid_visit' : 'below_min_sample') : null),
          requests: row.requests ?? 0,
          population: row.population ?? null,
          requestsPerThousand: row.requestsPerThousand ?? null,
          isImproved: row.isImproved ?? false,
          isSpecialGovernance: row.isSpecialGovernance ?? false,
        })),
      };
    }),
  };
}
