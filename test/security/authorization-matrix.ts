/**
 * The authorization matrix of issue 16: ONE declarative table of role × action × expected
 * outcome. `authorization-matrix.spec.ts` runs every cell against server/ with the demo data,
 * and checks that docs/security.md shows exactly this table (rendered by `renderMatrix`).
 */

/** The demo users standing for each role (officer1 is the requester and registered viewer). */
export const MATRIX_ROLES = [
  ['officer1', 'officer (requester)'],
  ['officer2', 'other officer'],
  ['custodian1', 'custodian'],
  ['director1', 'office director'],
  ['leader1', 'leader in charge'],
  ['supervisor1', 'supervisor'],
  ['legal1', 'legal'],
  ['unithead1', 'unit head'],
  ['admin', 'administrator'],
] as const;

/** A demo user of the matrix. */
export type MatrixUser = (typeof MATRIX_ROLES)[number][0];

/** What a cell expects: the act succeeds (or the record is visible), or it is refused/hidden. */
export type Outcome = 'allow' | 'deny';

/** One action of the matrix. */
export interface MatrixRow {
  /** Stable id; the spec's probe of the same id performs it. */
  id: string;
  /** What is attempted, in words. */
  action: string;
  /** The request (host-neutral: the ACS REST API v1 or EFR web script path). */
  request: string;
  /** The outcome per user. */
  expect: Record<MatrixUser, Outcome>;
}

const USERS = MATRIX_ROLES.map(([u]) => u);

function only(allowed: readonly MatrixUser[]): Record<MatrixUser, Outcome> {
  const out = {} as Record<MatrixUser, Outcome>;
  for (const u of USERS) out[u] = allowed.includes(u) ? 'allow' : 'deny';
  return out;
}
const NOBODY = only([]);
/** Those the request web script shows a request to (R24.1): parties, deciders, supervisors. */
const REQUEST_READERS = only(['officer1', 'custodian1', 'director1', 'leader1', 'supervisor1',
  'admin']);

/** The matrix. */
export const MATRIX: readonly MatrixRow[] = [
  { id: 'request.read', action: 'read a viewing request', request: 'GET /nodes/{request}',
    expect: REQUEST_READERS },
  { id: 'request.children', action: 'see it among the requests folder\'s children',
    request: 'GET /nodes/{requests}/children', expect: REQUEST_READERS },
  { id: 'request.search', action: 'find it by search', request: "POST /search TYPE:'efr:accessRequest'",
    expect: REQUEST_READERS },
  { id: 'request.webscript', action: 'read it through the web script',
    request: 'GET /s/efr/access-requests/{id}', expect: REQUEST_READERS },
  { id: 'request.props', action: 'change its purpose', request: 'PUT /nodes/{request} properties',
    expect: NOBODY },
  { id: 'request.assoc', action: 'add a recording to it', request: 'POST /nodes/{request}/targets',
    expect: NOBODY },
  { id: 'request.delete', action: 'delete a registered request', request: 'DELETE /nodes/{request}',
    expect: NOBODY },
  { id: 'audit.read', action: 'read the access log',
    request: 'GET /audit-applications/efr-access/audit-entries',
    expect: only(['custodian1', 'supervisor1', 'legal1', 'admin']) },
  { id: 'recording.read', action: 'read a sealed recording\'s metadata',
    request: 'GET /nodes/{recording}', expect: only(USERS) },
  { id: 'recording.permissions', action: 'change a sealed recording\'s permissions',
    request: 'PUT /nodes/{recording} permissions', expect: NOBODY },
  { id: 'recording.lock', action: 'lock a sealed recording', request: 'POST /nodes/{recording}/lock',
    expect: NOBODY },
  { id: 'recording.unseal', action: 'remove efr:sealed', request: 'PUT /nodes/{recording} aspectNames',
    expect: NOBODY },
  { id: 'recording.delete', action: 'delete a sealed recording', request: 'DELETE /nodes/{recording}',
    expect: NOBODY },
  { id: 'recording.copy', action: 'copy a sealed recording', request: 'POST /nodes/{recording}/copy',
    expect: NOBODY },
  { id: 'recording.move', action: 'move it out of the archive', request: 'POST /nodes/{recording}/move',
    expect: NOBODY },
  { id: 'case.delete', action: 'delete a case linked to sealed recordings',
    request: 'DELETE /nodes/{case}', expect: NOBODY },
  { id: 'archive.permissions', action: 'change an archive folder\'s permissions',
    request: 'PUT /nodes/{案件} permissions', expect: NOBODY },
];

/** The matrix as a Markdown table (the block between the markers of docs/security.md). */
export function renderMatrix(rows: readonly MatrixRow[] = MATRIX): string {
  const head = `| action | request | ${MATRIX_ROLES.map(([, r]) => r).join(' | ')} |`;
  const rule = `|---|---|${MATRIX_ROLES.map(() => ':-:').join('|')}|`;
  const body = rows.map((r) => `| ${r.action} | \`${r.request}\` | ` +
    `${USERS.map((u) => (r.expect[u] === 'allow' ? '✓' : '✗')).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** Markers around the rendered matrix in docs/security.md. */
export const MATRIX_MARKERS = ['<!-- matrix:start (test/security/authorization-matrix.ts) -->',
  '<!-- matrix:end -->'] as const;
