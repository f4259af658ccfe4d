import {
  GROUP_EFR_CUSTODIANS, GROUP_EFR_SUPERVISORS, isMember, refuse,
} from '../../../../core/src/index.js';
import {
  fixityPolicyFromEnv, fixityStatus, runFixityRound,
} from '../../fixity/fixity-audit.js';
import { badRequest } from '../../http/errors.js';
import type { Caller, Repository } from '../../repo/repository.js';
import { actorOf } from '../devices/record-writes.js';
import type { WebScriptModule } from '../web-script-host.js';

/** Refuses (403, logged) unless the caller keeps or supervises the archive. */
function requireFixityReader(repo: Repository, c: Caller, step: string): void {
  const a = actorOf(c);
  repo.enforce(c, c.rule.isAdmin || isMember(a, GROUP_EFR_CUSTODIANS) ||
    isMember(a, GROUP_EFR_SUPERVISORS) ? { allowed: true } : refuse(403,
    'efr.fixity.notCustodian', 'R26.1', 'Only custodians and supervisors follow fixity audits.',
    '仅保管人员和监督人员可以查看完整性核查。'), step, null);
}

/**
 * Fixity audits (issue 18, R26.1):
 * - `GET /fixity` coverage of the cycle (checked / total), the last mismatch and throughput;
 * - `POST /fixity/run` runs a round now (paced like the scheduled ones; `{"roundMinutes": n}`
 *   sets its byte budget, default 10).
 */
export const fixityModule: WebScriptModule = (ws, repo) => {
  const policy = fixityPolicyFromEnv();

  ws.get('/fixity', (req) => {
    requireFixityReader(repo, req.caller, 'fixity.status');
    return { body: { entry: fixityStatus(repo, policy, req.caller.rule.now) } };
  });

  ws.post('/fixity/run', async (req) => {
    requireFixityReader(repo, req.caller, 'fixity.run');
    const b = (req.body ?? {}) as Record<string, unknown>;
    const extra = Object.keys(b).filter((k) => k !== 'roundMinutes');
    if (extra.length > 0) throw badRequest(`Unknown field: ${extra[0]}`);
    const minutes = b.roundMinutes ?? 10;
    if (typeof minutes !== 'number' || !(minutes > 0 && minutes <= 1440)) {
      throw badRequest('roundMinutes must be a number of minutes from 1 to 1440');
    }
    const round = await runFixityRound(repo, policy, minutes * 60000);
    return { body: { entry: { ...round, status: fixityStatus(repo, policy) } } };
  });
};
