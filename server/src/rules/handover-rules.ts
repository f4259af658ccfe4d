import {
  checkHandoverUpload,
  checkReceipt,
  GROUP_EFR_CUSTODIANS,
  type HandoverFile,
  type HandoverState,
  type HandoverStatus,
} from '../../../core/src/index.js';
import type { Db } from '../db/database.js';
import type { PropValue } from '../model/property-values.js';
import { NodeRows, type NodeRow } from '../repo/node-rows.js';
import type { RuleContext, Verdict } from './rule-hooks.js';

/** The two confirmations, in order (same as behaviors/src/scripts/handover.ts). */
const RECEIPTS = [
  { by: 'efr:receipt1By', hashes: 'efr:receipt1Hashes' },
  { by: 'efr:receipt2By', hashes: 'efr:receipt2Hashes' },
] as const;
/** Facts of the act that are fixed once the handover is sealed. */
const SEALED_FIXED = [
  'efr:officer',
  'efr:coOfficer',
  'efr:returnedAt',
  'efr:awayWork',
  'efr:fieldWorkEnd',
  'efr:deadline',
  'efr:declaredHashes',
];

const str = (v: PropValue | undefined): string | null => (typeof v === 'string' ? v : null);
const list = (v: PropValue | undefined): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : [];
const same = (a: PropValue | undefined, b: PropValue | undefined): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The hash of a `sha256sum` line (`<hex>  <name>`), or the value itself when bare. */
export function hashOfLine(line: string): string {
  const t = line.trimStart();
  const space = t.search(/\s/);
  return space < 0 ? t : t.slice(0, space);
}

function fixed(what: string): Verdict {
  return {
    allowed: false,
    status: 409,
    code: 'efr.handover.receiptFixed',
    requirement: 'R21.4',
    message: `A recorded receipt cannot be changed: ${what}.`,
    messageZh: `已记录的接收信息不得更改：${what}。`,
  };
}

/** The files as the repository received them: hashes it computed on the linked recordings. */
function filesOf(db: Db, h: NodeRow): HandoverFile[] {
  const rows = new NodeRows(db);
  const linked = (
    db
      .prepare(
        `SELECT target_id FROM peer_assocs WHERE source_id = ? AND
    type = 'efr:handoverRecordings' ORDER BY target_id`,
      )
      .all(h.id) as { target_id: string }[]
  )
    .map((r) => rows.get(r.target_id))
    .filter((n): n is NodeRow => n !== undefined);
  if (linked.length > 0) {
    return linked.map((r) => ({
      recordingId: r.id,
      name: r.name,
      sha256: str(r.props['efr:sha256']) ?? '',
    }));
  }
  return list(h.props['efr:declaredHashes']).map((line) => ({
    recordingId: '',
    name: line.slice(66),
    sha256: hashOfLine(line),
  }));
}

/**
 * R21.4 at the handover's update, as the module's behaviour: each custodian confirms for
 * themself, in order, checked by core's checkReceipt; the status follows the receipts; a
 * sealed handover's facts never change.
 */
export function checkHandoverUpdate(
  db: Db,
  before: NodeRow,
  after: NodeRow,
  ctx: RuleContext,
): Verdict {
  const b = before.props;
  const a = after.props;
  const status = (str(b['efr:handoverStatus']) ?? 'open') as HandoverStatus;
  if (status === 'sealed') {
    for (const p of SEALED_FIXED) if (!same(b[p], a[p])) return fixed(p);
  }
  let state: HandoverState = {
    id: before.id,
    status,
    officer: str(b['efr:officer']) ?? '',
    coOfficer: str(b['efr:coOfficer']) ?? '',
    files: filesOf(db, before),
    receivedBy: RECEIPTS.map((r) => str(b[r.by])).filter((x): x is string => x !== null),
  };
  for (const r of RECEIPTS) {
    const was = str(b[r.by]);
    const now = str(a[r.by]);
    if (was !== null) {
      if (now !== was || !same(b[r.hashes], a[r.hashes])) return fixed(r.by);
      continue;
    }
    if (now === null) continue;
    if (now !== ctx.userId) {
      return {
        allowed: false,
        status: 403,
        code: 'efr.handover.receiptForOther',
        requirement: 'R21.4',
        message: `Each custodian confirms for themself: ${r.by} must be ${ctx.userId}.`,
        messageZh: `保管人只能以本人名义确认接收：${r.by} 应为 ${ctx.userId}。`,
      };
    }
    const result = checkReceipt(
      state,
      {
        custodian: now,
        isCustodian: ctx.groups.includes(GROUP_EFR_CUSTODIANS),
        verifiedHashes: list(a[r.hashes]).map(hashOfLine),
      },
      new Date(ctx.now).toISOString(),
    );
    if (!result.verdict.allowed) return result.verdict;
    state = {
      ...state,
      status: result.next as HandoverStatus,
      receivedBy: result.receivedBy ?? [],
    };
  }
  const wanted = str(a['efr:handoverStatus']) ?? 'open';
  if (wanted !== state.status) {
    return {
      allowed: false,
      status: 409,
      code: 'efr.handover.statusByReceipt',
      requirement: 'R21.4',
      message: `The status follows the receipts: expected ${state.status}, got ${wanted}.`,
      messageZh: `移交状态由接收确认决定：应为“${state.status}”，而不是“${wanted}”。`,
    };
  }
  return { allowed: true };
}

/**
 * Whether an update of a recording only seals it as its handover says: the handover named by
 * efr:handoverId is sealed and names the same two custodians (R21.4). Sealing is then the
 * repository's own act (core is asked with `system: true`), as in the module.
 */
export function isSealingByHandover(
  db: Db,
  after: NodeRow,
  changes: Record<string, unknown>,
): boolean {
  const keys = Object.keys(changes);
  if (keys.length !== 1 || changes.sealed !== true) return false;
  const id = str(after.props['efr:handoverId']);
  const h = id ? new NodeRows(db).get(id) : undefined;
  if (!h || h.type !== 'efr:handover') return false;
  return (
    h.props['efr:handoverStatus'] === 'sealed' &&
    h.props['efr:receipt1By'] === after.props['efr:sealedBy1'] &&
    h.props['efr:receipt2By'] === after.props['efr:sealedBy2']
  );
}

/** A file uploaded into a handover with the children API: core's rule (R21.4). */
export function handoverUploadVerdict(node: NodeRow, parent: NodeRow): Verdict {
  if (node.type !== 'efr:recording' || parent.type !== 'efr:handover') return { allowed: true };
  return checkHandoverUpload({
    handoverId: parent.id,
    handoverStatus: str(parent.props['efr:handoverStatus']),
    declaredHandoverId: str(node.props['efr:handoverId']),
  });
}
