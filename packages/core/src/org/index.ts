export * from './roles';
export * from './scope';
export * from './unit';
export * from './console-screens';
