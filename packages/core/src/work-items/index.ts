// The one work-item model (DESIGN §7): kinds and statuses, the (status × action) table, the pure
// decider, who may act, and deadlines on the same clocks as cases.
export * from './decide-work-item';
export * from './new-work-item';
export * from './work-item-clock';
export * from './work-item-commands';
export * from './work-item-decision';
export * from './work-item-error-codes';
export * from './work-item-permissions';
export * from './work-item-transitions';
export * from './work-item-types';
export * from './work-item-presentation';
