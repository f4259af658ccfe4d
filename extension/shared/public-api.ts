/** Shared EFR screen pieces: model names, roles, search helpers, API access. */
export * from './efr-model';
export * from './roles.rules';
export * from './afts';
export * from './node-props';
export * from './efr-api.service';
export * from './current-user.service';
export * from './shared.providers';
export * from './extension-points';
export * from './feature-translations';
export * from './case-links.rules';
export * from './case-links.service';
export * from './format';
export * from './label-or-raw.pipe';
export * from './dates';
export * from './people-directory.service';
export * from './person-name.pipe';
export * from './refusal';
