import type { HandoverStatus } from '../../../../core/src/index.js';
import { badRequest } from '../../http/errors.js';
import type { NodeRow } from '../../repo/node-rows.js';
import type { WebScriptModule } from '../web-script-host.js';
import { handoverJson } from './handover-view.js';
import { handoversFolder, openHandover } from './handover-open.js';
import { handoverById, recordReceipt } from './handover-receipt.js';
import { openLateViolation } from './handover-violation.js';
import { bureauZone } from './handover-zone.js';

const FILTERS = ['open', 'pending', 'sealed', 'late', 'all'] as const;
type Filter = (typeof FILTERS)[number];

function intParam(v: unknown, name: string, dflt: number, max: number): number {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (typeof v !== 'string' || !/^\d+$/.test(v) || n > max)
    throw badRequest(`Invalid ${name}: ${String(v)}`);
  return n;
}

/**
 * The handover web scripts (issue 5; R21.1–R21.4, R15, R16.1, R17.1, R26.1, R29.1):
 * - `POST /handovers` opens a handover with its declared sessions;
 * - `GET /handovers?status=open|pending|sealed|late|all` lists them for the screens;
 * - `GET /handovers/{id}` one handover with sessions, files and receipts;
 * - `POST /handovers/{id}/receipts` a custodian's receipt; the second seals.
 * Files go in with the standard children API (`efr:recording`, `efr:sha256` checked).
 */
export const handoversModule: WebScriptModule = (ws, repo) => {
  const zone = bureauZone();

  ws.post('/handovers', async (req) => {
    const h = await openHandover(repo, req.caller, req.body, zone);
    return { status: 201, body: { entry: handoverJson(repo, req.caller, h) } };
  });

  ws.get('/handovers', (req) => {
    const status = (req.query.status ?? 'all') as Filter;
    if (!FILTERS.includes(status)) throw badRequest(`Invalid status filter: ${String(status)}`);
    const skipCount = intParam(req.query.skipCount, 'skipCount', 0, 1e9);
    const maxItems = intParam(req.query.maxItems, 'maxItems', 100, 1000);
    if (maxItems < 1) throw badRequest('maxItems must be at least 1');
    const folder = handoversFolder(repo, req.caller);
    const ids = (
      repo.db
        .prepare(
          `SELECT id FROM nodes WHERE parent_id = ? AND type = 'efr:handover'
      ORDER BY created_at DESC, id`,
        )
        .all(folder.id) as { id: string }[]
    ).map((r) => r.id);
    const all = ids
      .map((id) => repo.rows.get(id) as NodeRow)
      .filter((n) => req.caller.perms.has(n, 'Read'))
      .map((n) => handoverJson(repo, req.caller, n))
      .filter(
        (j) =>
          status === 'all' ||
          (status === 'late' ? j.late || j.overdue : j.status === (status as HandoverStatus)),
      );
    const page = all.slice(skipCount, skipCount + maxItems);
    return {
      body: {
        list: {
          pagination: {
            count: page.length,
            hasMoreItems: skipCount + page.length < all.length,
            totalItems: all.length,
            skipCount,
            maxItems,
          },
          entries: page.map((entry) => ({ entry })),
        },
      },
    };
  });

  ws.get('/handovers/{id}', (req) => ({
    body: { entry: handoverJson(repo, req.caller, handoverById(repo, req.caller, req.params.id)) },
  }));

  ws.post('/handovers/{id}/receipts', async (req) => {
    const outcome = recordReceipt(repo, req.caller, req.params.id, req.body);
    let h = handoverById(repo, req.caller, req.params.id);
    if (outcome.late) {
      await openLateViolation(repo, h);
      h = handoverById(repo, req.caller, req.params.id);
    }
    return { status: 201, body: { entry: handoverJson(repo, req.caller, h) } };
  });
};
