/**
 * Script behaviour of efr:handover, onUpdateProperties (R21.4): custodians confirm a handover
 * one after the other by writing efr:receipt1By/receipt1Hashes, then receipt2By/receipt2Hashes;
 * core checks each confirmation (a custodian, not an officer of the act, not the same person
 * twice, hashes equal to what the repository computed) and says which status follows.
 * The same script also guards the device register and exemption records (R13.1, R11.2:
 * lib/workflow-behaviour.ts), which are bound to its ScriptBehaviour.
 */
import {
  allow, checkReceipt, GROUP_EFR_CUSTODIANS, isMember, refuse,
} from '../../../core/src/index.js';
import type {
  HandoverFile, HandoverState, HandoverStatus, Verdict,
} from '../../../core/src/index.js';
import { EFR_ASSOCS, EFR_PROPS } from '../../../content-model/src/qnames.js';
import { currentBehaviour } from '../lib/acs-api.js';
import type { ScriptNodeLike } from '../lib/acs-api.js';
import { currentActor, groupsOf } from '../lib/actor.js';
import type { BehaviourActor } from '../lib/actor.js';
import { nowIso } from '../lib/clock.js';
import { plainString, plainStrings, qnameMapToProps, samePlain } from '../lib/java-values.js';
import { assocNodes, nodeId, nodeProp } from '../lib/model-names.js';
import { readerOf } from '../lib/recording-state.js';
import type { PropReader } from '../lib/recording-state.js';
import { enforce } from '../lib/refusal.js';
import { isWorkflowRecord, policyNode, runWorkflowGuard } from '../lib/workflow-behaviour.js';
import { efrWarn } from '../lib/efr-log.js';

/** The properties of one custodian's confirmation. */
interface ReceiptProps {
  /** Who confirmed. */
  by: string;
  /** The sha256sum lines they computed. */
  hashes: string;
  /** When. */
  at: string;
}

/** The two confirmations, in order. */
const RECEIPTS: readonly ReceiptProps[] = [
  { by: EFR_PROPS.receipt1By, hashes: EFR_PROPS.receipt1Hashes, at: EFR_PROPS.receipt1At },
  { by: EFR_PROPS.receipt2By, hashes: EFR_PROPS.receipt2Hashes, at: EFR_PROPS.receipt2At },
];

/** Facts of the act that are fixed once the handover is sealed. */
const SEALED_FIXED_PROPS: readonly string[] = [
  EFR_PROPS.officer, EFR_PROPS.coOfficer, EFR_PROPS.returnedAt, EFR_PROPS.awayWork,
  EFR_PROPS.fieldWorkEnd, EFR_PROPS.deadline, EFR_PROPS.declaredHashes,
];

/** The hash of a `sha256sum` line (`<hex>  <name>`), or the value itself when bare. */
export function hashOfLine(line: string): string {
  const trimmed = line.replace(/^\s+/, '');
  const space = trimmed.search(/\s/);
  return space < 0 ? trimmed : trimmed.substring(0, space);
}

/**
 * The files as the repository received them: the hashes it computed at ingest on the linked
 * recordings (efr:handoverRecordings); the declared list only when none is linked yet.
 */
function filesOf(node: ScriptNodeLike, read: PropReader): HandoverFile[] {
  const linked = assocNodes(node.assocs, EFR_ASSOCS.handoverRecordings);
  if (linked.length > 0) {
    return linked.map((r) => ({
      recordingId: nodeId(r),
      name: plainString(nodeProp(r, 'cm:name')) || '',
      sha256: plainString(nodeProp(r, EFR_PROPS.sha256)) || '',
    }));
  }
  return plainStrings(read(EFR_PROPS.declaredHashes)).map((line) => ({
    recordingId: '', name: line.substring(66), sha256: hashOfLine(line),
  }));
}

function stateOf(id: string, node: ScriptNodeLike, read: PropReader): HandoverState {
  const s = (name: string): string => plainString(read(name)) || '';
  const receivedBy: string[] = [];
  for (const r of RECEIPTS) {
    const by = plainString(read(r.by));
    if (by !== null) receivedBy.push(by);
  }
  return {
    id, status: (s(EFR_PROPS.handoverStatus) || 'open') as HandoverStatus,
    officer: s(EFR_PROPS.officer), coOfficer: s(EFR_PROPS.coOfficer), receivedBy,
    files: filesOf(node, read),
  };
}

function fixed(what: string): Verdict {
  return refuse(409, 'efr.handover.receiptFixed', 'R21.4',
    'A recorded receipt cannot be changed: ' + what + '.',
    '已记录的接收信息不得更改：' + what + '。');
}

/** Checks every receipt the update adds, in order, and the status it leads to. */
function checkReceipts(
  state: HandoverState,
  before: PropReader,
  after: PropReader,
  actor: BehaviourActor,
): Verdict {
  let current = state;
  for (const r of RECEIPTS) {
    const previous = plainString(before(r.by));
    const receiver = plainString(after(r.by));
    if (previous !== null) {
      for (const prop of [r.by, r.hashes, r.at]) {
        if (!samePlain(before(prop), after(prop))) return fixed(prop);
      }
      continue;
    }
    if (receiver === null) continue;
    if (!actor.system && receiver !== actor.userName) {
      return refuse(403, 'efr.handover.receiptForOther', 'R21.4',
        'Each custodian confirms for themself: ' + r.by + ' must be ' + actor.userName + '.',
        '保管人只能以本人名义确认接收：' + r.by + ' 应为 ' + actor.userName + '。');
    }
    const result = checkReceipt(current, {
      custodian: receiver,
      // The receiver's own groups: the repository (System) may write a receipt for a custodian.
      isCustodian: isMember({ userName: receiver, groups: receiver === actor.userName
        ? actor.groups : groupsOf(receiver) }, GROUP_EFR_CUSTODIANS),
      verifiedHashes: plainStrings(after(r.hashes)).map(hashOfLine),
    }, nowIso());
    if (!result.verdict.allowed) return result.verdict;
    current = { id: current.id, status: result.next as HandoverStatus, officer: current.officer,
      coOfficer: current.coOfficer, receivedBy: result.receivedBy || [], files: current.files };
  }
  const status = plainString(after(EFR_PROPS.handoverStatus)) || 'open';
  if (status !== current.status) {
    return refuse(409, 'efr.handover.statusByReceipt', 'R21.4',
      'The status follows the receipts: expected ' + current.status + ', got ' + status + '.',
      '移交状态由接收确认决定：应为“' + current.status + '”，而不是“' + status + '”。');
  }
  return allow();
}

function onUpdateProperties(node: ScriptNodeLike, beforeMap: unknown, afterMap: unknown): void {
  const beforeProps = qnameMapToProps(beforeMap);
  // An empty before-map is the node's creation (checked where the handover is opened).
  if (Object.keys(beforeProps).length === 0) return;
  const before = readerOf(beforeProps);
  const after = readerOf(qnameMapToProps(afterMap));
  const actor = currentActor();
  const id = nodeId(node);
  const state = stateOf(id, node, before);
  const what = 'update of handover ' + id + ' by ' + actor.userName;
  if (state.status === 'sealed') {
    for (const prop of SEALED_FIXED_PROPS) {
      if (!samePlain(before(prop), after(prop))) enforce(fixed(prop), what);
    }
  }
  enforce(checkReceipts(state, before, after, actor), what);
}

/** Runs the policy that fired. */
export function runHandoverBehaviour(): void {
  const b = currentBehaviour();
  // efr:device, efr:deviceEvent, efr:deviceCheck and efr:exemption share this script's
  // ScriptBehaviour (see lib/workflow-behaviour.ts for why): the web-scripts-only guard.
  const node = policyNode(b);
  if (isWorkflowRecord(node)) {
    runWorkflowGuard(b, node as ScriptNodeLike);
  } else if (String(b.name) === 'onUpdateProperties') {
    onUpdateProperties(b.args[0] as ScriptNodeLike, b.args[1], b.args[2]);
  } else {
    efrWarn('efr handover behaviour: unexpected policy ' + String(b.name));
  }
}

runHandoverBehaviour();
