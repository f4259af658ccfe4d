/**
 * Test-only controller (never in the JAR): runs the repository port's contract suite against
 * the module's adapter inside one web script call and answers the results
 * (test/rhino/port-contract.spec.ts compiles it as the build compiles controllers).
 */
import { acsPort } from '../../behaviors/src/lib/acs-port.js';
import {
  queryArg, respond, runWebScript, templateArg,
} from '../../behaviors/src/lib/ws-runtime.js';
import { runPortContract, type PortFixture } from '../../webscripts/src/port-contract.js';

runWebScript(() => {
  const fixture = JSON.parse(queryArg('fixture') || '{}') as PortFixture;
  // --- access log (issue 15/18) ---
  fixture.readNode = templateArg('readNode');
  // The disposition nodes' ids, resolved by the driver from the setup and the batch's upload.
  fixture.disposal.recordingId = templateArg('recording');
  fixture.disposal.keptId = templateArg('kept');
  fixture.disposal.batchId = templateArg('batch');
  respond(200, { results: runPortContract(acsPort(), fixture) });
});
