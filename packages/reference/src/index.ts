export * from './holidays';
export * from './categories';
export * from './departments';
export * from './divisions';
