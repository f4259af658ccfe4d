import {
  canReadContent, checkContentUpdate, checkRecordingDelete, checkRecordingMove,
  checkRecordingUpdate, GROUP_EFR_CUSTODIANS, GROUP_EFR_LEGAL, GROUP_EFR_SUPERVISORS,
  isConfidential, type AccessRequest, type Actor,
} from '../../../core/src/index.js';
import type { Db } from '../db/database.js';
import { NodeRows, type NodeRow } from '../repo/node-rows.js';
import { accessRequestOf } from './access-request-state.js';
import { checkRequestCreate, checkRequestUpdate } from './access-request-rules.js';
import { recordingChanges, recordingState } from './recording-state.js';
import type { RuleContext, RuleHooks, Verdict } from './rule-hooks.js';

const ALLOW: Verdict = { allowed: true };

function actorOf(ctx: RuleContext): Actor {
  return { userName: ctx.userId, groups: ctx.groups };
}

function refuse(status: 403 | 409 | 422, code: string, requirement: string, message: string,
  messageZh: string): Verdict {
  return { allowed: false, status, code, requirement, message, messageZh };
}

/**
 * EFR's rules at the points where the module's behaviours run in ACS. Recordings go through
 * core's recording rules (R26.1, R22, R14.2); case numbers are unique (the model cannot say
 * so); reading a recording's content needs a role that holds the archive or a registered
 * viewing request (R24.2, R27.1).
 */
export function createRuleHooks(db: Db): RuleHooks {
  const rows = new NodeRows(db);
  const archiveRoot = (): string | undefined =>
    (db.prepare("SELECT value FROM meta WHERE key = 'efr_archive'").get() as { value: string } | undefined)?.value;
  const inArchive = (n: NodeRow): boolean => {
    const root = archiveRoot();
    if (!root) return false;
    let cur: NodeRow | undefined = n;
    for (let guard = 0; cur && guard < 500; guard++) {
      if (cur.id === root) return true;
      cur = cur.parentId ? rows.get(cur.parentId) : undefined;
    }
    return false;
  };
  const caseNumberTaken = (n: NodeRow): Verdict => {
    const num = n.props['efr:caseNumber'];
    if (typeof num !== 'string') return ALLOW;
    const other = db.prepare(`SELECT p.node_id FROM node_props p JOIN nodes ON nodes.id = p.node_id
      WHERE p.qname = 'efr:caseNumber' AND p.v_text = ? AND nodes.type = 'efr:case'
      AND p.node_id <> ? LIMIT 1`).get(num, n.id);
    return other
      ? refuse(409, 'efr.case.duplicateNumber', 'R2.1', `Case number ${num} already exists.`, `案件编号 ${num} 已存在。`)
      : ALLOW;
  };
  const now = (ctx: RuleContext): string => new Date(ctx.now).toISOString();

  return {
    beforeCreate(node, _parent, ctx) {
      if (node.type === 'efr:case') return caseNumberTaken(node);
      if (node.type === 'efr:accessRequest') return checkRequestCreate(node, ctx);
      return ALLOW;
    },
    beforeUpdate(before, after, changed, ctx) {
      if (before.type === 'efr:case') return caseNumberTaken(after);
      if (before.type === 'efr:accessRequest') return checkRequestUpdate(db, before, after, changed, ctx);
      // Administrators too: nobody may modify an original record (R26.1).
      if (before.type !== 'efr:recording') return ALLOW;
      return checkRecordingUpdate(recordingState(db, before), recordingChanges(db, before, after, changed),
        { actor: actorOf(ctx), now: now(ctx) });
    },
    beforeDelete(node, ctx) {
      if (node.type !== 'efr:recording') return ALLOW;
      // Disposal decisions are not modelled yet: a recording is never deleted through the API.
      return checkRecordingDelete(recordingState(db, node), { now: now(ctx), disposal: null });
    },
    beforeMove(node, from, to) {
      if (node.type !== 'efr:recording') return ALLOW;
      return checkRecordingMove(recordingState(db, node), { id: from.id, inArchive: inArchive(from) },
        { id: to.id, inArchive: inArchive(to) });
    },
    beforeContentUpdate(node) {
      if (node.type !== 'efr:recording') return ALLOW;
      return checkContentUpdate(recordingState(db, node));
    },
    beforeContentRead(node, ctx) {
      if (node.type !== 'efr:recording' || ctx.isAdmin) return ALLOW;
      const state = recordingState(db, node);
      const holders = [GROUP_EFR_CUSTODIANS, ...(isConfidential(state.secrecyLevel) ? [] : [GROUP_EFR_SUPERVISORS, GROUP_EFR_LEGAL])];
      if (ctx.groups.some((g) => holders.includes(g))) return ALLOW;
      if (!state.sealed && (state.officers.includes(ctx.userId) || state.recorder === ctx.userId)) return ALLOW;
      const requests = (db.prepare(`SELECT source_id FROM peer_assocs WHERE target_id = ? AND
        type = 'efr:requestRecordings'`).all(node.id) as { source_id: string }[])
        .map((r) => rows.get(r.source_id)).filter((r): r is NodeRow => r !== undefined)
        .map((r) => accessRequestOf(db, r));
      if (requests.some((r: AccessRequest) => canReadContent(r, ctx.userId, now(ctx), node.id))) return ALLOW;
      return refuse(403, 'efr.recording.noViewingRight', 'R24.2',
        'Viewing this recording needs an approved and registered viewing request.',
        '查看该录像须经审核、批准并登记的调阅申请。');
    },
  };
}
