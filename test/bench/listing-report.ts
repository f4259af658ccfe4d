/**
 * The docs/benchmarks.md section of the listing bench (run-bench.ts writes the file): the
 * curve of p95 per page over the sizes run (issue 20), how each size was seeded, and the
 * table of each size.
 */
import type { LatencyRow, ListingRun } from './listing-bench.js';
import { loadRange } from './disc-seek-report.js';
import { table } from './markdown.js';

/** Milliseconds for a table; a timed-out row reads "timeout". */
function ms(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : 'timeout';
}

const sizeLabel = (n: number): string => n.toLocaleString('en-US').replace(/,/g, ' ');

/** One size's table (also printed on the console). */
export function listingTable(rows: LatencyRow[]): string {
  return table(['request', 'n', 'p50 ms', 'p95 ms', 'server CPU ms/req', 'items/page',
    'totalItems'], rows.map((r) => [r.label, String(r.requests), ms(r.p50), ms(r.p95),
    ms(r.cpuMs), String(r.pageSize), String(r.totalItems)]));
}

/** p95 / p50 / server CPU per request of every request at every size: the curve. */
export function curveTable(runs: ListingRun[]): string {
  const labels = runs[0]?.rows.map((r) => r.label) ?? [];
  return table(['request', ...runs.map((r) => `${sizeLabel(r.count)}: p95 / p50 / CPU ms`)],
    labels.map((label) => [label, ...runs.map((run) => {
      const row = run.rows.find((r) => r.label === label);
      return row ? `${ms(row.p95)} / ${ms(row.p50)} / ${ms(row.cpuMs)}` : '';
    })]));
}

/** How each size was seeded. */
export function seedingTable(runs: ListingRun[]): string {
  return table(['recordings (+ hidden)', 'seeding s', 'recordings/s', 'of which indexes s',
    'repository.sqlite GB', '1-min load'],
  runs.map((r) => {
    const all = r.count + Math.floor(r.count / 10);
    return [`${sizeLabel(r.count)} (+ ${sizeLabel(Math.floor(r.count / 10))})`,
      r.seeding.seconds.toFixed(1), String(Math.round(all / r.seeding.seconds)),
      r.seeding.rebuildSeconds.toFixed(1), (r.seeding.dbBytes / 1e9).toFixed(2),
      loadRange(r.loads)];
  }));
}

/** Body of the listing section. */
export function listingBody(runs: ListingRun[], measured: string, budgetSeconds: number): string {
  return `${measured}

At each size, N sealed \`efr:recording\` nodes (with the properties and aspects of a sealed
demo recording) are bulk-seeded in one folder, and N/10 more in a second folder that only
administrators read; then server/ is started on that data dir and pages at seeded random
offsets are timed over HTTP (5 warm-up requests not counted; a row stops after
${budgetSeconds} s once 5 pages are timed, so n can be smaller than asked). Seeding
(test/bench/bulk-load.ts) writes every row through server/'s own \`NodeRows.insert\` with the
secondary indexes and triggers of nodes, node_props and aspects dropped, in transactions of
50 000 recordings without journal or fsync, then builds the indexes again, raises
\`generation\` once (what the triggers would have counted) and runs ANALYZE. Search filters:
a quarter of the recordings share a source and each month holds about a twelfth of them.
"non-admin" rows are asked by a user with Consumer on the first folder: its Read filter hides
the second folder's N/10 recordings (a list of ids up to 20 000, a per-row condition beyond).

The curve, p95 / p50 of wall time and the server's mean CPU time per page (ms):

${curveTable(runs)}

Seeding:

${seedingTable(runs)}

${runs.map((r) => `${sizeLabel(r.count)} recordings:\n\n${listingTable(r.rows)}`).join('\n\n')}`;
}
