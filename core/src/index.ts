/**
 * EFR core: the pure domain rules, shared by server/ (Node), behaviors/ (Rhino, ES5) and the
 * screens (browser). Everything public is re-exported here; import from this file only.
 */
export * from './verdict.js';
export * from './enums.js';
export * from './roles.js';
export * from './validation.js';
export * from './zone.js';
export * from './retention.js';
export * from './disposition.js';
export * from './disposition-register.js';
export * from './recording-rules.js';
export * from './pre-use-check.js';
export * from './handover-rules.js';
export * from './access-request.js';
export * from './access-request-submit.js';
export * from './content-read.js';
export * from './prng.js';
export * from './spot-check-draw.js';
export * from './spot-check-findings.js';
export * from './exemption-rules.js';
export * from './device-rules.js';
export * from './violation-rules.js';
export * from './access-log.js';
export * from './merkle/index.js';
export * from './quality.js';
export * from './evidence-package-rules.js';
export * from './package-job.js';
export * from './generated-document.js';
export * from './device-registration.js';
export * from './exemption-reminders.js';
export * from './evidence/index.js';
export * from './refusal-text.js';
export * from './workflow-steps.js';
export * from './record-guard.js';
export * from './request-limits.js';
export * from './refusal-throttle.js';
export * from './person-name.js';
export * from './document-words.js';
export * from './fixity.js';
