/**
 * The docs/benchmarks.md section of the first-load benchmark (run-bench.ts writes the file):
 * what was measured, how, and the tables.
 */
import { extname } from 'node:path';
import { loadRange } from './disc-seek-report.js';
import {
  decoded, transferred, type FirstLoadResult, type LoadFigures, type LoadedRequest,
} from './firstload-bench.js';
import { table } from './markdown.js';

/** Targets of DESIGN.md "What the numbers must be", bytes. */
export const FIRST_LOAD_TARGET = 700_000;
export const RELOAD_TARGET = 50_000;

const kB = (bytes: number): string => (bytes / 1e3).toFixed(1);

/** What kind of file a request fetched, for the breakdown. */
function kind(r: LoadedRequest): string {
  const path = r.path.split('?')[0];
  if (/\/i18n\/[^/]+\.json$/.test(path)) return 'translations';
  const ext = extname(path);
  if (ext === '.js') return 'scripts';
  if (ext === '.css') return 'styles';
  if (/^\.(woff2?|ttf)$/.test(ext)) return 'fonts';
  if (ext === '.json') return 'configuration';
  if (ext === '' || ext === '.html') return 'pages';
  return 'images and other';
}

/** One row per load: requests, caching and bytes. */
export function firstLoadTable(result: FirstLoadResult): string {
  return table(['load', 'requests', 'from cache', '304', 'compressed', 'transferred kB',
    'decoded kB', 'target kB', 'met', 'login form shown ms'],
  result.loads.map((l) => {
    const target = l.label === 'reload' ? RELOAD_TARGET : FIRST_LOAD_TARGET;
    return [l.label, String(l.requests.length),
      String(l.requests.filter((r) => r.fromCache).length),
      String(l.requests.filter((r) => r.revalidated).length),
      String(l.requests.filter((r) => r.encoding !== '').length),
      kB(transferred(l)), kB(decoded(l)), kB(target), transferred(l) <= target ? 'yes' : 'no',
      String(l.formShownMs)];
  }));
}

/** The first load by kind of file. */
function breakdown(load: LoadFigures): string {
  const rows = new Map<string, LoadedRequest[]>();
  for (const r of load.requests) rows.set(kind(r), [...rows.get(kind(r)) ?? [], r]);
  return table(['files', 'requests', 'transferred kB', 'decoded kB', 'encodings'],
    [...rows].sort((a, b) => transferred({ ...load, requests: b[1] }) -
      transferred({ ...load, requests: a[1] }))
      .map(([k, rs]) => [k, String(rs.length), kB(transferred({ ...load, requests: rs })),
        kB(decoded({ ...load, requests: rs })),
        [...new Set(rs.map((r) => r.encoding || 'none'))].join(', ')]));
}

/** Body of the first-load section. */
export function firstLoadBody(result: FirstLoadResult, measured: string, loads: number[])
  : string {
  const first = result.loads[0];
  return `${measured} 1-min load average during the part: ${loadRange(loads)}. ${result.browser}.

server/ serves a copy of \`dist/efr-app/browser\` (\`npm run build\`); Chromium (a fresh
profile, locale zh-CN) opens \`/\`, is sent to \`/login\` by the app and waits for the login
form and an idle network; then the page is reloaded the way F5 does. Bytes are Chromium's
DevTools figures: the sum of \`Network.loadingFinished.encodedDataLength\` (headers and the
body as sent, 0 for a file from the browser's cache) and of \`Network.dataReceived\` lengths
(decoded). Goals: first load ≤ ${kB(FIRST_LOAD_TARGET)} kB, reload ≤ ${kB(RELOAD_TARGET)} kB.

${firstLoadTable(result)}

The first load by kind of file:

${breakdown(first)}`;
}
