/** Approvals feature: viewing requests, queues, the viewing register, the access log (issue 6). */
export * from './approvals.model';
export * from './approvals.rules';
export * from './approvals.service';
export * from './approvals.providers';
