/**
 * Test-only controller (never in the JAR): the finding evidence written once
 * (webscripts/src/spot-checks/finding-evidence.ts) over the module's port, for the recording
 * named by the template argument `recording` and the period [from, to)
 * (test/rhino/finding-evidence.spec.ts compiles it as the build compiles controllers).
 */
import { acsPort } from '../../behaviors/src/lib/acs-port.js';
import { queryArg, respond, runWebScript, templateArg } from '../../behaviors/src/lib/ws-runtime.js';
import { evidenceFor } from '../../webscripts/src/spot-checks/finding-evidence.js';

runWebScript(() => {
  const port = acsPort();
  const rec = port.node(templateArg('recording'));
  if (rec === null) throw new Error('no recording');
  respond(200, { entry: evidenceFor(port, { from: Date.parse(queryArg('from') || ''),
    to: Date.parse(queryArg('to') || '') }, rec) });
});
