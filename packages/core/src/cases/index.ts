// The case lifecycle: a pure decider over a case aggregate (see decide.ts), its status catalogue,
// transition table, clocks, dispatch rules, requester masking and case numbers.
export * from './batch-remind';
export * from './case-attachments';
export * from './case-clocks';
export * from './case-commands';
export * from './case-decision';
export * from './case-error-codes';
export { allowedActions, supervisableClocks } from './case-guards';
export * from './case-intake';
export * from './case-number';
export * from './case-scope';
export { actsForUnit, isCentreDispatcher, isDistrictDispatcher, liveAssignments, liveLead } from './case-permissions';
export * from './case-status';
export * from './case-transitions';
export * from './case-types';
export * from './decide';
export * from './dispatch-rules';
export * from './repeat-calls';
export * from './requester-masking';
