import {
  RECORD_OWNER,
  checkAspectRemoval,
  checkDestroyedContentRead,
  checkDisposal,
  checkCaseDelete,
  checkRequestDelete,
  checkGenericAct,
  checkLock,
  checkPermissionChange,
  type GenericAct,
  checkContentUpdate, checkJobUpload, checkRecordingCopy, checkRecordingDelete, checkRecordingMove, checkRecordingUpdate, type Actor,
  checkDocumentChange, isGeneratedDocument, type DocumentChange,
} from '../../../core/src/index.js';
import type { Db } from '../db/database.js';
import { NodeRows, type NodeRow } from '../repo/node-rows.js';
import { checkRequestCreate, checkRequestUpdate } from './access-request-rules.js';
import { checkHandoverUpdate, handoverUploadVerdict, isSealingByHandover } from './handover-rules.js';
import { recordingChanges, recordingState } from './recording-state.js';
import type { RuleContext, RuleHooks, Verdict } from './rule-hooks.js';
import { jobOf } from '../../../webscripts/src/evidence-packages/package-json.js';
import {
  workflowCreateVerdict, workflowDeleteVerdict, workflowUpdateVerdict,
} from '../webscripts/devices/workflow-guard.js';
import { destroyingBatchOf } from '../webscripts/disposition/content-destruction.js';

const ALLOW: Verdict = { allowed: true };
const ARCHIVE_TYPES = ['efr:case', 'efr:handover', 'efr:spotCheck'];

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
 * so); reading a recording's content is core's checkContentRead (the registered viewer inside
 * the viewing window; R24.2, R26.2, R27.1), the rule the module's onContentRead applies.
 */
export function createRuleHooks(
  db: Db,
  /**
   * The read rule of a recording's content (core's checkContentRead through the repository
   * port: server/src/webscripts/port/content-read.ts), bound once the repository exists.
   */
  contentRead: (node: NodeRow, ctx: RuleContext) => Verdict = () => ALLOW,
): RuleHooks {
  const rows = new NodeRows(db);
  const archiveRoot = (): string | undefined =>
    (db.prepare("SELECT value FROM meta WHERE key = 'efr_archive'").get() as { value: string } | undefined)?.value;
  // As the module: a folder is in the archive when it is, or lies under, an efr:case,
  // efr:handover or efr:spotCheck; server/ also counts its archive root folder.
  const inArchive = (n: NodeRow): boolean => {
    const root = archiveRoot();
    let cur: NodeRow | undefined = n;
    for (let guard = 0; cur && guard < 500; guard++) {
      if (cur.id === root || ARCHIVE_TYPES.includes(cur.type)) return true;
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
  /**
   * A folder carries the recordings below it: moving the folder that holds sealed recordings
   * out of the archive moves them out too (issue 16), so each is checked as if moved alone.
   * Under an efr:case, efr:handover or efr:spotCheck that moves with them they stay archived.
   */
  const folderMoveVerdict = (node: NodeRow, from: NodeRow, to: NodeRow): Verdict => {
    if (inArchive(to)) return ALLOW;
    const sealed = db.prepare(`WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL
      SELECT n.id FROM nodes n JOIN sub ON n.parent_id = sub.id)
      SELECT s.id FROM sub s JOIN nodes n ON n.id = s.id AND n.type = 'efr:recording'
      JOIN aspects a ON a.node_id = s.id AND a.aspect = 'efr:sealed'`).pluck()
      .all(node.id) as string[];
    for (const id of sealed) {
      const rec = rows.get(id);
      if (!rec) continue;
      let carried = false;
      for (let cur = rows.get(rec.parentId ?? ''); cur; cur = cur.id === node.id ? undefined
        : rows.get(cur.parentId ?? '')) {
        if (ARCHIVE_TYPES.includes(cur.type)) carried = true;
      }
      const v = checkRecordingMove(recordingState(db, rec), { id: from.id, inArchive: true },
        { id: to.id, inArchive: carried });
      if (!v.allowed) return v;
    }
    return ALLOW;
  };
  const now = (ctx: RuleContext): string => new Date(ctx.now).toISOString();
  const step = (ctx: RuleContext) => ({ workflowStep: ctx.workflowStep !== undefined });
  // Which generic act an update is: associations, aspects, else properties (issue 16).
  // A generated document (the destruction register) is kept as efr worker wrote it once
  // (issue 15, core's checkDocumentChange, as the module's document guard).
  const isDocument = (n: NodeRow): boolean => isGeneratedDocument(n.type, n.aspects);
  const documentVerdict = (n: NodeRow, change: DocumentChange, ctx: RuleContext): Verdict =>
    checkDocumentChange({ job: jobOf(n), hasContent: n.content !== null }, change,
      { actor: actorOf(ctx), workflowStep: ctx.workflowStep !== undefined, now: now(ctx) });
  const actOf = (changed: readonly string[]): GenericAct =>
    changed.some((k) => k.startsWith('assoc:')) ? 'associations'
      : changed.includes('aspectNames') ? 'aspects' : 'properties';

  return {
    beforeCreate(node, parent, ctx) {
      // Devices, their history and exemptions change through their web scripts (R13.1, R11.2).
      const created = workflowCreateVerdict(node, ctx);
      if (!created.allowed) return created;
      // Files enter a handover only while it is open, and name it (R21.4).
      const upload = handoverUploadVerdict(node, parent);
      if (!upload.allowed) return upload;
      if (node.type === 'efr:case') return caseNumberTaken(node);
      if (node.type === 'efr:accessRequest') return checkRequestCreate(db, node, ctx);
      return ALLOW;
    },
    beforeUpdate(before, after, changed, ctx) {
      if (isDocument(before)) {
        return documentVerdict(before, changed.includes('aspectNames') ? { act: 'aspects' }
          : { act: 'properties', changed }, ctx);
      }
      const generic = checkGenericAct(before.type, actOf(changed), step(ctx));
      if (!generic.allowed) return generic;
      const removed = before.aspects.filter((a) => !after.aspects.includes(a));
      const aspects = checkAspectRemoval(removed, step(ctx));
      if (!aspects.allowed) return aspects;
      const kept = workflowUpdateVerdict(before, changed);
      if (!kept.allowed) return kept;
      if (before.type === 'efr:case') return caseNumberTaken(after);
      if (before.type === 'efr:accessRequest') return checkRequestUpdate(db, before, after, changed, ctx);
      if (before.type === 'efr:handover') return checkHandoverUpdate(db, before, after, ctx);
      // Administrators too: nobody may modify an original record (R26.1).
      if (before.type !== 'efr:recording') return ALLOW;
      // A recording is made a tombstone, or loses its bytes, only by the execution of the
      // batch its tombstone names (issue 18, core's checkDisposal, as the module's behaviour).
      const batchId = after.props['efr:destroyedBatch'];
      const tomb = checkDisposal({
        recordingId: before.id,
        removesContent: before.content !== null && after.content === null,
        changed,
        addedAspects: after.aspects.filter((a) => !before.aspects.includes(a)),
        wasTombstone: before.aspects.includes('efr:destroyed'),
        inStep: ctx.workflowStep !== undefined,
        batch: destroyingBatchOf(typeof batchId === 'string' ? rows.get(batchId) : undefined),
      });
      if (!tomb.allowed) return tomb;
      const changes = recordingChanges(db, before, after, changed);
      // The seal fields map to one change, `sealed`; sealing as the handover says is the system's act.
      if (changes.sealed === true) for (const k of ['sealedBy1', 'sealedBy2']) delete changes[k];
      return checkRecordingUpdate(recordingState(db, before), changes,
        // The repository itself (asRepository's System) writes as the system, as ACS's System
        // does in the module's behaviour (a check's result, core FIXITY_AUDIT_FIELDS).
        { actor: actorOf(ctx), now: now(ctx), system: ctx.userId === RECORD_OWNER ||
          isSealingByHandover(db, after, changes) });
    },
    beforeDelete(node, ctx) {
      const generic = checkGenericAct(node.type, 'delete', step(ctx));
      if (!generic.allowed) return generic;
      const kept = workflowDeleteVerdict(node);
      if (!kept.allowed) return kept;
      if (node.type === 'efr:case') {
        const sealed = db.prepare(`SELECT COUNT(*) AS k FROM peer_assocs p JOIN aspects a
          ON a.node_id = p.target_id AND a.aspect = 'efr:sealed' WHERE p.source_id = ?`)
          .get(node.id) as { k: number };
        return checkCaseDelete(sealed.k);
      }
      if (node.type === 'efr:accessRequest') {
        const p = node.props;
        return checkRequestDelete({ status: String(p['efr:requestStatus'] ?? 'submitted'),
          registeredAt: p['efr:registeredAt'] == null ? null : String(p['efr:registeredAt']) });
      }
      if (node.type !== 'efr:recording') return ALLOW;
      // Disposal decisions are not modelled yet: a recording is never deleted through the API.
      return checkRecordingDelete(recordingState(db, node), { now: now(ctx), disposal: null });
    },
    beforeMove(node, from, to, ctx) {
      const generic = checkGenericAct(node.type, 'move', step(ctx));
      if (!generic.allowed) return generic;
      if (node.isFolder) return folderMoveVerdict(node, from, to);
      if (node.type !== 'efr:recording') return ALLOW;
      return checkRecordingMove(recordingState(db, node), { id: from.id, inArchive: inArchive(from) },
        { id: to.id, inArchive: inArchive(to) });
    },
    beforeCopy(node, _target, ctx) {
      const generic = checkGenericAct(node.type, 'copy', step(ctx));
      if (!generic.allowed) return generic;
      return node.type === 'efr:recording' ? checkRecordingCopy() : ALLOW;
    },
    beforeContentUpdate(node, ctx) {
      if (isDocument(node)) return documentVerdict(node, { act: 'content' }, ctx);
      // A disc's image: only the worker holding its job writes it (issue 15, R23.1).
      if (node.type === 'efr:evidencePackage') {
        return checkJobUpload(jobOf(node), { userName: ctx.userId, groups: ctx.groups },
          new Date(ctx.now).toISOString());
      }
      if (node.type !== 'efr:recording') return ALLOW;
      return checkContentUpdate(recordingState(db, node));
    },
    beforeContentRead(node, ctx) {
      // A tombstone's bytes are gone for good: 410 with the batch named (issue 18).
      if (node.aspects.includes('efr:destroyed')) {
        const batch = node.props['efr:destroyedBatch'];
        return checkDestroyedContentRead(typeof batch === 'string' ? batch : null);
      }
      // As the module's onContentRead: core's checkContentRead, one rule for both hosts.
      return contentRead(node, ctx);
    },
    beforeGenericAct(node, act, ctx, removedAspects) {
      if (isDocument(node)) {
        if (act === 'aspects') {
          return removedAspects && removedAspects.length > 0
            ? documentVerdict(node, { act: 'aspects' }, ctx) : ALLOW;
        }
        // Properties are decided once their changes are known (beforeUpdate).
        if (act === 'properties' || act === 'associations') return ALLOW;
        return documentVerdict(node, { act }, ctx);
      }
      // Removing efr:sealed (and other protected aspects) is refused, not silently undone (R26.1).
      if (act === 'aspects' && removedAspects) {
        const kept = checkAspectRemoval(removedAspects, step(ctx));
        if (!kept.allowed) return kept;
      }
      if (act === 'lock') return checkLock(node.type, step(ctx));
      // Nobody owns an EFR record; its ACL and its archive folders' ACLs are EFR's (issue 16).
      if (act === 'permissions') {
        return checkPermissionChange(node.type.startsWith('efr:') || inArchive(node), step(ctx));
      }
      return checkGenericAct(node.type, act, step(ctx));
    },
  };
}
