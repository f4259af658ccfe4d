/** Recordings feature: list over the search API and the read-only detail page. */
export * from './recordings.model';
export * from './recordings-query.rules';
export * from './recordings.service';
export * from './recordings.providers';
