import { badRequest } from '../../http/errors.js';
import { listBody } from '../../http/paging.js';
import type { WebScriptModule } from '../web-script-host.js';
import { readableOfType } from '../devices/record-writes.js';
import { listViolations, measureJson, violationJson } from './violation-records.js';
import {
  decideViolation, recordMeasure, reportViolation, requireSupervisor, scanViolations,
} from './violation-steps.js';

const STATUSES = ['proposed', 'confirmed', 'dismissed', 'all'];

/**
 * The violation register web scripts (issue 8; R29.1, R30.1):
 * - `GET /violations?status=&officer=` the register (supervisors);
 * - `POST /violations` a supervisor reports one (proposed);
 * - `POST /violations/scan` proposes refused tampering attempts and late handovers;
 * - `GET /violations/{id}`, `POST /violations/{id}/decision` (confirm | dismiss + reason),
 *   `POST /violations/{id}/measures` (R30.1 measure with dates).
 * Failed spot-check findings propose theirs from the spot-check web scripts.
 */
export const violationsModule: WebScriptModule = (ws, repo) => {
  ws.get('/violations', (req) => {
    requireSupervisor(repo, req.caller, 'listViolations');
    const status = typeof req.query.status === 'string' ? req.query.status : 'all';
    if (!STATUSES.includes(status)) throw badRequest(`Invalid status filter: ${status}`);
    const officer = typeof req.query.officer === 'string' ? req.query.officer : '';
    const all = listViolations(repo)
      .map((n) => violationJson(repo, n))
      .filter((v) => (status === 'all' || v.status === status) &&
        (officer === '' || v.officer === officer));
    return { body: { list: {
      pagination: { count: all.length, hasMoreItems: false, totalItems: all.length,
        skipCount: 0, maxItems: all.length },
      entries: all.map((entry) => ({ entry })),
    } } };
  });

  ws.post('/violations', (req) => ({
    status: 201,
    body: { entry: violationJson(repo, reportViolation(repo, req.caller, req.body)) },
  }));

  ws.post('/violations/scan', (req) => {
    // What the scan proposed, as one whole REST API v1 list (with its pagination).
    const made = scanViolations(repo, req.caller).map((n) => violationJson(repo, n));
    return { body: listBody(made, { skipCount: 0, maxItems: made.length }, made.length) };
  });

  ws.get('/violations/{id}', (req) => {
    requireSupervisor(repo, req.caller, 'readViolation');
    const n = readableOfType(repo, req.caller, req.params.id, 'efr:violation');
    return { body: { entry: violationJson(repo, n) } };
  });

  ws.post('/violations/{id}/decision', (req) => ({
    body: { entry: violationJson(repo,
      decideViolation(repo, req.caller, req.params.id, req.body)) },
  }));

  ws.post('/violations/{id}/measures', (req) => ({
    status: 201,
    body: { entry: measureJson(recordMeasure(repo, req.caller, req.params.id, req.body)) },
  }));
};
