import type { NodeRow } from '../../repo/node-rows.js';
import type { Caller, Repository } from '../../repo/repository.js';
import type { RuleContext, Verdict } from '../../rules/rule-hooks.js';
import { contentReadVerdict } from
  '../../../../webscripts/src/access-requests/content-read.js';
import { serverPort } from './server-port.js';

/**
 * server/'s read path of a recording's bytes (GET/HEAD `/nodes/{id}/content`, through the rule
 * hooks' `beforeContentRead`): core's checkContentRead with the facts read through the
 * repository port (webscripts/src/access-requests/content-read.ts), the rule the module's
 * `onContentRead` applies too. The route logs each read it lets through (`read`, `range`,
 * `download`) and the error handler each refusal.
 */
export function recordingReadVerdict(repo: Repository, node: NodeRow, ctx: RuleContext): Verdict {
  if (node.type !== 'efr:recording') return { allowed: true };
  const caller: Caller = { userId: ctx.userId, perms: repo.caller(ctx.userId, ctx.now).perms,
    rule: ctx };
  return contentReadVerdict(serverPort(repo, caller), node.id,
    ctx.readMode === 'download' ? 'download' : 'inline');
}
