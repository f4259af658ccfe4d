/** Spot-checks feature: campaigns, checklist, violation register, assessment (issue 8). */
export * from './spot-checks.model';
export * from './spot-checks.rules';
export * from './spot-checks.service';
export * from './spot-checks.providers';
