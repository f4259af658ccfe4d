/**
 * Every web script written once (issue 15), in one list: server/ registers each as a route
 * (server/src/webscripts/modules.ts) and a spec checks that the module has its controller and
 * descriptor at the same URL (behaviors/build/port-descriptors.spec.ts).
 */
import type { WebScriptDefinition } from './web-script.js';
import { ACCESS_REQUEST_WEB_SCRIPTS } from './access-requests/access-requests.js';
import { HOLD_WEB_SCRIPTS } from './access-requests/holds.js';
import { viewingEventsPost } from './access-requests/viewing-events.js';
import { DEVICE_WEB_SCRIPTS } from './devices/devices.js';
import { EVIDENCE_PACKAGE_WEB_SCRIPTS } from './evidence-packages/evidence-packages.js';
import { DISPOSITION_WEB_SCRIPTS } from './disposition/disposition.js';
import { DOCUMENT_WEB_SCRIPTS } from './documents/documents.js';
import { EXEMPTION_WEB_SCRIPTS } from './exemptions/exemptions.js';
import { HANDOVER_WEB_SCRIPTS } from './handovers/handovers.js';
import { SPOT_CHECK_WEB_SCRIPTS } from './spot-checks/spot-checks.js';
import { VIOLATION_WEB_SCRIPTS } from './violations/violations.js';
import { VIOLATION_REPORT_WEB_SCRIPTS } from './violations/violation-reports.js';
import { qualityGet } from './quality/quality.js';
import { QUALITY_REPORT_WEB_SCRIPTS } from './quality/quality-reports.js';
import { TREE_HEAD_WEB_SCRIPTS } from './access-log/tree-heads.js';
import { ACCESS_LOG_PROOF_WEB_SCRIPTS } from './access-log/proofs.js';
import { FIXITY_WEB_SCRIPTS } from './fixity/fixity.js';

export const PORT_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  ...HANDOVER_WEB_SCRIPTS,
  viewingEventsPost,
  ...ACCESS_REQUEST_WEB_SCRIPTS,
  ...HOLD_WEB_SCRIPTS,
  ...EXEMPTION_WEB_SCRIPTS,
  ...DEVICE_WEB_SCRIPTS,
  ...VIOLATION_WEB_SCRIPTS,
  ...SPOT_CHECK_WEB_SCRIPTS,
  ...VIOLATION_REPORT_WEB_SCRIPTS,
  qualityGet,
  ...QUALITY_REPORT_WEB_SCRIPTS,
  ...EVIDENCE_PACKAGE_WEB_SCRIPTS,
  ...DISPOSITION_WEB_SCRIPTS,
  ...DOCUMENT_WEB_SCRIPTS,
  ...TREE_HEAD_WEB_SCRIPTS,
  ...ACCESS_LOG_PROOF_WEB_SCRIPTS,
  ...FIXITY_WEB_SCRIPTS,
];
