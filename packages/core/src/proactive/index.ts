export * from './proactive-error-codes';
export * from './zones';
export * from './forecast';
export * from './backtest';
export * from './proactive-settings';
export * from './measures';
