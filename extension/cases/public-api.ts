/** Cases feature: list and dossier with stages, linking recordings as evidence. */
export * from './cases.model';
export * from './dossier.rules';
export * from './cases-query.rules';
export * from './cases.service';
export * from './cases.providers';
