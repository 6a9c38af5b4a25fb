// Intake intelligence, the rule-based part: location, urgency and lead-unit suggestions. Pure: no
// I/O, no clock. Each suggestion carries what it suggests, why, and how sure it is.
export * from './dispatch-catalogue';
export * from './explanation';
export * from './gazetteer';
export * from './knowledge-relevance';
export * from './location-resolver';
export * from './normalize-text';
export * from './place-name-forms';
export * from './point-in-polygon';
export * from './routing-rules';
export * from './unit-lookup';
export * from './urgency-rules';
export * from './default-routing-rules';
export * from './duplicates';
export * from './intake-reference';
export * from './open311-vocabulary';
