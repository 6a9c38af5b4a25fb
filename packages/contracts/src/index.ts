export * from './calendar';
export * from './categories';
export * from './common';
export * from './org';
export * from './cases';
