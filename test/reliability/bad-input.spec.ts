/**
 * DESIGN.md "Bad input": every input from outside is validated; a bad one gets a clear 4xx with
 * the ACS error body and changes nothing (R4.1: records stay complete and valid). Each case
 * below sends one defect to server/ and proves, below the API, that no node, property row,
 * stored file or temp file appeared. A valid case body is accepted first (positive control),
 * so each refusal is due to its one defect.
 */
import { AcsHttp, basicAuth, expectAcsError, expectContract, type AcsResponse }
  from '../support/acs-http.js';
import { snapshot } from '../support/data-dir.js';
import { CORE, startInProcess, type TestServer } from '../support/server-harness.js';

/** Mandatory properties of an efr:case (content-model/efr-model.xml), all valid. */
function validCase(n: number): Record<string, unknown> {
  return {
    'cm:title': '某某公司行政检查', 'efr:caseNumber': `EFR-2026-${String(1000 + n)}`,
    'efr:actType': 'inspection', 'efr:caseStatus': 'open', 'efr:handler': 'officer1',
    'efr:leaderInCharge': 'leader1', 'efr:openedAt': '2026-03-01T09:00:00.000+08:00',
    'efr:unit': 'unit-1', 'efr:retentionYears': 10,
  };
}

/** A multipart body written by hand, so that it can be broken on purpose. */
function multipart(parts: { name: string; filename?: string; value: string | Buffer }[],
  boundary = 'efr-boundary-1234'): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"` +
      (p.filename !== undefined ? `; filename="${p.filename}"` : '');
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n` +
      (p.filename !== undefined ? 'Content-Type: application/octet-stream\r\n' : '') + '\r\n'));
    chunks.push(Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

const BOUNDARY_TYPE = 'multipart/form-data; boundary=efr-boundary-1234';
const FILE = Buffer.from('bytes that must never be stored '.repeat(1000));

describe('reliability: bad input gets a 4xx and stores nothing (issue 3, R4.1)', () => {
  let server: TestServer;
  let http: AcsHttp;
  let work: string;
  let existing: string;
  let counter = 0;

  beforeAll(async () => {
    server = await startInProcess({ demo: false, worker: false });
    http = new AcsHttp(server.url, basicAuth('admin', 'admin'));
    const folder = await http.post<{ entry: { id: string } }>(`${CORE}/nodes/-root-/children`,
      { name: 'bad-input', nodeType: 'cm:folder' });
    work = folder.body.entry.id;
    const other = await http.post<{ entry: { id: string } }>(`${CORE}/nodes/${work}/children`,
      { name: 'existing', nodeType: 'cm:folder' });
    existing = other.body.entry.id;
  });

  afterAll(async () => { await server.close(); });

  const children = () => `${CORE}/nodes/${work}/children`;
  const createCase = (overrides: Record<string, unknown>, drop?: string) => {
    const properties = { ...validCase(counter++), ...overrides };
    if (drop) delete properties[drop];
    return http.post(children(), { name: `case-${counter}`, nodeType: 'efr:case', properties });
  };
  const rawPost = (body: string | Buffer, contentType: string) =>
    http.request('post', children(), { body, headers: { 'content-type': contentType } });
  const upload = (parts: Parameters<typeof multipart>[0]) =>
    rawPost(multipart(parts), BOUNDARY_TYPE);

  it('accepts a valid case and a valid hand-written multipart upload (controls)', async () => {
    expectContract(await createCase({}), 201);
    expectContract(await upload([{ name: 'filedata', filename: 'ok.txt', value: FILE },
      { name: 'name', value: 'ok.txt' }]), 201);
  });

  // [what is wrong, how to send it, a word the error summary must name (the culprit)]
  const cases: [string, () => Promise<AcsResponse>, string?][] = [
    ['malformed JSON', () => rawPost('{"name": "x", ', 'application/json')],
    ['a JSON array instead of an object', () => rawPost('[]', 'application/json')],
    ['a JSON body of the wrong type for name', () =>
      http.post(children(), { name: 42, nodeType: 'cm:folder' })],
    ['an unknown top-level field', () =>
      http.post(children(), { name: 'x1', nodeType: 'cm:folder', bogus: true })],
    ['a traversal name "../evil"', () =>
      http.post(children(), { name: '../evil', nodeType: 'cm:folder' })],
    ['the name ".."', () => http.post(children(), { name: '..', nodeType: 'cm:folder' })],
    ['a NUL in the name', () => http.post(children(), { name: 'a\u0000b', nodeType: 'cm:folder' })],
    ['a newline in the name', () =>
      http.post(children(), { name: 'line\nbreak', nodeType: 'cm:folder' })],
    ['a control character in the name', () =>
      http.post(children(), { name: 'bell\u0007', nodeType: 'cm:folder' })],
    ['a backslash in the name', () =>
      http.post(children(), { name: 'a\\b', nodeType: 'cm:folder' })],
    ['a name of 10 000 characters', () =>
      http.post(children(), { name: 'n'.repeat(10_000), nodeType: 'cm:folder' })],
    ['a property value of 2 MiB', () => http.post(children(),
      { name: 'big-prop', nodeType: 'cm:folder',
        properties: { 'cm:description': 'x'.repeat(2 * 1024 * 1024) } })],
    ['an unknown node type', () =>
      http.post(children(), { name: 'x2', nodeType: 'efr:noSuchType' }), 'efr:noSuchType'],
    ['an unknown property', () => http.post(children(),
      { name: 'x3', nodeType: 'cm:folder', properties: { 'efr:noSuchProperty': 'v' } }),
    'efr:noSuchProperty'],
    ['a value outside a LIST constraint (R2.1 act type)', () =>
      createCase({ 'efr:actType': 'robbery' }), 'efr:actType'],
    ['a case number violating its REGEX', () => createCase({ 'efr:caseNumber': 'case 12' }),
      'efr:caseNumber'],
    ['a retention outside its MINMAX (R22.1)', () => createCase({ 'efr:retentionYears': 0 }),
      'efr:retentionYears'],
    ['a missing mandatory property', () => createCase({}, 'efr:handler'), 'efr:handler'],
    ['text where an int is required', () => createCase({ 'efr:retentionYears': 'ten' }),
      'efr:retentionYears'],
    ['a malformed datetime', () => createCase({ 'efr:openedAt': 'yesterday' }), 'efr:openedAt'],
    ['an object as a property value', () => createCase({ 'efr:unit': { nested: true } }),
      'efr:unit'],
    ['multipart without a boundary', () =>
      rawPost(multipart([{ name: 'filedata', filename: 'a.txt', value: FILE }]),
        'multipart/form-data')],
    ['truncated multipart (no closing boundary)', () => rawPost(
      multipart([{ name: 'filedata', filename: 'cut.txt', value: FILE }]).subarray(0, 9000),
      BOUNDARY_TYPE)],
    ['multipart without a filedata part', () => upload([{ name: 'name', value: 'nofile.txt' }])],
    ['an upload named "../escape.txt"', () => upload([
      { name: 'filedata', filename: 'escape.txt', value: FILE },
      { name: 'name', value: '../escape.txt' }])],
    ['an upload file name with control characters', () => upload([
      { name: 'filedata', filename: 'ctl\u0001.txt', value: FILE }])],
    ['an upload with an unknown property field', () => upload([
      { name: 'filedata', filename: 'prop.txt', value: FILE },
      { name: 'efr:noSuchProperty', value: 'v' }])],
    ['an upload with an oversized form field', () => upload([
      { name: 'filedata', filename: 'field.txt', value: FILE },
      { name: 'cm:title', value: 't'.repeat(2 * 1024 * 1024) }])],
    ['an update renaming to "a/b"', () => http.put(`${CORE}/nodes/${existing}`, { name: 'a/b' })],
    ['an update with an unknown property', () => http.put(`${CORE}/nodes/${existing}`,
      { properties: { 'efr:noSuchProperty': 1 } })],
    ['an update with malformed JSON', () => http.request('put', `${CORE}/nodes/${existing}`,
      { body: '{"name":', headers: { 'content-type': 'application/json' } })],
  ];

  for (const [label, send, culprit] of cases) {
    it(`refuses ${label} with a 4xx ACS error and stores nothing`, async () => {
      const before = snapshot(server.dataDir ?? '');
      const existingBefore = await http.get(`${CORE}/nodes/${existing}?include=properties`);
      const res = await send();
      expectAcsError(res, 4);
      if (culprit) {
        expect((res.body as { error: { briefSummary: string } }).error.briefSummary)
          .toContain(culprit);
      }
      expect(snapshot(server.dataDir ?? '')).toEqual(before);
      const existingAfter = await http.get(`${CORE}/nodes/${existing}?include=properties`);
      expect(existingAfter.text).toBe(existingBefore.text);
    });
  }
});
