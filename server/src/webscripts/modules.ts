import { HANDOVER_WEB_SCRIPTS } from '../../../webscripts/src/handovers/handovers.js';
import { portWebScripts } from './port/port-routes.js';
import { devicesModule } from './devices/devices.module.js';
import { exemptionsModule } from './exemptions/exemptions.module.js';
import { accessRequestsModule } from './access-requests/access-requests.module.js';
import { evidencePackagesModule } from './evidence-packages/evidence-packages.module.js';
import { SPOT_CHECK_WEB_SCRIPTS } from '../../../webscripts/src/spot-checks/spot-checks.js';
import { violationsModule } from './violations/violations.module.js';
import { qualityModule } from './quality/quality.module.js';
import { dispositionModule } from './disposition/disposition.module.js';
import { documentsModule } from './documents/documents.module.js';
import { treeHeadsModule } from './access-log/tree-heads.module.js';
import { fixityModule } from './fixity/fixity.module.js';
import type { WebScriptModule } from './web-script-host.js';

/**
 * Every feature's web scripts, in one list so that features plug in without touching app.ts.
 * Each feature adds one import and one entry here (handovers, access requests, spot checks,
 * devices, exemptions, evidence packages).
 */
export const WEB_SCRIPT_MODULES: readonly WebScriptModule[] = [
  // Written once for both hosts (webscripts/src/handovers/): open, list, read, receipts.
  portWebScripts(HANDOVER_WEB_SCRIPTS),
  devicesModule,
  exemptionsModule,
  accessRequestsModule,
  evidencePackagesModule,
  // Written once for both hosts (webscripts/src/spot-checks/), the finding evidence included.
  portWebScripts(SPOT_CHECK_WEB_SCRIPTS),
  violationsModule,
  qualityModule,
  dispositionModule,
  documentsModule,
  treeHeadsModule,
  fixityModule,
];
