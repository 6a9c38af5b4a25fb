export * from './setting-definition';
export * from './case-policy-setting';
export * from './scoring-settings';
export * from './intake-settings';
