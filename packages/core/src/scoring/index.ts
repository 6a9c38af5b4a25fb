// Scoring (三率) and rankings: pure functions, no I/O. See docs/scoring.md.
export * from './scoring-error-codes';
export * from './types';
export * from './visit-outcome';
export * from './periods';
export * from './weights';
export * from './rates';
export * from './wilson';
export * from './rollup';
export * from './score-units';
export * from './score-tallies';
export * from './explain';
export * from './ranking';
export * from './ranking-classes';
export * from './published-lists';
export * from './appeal-window';
export * from './community-ranking';
