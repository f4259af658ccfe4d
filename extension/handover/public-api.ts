/** Handover feature (issue 5): guided two-person handover and the handover list. */
export * from './handover.model';
export * from './handover.rules';
export * from './handover-api.service';
export * from './handover.providers';
