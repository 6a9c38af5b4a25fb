// Score rows for ranking tests: a unit with a given composite (the same for the three rates) and
// Wilson lower bounds; the tallies behind them do not matter to the ranking rules.
import { emptyTally, type ScoredUnitClass, type UnitScore } from '../src/index';

export interface ScoreRowOptions {
  /** Valid return visits (0 when the composite is null); default 10. */
  validVisits?: number;
  /** The Wilson composite (and each rate's lower bound); default half the composite. */
  wilson?: number | null;
  unitClass?: ScoredUnitClass;
  exemptions?: number;
}

export function scoreRow(unitId: string, composite: number | null, opts: ScoreRowOptions = {}): UnitScore {
  const wilson = opts.wilson !== undefined ? opts.wilson : composite === null ? null : composite / 2;
  return {
    unitId,
    unitClass: opts.unitClass ?? 'street',
    ...emptyTally(),
    validVisits: composite === null ? 0 : (opts.validVisits ?? 10),
    exemptions: opts.exemptions ?? 0,
    ledCases: 0,
    weights: { validFrom: '2019-01-01', response: 0.1, resolution: 0.5, satisfaction: 0.4, basicallySatisfiedFactor: 0.9 },
    responseRate: composite,
    resolutionRate: composite,
    satisfactionRate: composite,
    composite,
    lowerBounds: composite === null || wilson === null ? null : { response: wilson, resolution: wilson, satisfaction: wilson, composite: wilson },
  };
}
