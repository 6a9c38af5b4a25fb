// A case counts for its lead unit and for every unit above it (street, district …): this groups
// cases under each unit they count for.
import { DomainError } from '../errors';
import type { ScoredCase } from './types';

export interface RolledUpCases {
  /** Every case that counts for the unit: the ones it led and the ones led below it. */
  cases: ScoredCase[];
  /** How many of those the unit led itself. */
  ledCases: number;
}

/** unitId → the cases counting for it. A case's chain is de-duplicated, so no case counts twice. */
export function rollUpCases(cases: readonly ScoredCase[]): Map<string, RolledUpCases> {
  const byUnit = new Map<string, RolledUpCases>();
  const seenCases = new Set<string>();
  for (const c of cases) {
    if (seenCases.has(c.caseId)) {
      throw new DomainError('SCORING_INVALID_INPUT', `Case ${c.caseId} is listed twice; each case is scored once.`, {
        caseId: c.caseId,
      });
    }
    seenCases.add(c.caseId);
    const chain = new Set([c.leadUnitId, ...c.ancestorUnitIds]);
    for (const unitId of chain) {
      let group = byUnit.get(unitId);
      if (group === undefined) {
        group = { cases: [], ledCases: 0 };
        byUnit.set(unitId, group);
      }
      group.cases.push(c);
      if (unitId === c.leadUnitId) group.ledCases += 1;
    }
  }
  return byUnit;
}

/** True when the case counts for `unitId` (led it, or the unit is above the lead). */
export function caseCountsFor(c: ScoredCase, unitId: string): boolean {
  return c.leadUnitId === unitId || c.ancestorUnitIds.includes(unitId);
}
