export * from './deliberation-error-codes';
export * from './vote-rules';
export * from './meeting';
export * from './motion';
export * from './proposal';
export * from './building-lead';
export * from './deliberation-access';
export * from './deliberation-measures';
