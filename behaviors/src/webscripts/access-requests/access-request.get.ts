/** GET /efr/access-requests/{id}: one request (404 when the caller may not see it). */
import { currentActor } from '../../lib/actor.js';
import { nowIso } from '../../lib/clock.js';
import { fail, nodeOfType, respond, runWebScript, templateArg } from '../../lib/ws-runtime.js';
import { maySee, requestView } from './access-request-json.js';

runWebScript(() => {
  const id = templateArg('id');
  const view = requestView(nodeOfType(id, 'efr:accessRequest'), nowIso());
  if (!maySee(currentActor(), view.request)) {
    fail(404, 'framework.exception.EntityNotFound', 'The entity with id: ' + id + ' was not found');
  }
  respond(200, { entry: view.json });
});
