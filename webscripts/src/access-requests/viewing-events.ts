/**
 * `POST /access-requests/{id}/viewing-events` (R24.2): the player reports start, seek, pause
 * and end of a viewing; each is logged under the request, and only the registered viewer
 * inside the viewing window may report (core's canReadContent, the rule of every content read).
 */
import { canReadContent, refuse } from '../../../core/src/index.js';
import { bodyText, invalidArgument, type WebScriptDefinition } from '../web-script.js';
import { visibleRequest } from './access-request-of.js';

/** The player's events. */
export const VIEWING_EVENTS = ['start', 'seek', 'pause', 'end'];

export const viewingEventsPost: WebScriptDefinition = {
  id: 'access-request-viewing-events', method: 'POST',
  path: '/access-requests/{id}/viewing-events', area: 'access-requests',
  title: 'EFR viewing event',
  handle(port, call) {
    const { node, request } = visibleRequest(port, call.params.id);
    const event = bodyText(call.body, 'event', 16);
    if (VIEWING_EVENTS.indexOf(event) < 0) {
      throw invalidArgument('event must be one of ' + VIEWING_EVENTS.join(', '));
    }
    const recordingId = bodyText(call.body, 'recordingId', 64);
    const session = bodyText(call.body, 'sessionId', 64);
    const position = call.body.positionSeconds;
    if (position !== undefined && (typeof position !== 'number' || !isFinite(position) ||
      position < 0)) {
      throw invalidArgument('positionSeconds must be a number of seconds, zero or more');
    }
    const user = port.currentUser();
    if (!canReadContent(request, user.userName, port.now(), recordingId)) {
      port.enforce(refuse(403, 'efr.recording.noViewingRight', 'R24.2',
        'A recording is viewed only by its registered viewer within the viewing window.',
        '录像仅限登记的调阅人在调阅时间内查看。'), 'view.' + event,
      recordingId !== '' && port.node(recordingId) !== null ? recordingId : node.id);
    }
    const values: Record<string, string> = {
      requestId: node.id,
      request: node.name,
      sessionId: session,
      requirement: 'R24.2',
    };
    if (typeof position === 'number') values.positionSeconds = position.toFixed(3);
    port.logStep('view.' + event, recordingId, values);
    const entry: Record<string, string> = { action: 'view.' + event };
    for (const k of Object.keys(values)) entry[k] = values[k];
    return { status: 201, body: { entry } };
  },
};
