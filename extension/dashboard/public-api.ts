/** Dashboard feature: what waits for each role, counted over the search API. */
export * from './dashboard.rules';
export * from './dashboard.service';
export * from './dashboard.providers';
