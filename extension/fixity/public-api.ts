/** Fixity feature: scheduled re-hashing of sealed recordings (issue 18, R26.1). */
export * from './fixity.rules';
export * from './fixity.service';
export * from './fixity.providers';
