/**
 * EFR's JSON contract (issue 15): the request and response schemas of every EFR web script
 * and the list of endpoints. server/ imports schemas and types; the module (behaviors/) and
 * the app (extension/) import types only (`import type`), so no TypeBox runs in Rhino and
 * nothing of it lands in the app's bundle.
 */
export * from './common.js';
export * from './handovers.js';
export * from './access-requests.js';
export * from './devices.js';
export * from './exemptions.js';
export * from './evidence-packages.js';
export * from './spot-checks.js';
export * from './violations.js';
export * from './quality.js';
export * from './disposition.js';
export * from './documents.js';
export * from './archive.js';
export * from './endpoints.js';
