/** Disposition feature: eligible recordings, batches, destruction register (issue 18). */
export * from './disposition.model';
export * from './disposition.rules';
export * from './disposition.service';
export * from './disposition.providers';
