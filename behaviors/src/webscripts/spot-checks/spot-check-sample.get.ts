/**
 * GET /efr/spot-checks/{id}/sample: the campaign's findings, one per drawn recording, in the
 * draw's order, with the three items of R28.2 as recorded so far.
 */
import { respond, runWebScript, templateArg } from '../../lib/ws-runtime.js';
import { campaignById, findingJson, findingsOf, wholeList } from './campaign-json.js';

runWebScript(() => {
  respond(200, wholeList(findingsOf(campaignById(templateArg('id'))).map(findingJson)));
});
