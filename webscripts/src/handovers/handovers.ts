/**
 * The handover web scripts (issue 5; R21.1–R21.4, R15, R16.1, R17.1, R26.1, R29.1), once for
 * both hosts:
 * - `POST /handovers` opens a handover with its declared sessions (handover-open.ts);
 * - `GET  /handovers?status=open|pending|sealed|late|all` (paged) lists them, newest first;
 * - `GET  /handovers/{id}` one handover with its sessions, files and receipts;
 * - `POST /handovers/{id}/receipts` a custodian's receipt; the second seals (handover-receipt.ts).
 * Files go in with the standard children API (`efr:recording`, `efr:sha256` checked at ingest,
 * core's checkHandoverUpload).
 */
import { pagedList } from '../paging.js';
import type { PortNode } from '../repository-port.js';
import { entryGet, invalidArgument, type WebScriptDefinition } from '../web-script.js';
import {
  archiveFolderOrFail, handoverJson, HANDOVERS_FOLDER,
} from './handover-json.js';
import { openHandover } from './handover-open.js';
import { recordReceipt } from './handover-receipt.js';

const AREA = 'handovers';
const FILTERS = ['open', 'pending', 'sealed', 'late', 'all'];

/** Newest first by `cm:created`, then by id (a stable order in both hosts). */
function newestFirst(a: PortNode, b: PortNode): number {
  const ca = typeof a.props['cm:created'] === 'string' ? a.props['cm:created'] as string : '';
  const cb = typeof b.props['cm:created'] === 'string' ? b.props['cm:created'] as string : '';
  if (ca !== cb) return ca < cb ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const handoversPost: WebScriptDefinition = {
  id: 'handovers', method: 'POST', path: '/handovers', area: AREA,
  title: 'EFR handovers: open a handover',
  handle(port, call) {
    return { status: 201, body: { entry: handoverJson(port, openHandover(port, call.body)) } };
  },
};

export const handoversGet: WebScriptDefinition = {
  id: 'handovers', method: 'GET', path: '/handovers', area: AREA, title: 'EFR handovers: list',
  handle(port, call) {
    const status = call.query.status || 'all';
    if (FILTERS.indexOf(status) < 0) throw invalidArgument('Invalid status filter: ' + status);
    const folder = archiveFolderOrFail(port, HANDOVERS_FOLDER);
    const all = port.children(folder.id, 'efr:handover').sort(newestFirst)
      .map((h) => handoverJson(port, h))
      .filter((j) => status === 'all' ||
        (status === 'late' ? j.late || j.overdue : j.status === status));
    return { status: 200, body: pagedList(all, call.query) };
  },
};

export const handoverGet: WebScriptDefinition = entryGet({ id: 'handover',
  path: '/handovers/{id}', area: AREA, title: 'EFR handovers: one handover',
  type: 'efr:handover' }, handoverJson);

export const handoverReceiptsPost: WebScriptDefinition = {
  id: 'handover-receipts', method: 'POST', path: '/handovers/{id}/receipts', area: AREA,
  title: 'EFR handovers: custodian receipt',
  handle(port, call) {
    const h = recordReceipt(port, call.params.id, call.body);
    return { status: 201, body: { entry: handoverJson(port, h) } };
  },
};

/** The handover web scripts written once. */
export const HANDOVER_WEB_SCRIPTS: readonly WebScriptDefinition[] = [
  handoversPost, handoversGet, handoverGet, handoverReceiptsPost,
];
