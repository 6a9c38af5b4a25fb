export * from './calendar';
export * from './categories';
export * from './common';
export * from './org';
export * from './cases';
export * from './scoring';
export * from './intake';
export * from './settings';
