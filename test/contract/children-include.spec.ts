/**
 * Contract (issue 3): children listed with `include=association` carry their child association
 * (ACS NodeChildAssociation: `assocType`, `isPrimary`), which ADF's document list asks for.
 */
import { AcsHttp, expectContract } from '../support/acs-http.js';
import { CORE } from '../support/server-harness.js';
import { adminClient, createWorkFolder } from './contract-target.js';

interface Paging {
  list: { entries: { entry: { name: string;
    association?: { assocType: string; isPrimary: boolean } } }[] };
}

describe('contract: children include=association (issue 3)', () => {
  let http: AcsHttp;
  let work: string;

  beforeAll(async () => {
    http = await adminClient();
    work = await createWorkFolder(http, 'contract-assoc');
    await http.post(`${CORE}/nodes/${work}/children`, { name: 'child', nodeType: 'cm:folder' });
  });

  afterAll(async () => {
    await http.delete(`${CORE}/nodes/${work}?permanent=true`);
  });

  it('includes the primary cm:contains association of each child', async () => {
    const res = await http.get<Paging>(`${CORE}/nodes/${work}/children?include=association`);
    expectContract(res, 200);
    expect(res.body.list.entries.map((e) => e.entry.association))
      .toEqual([{ assocType: 'cm:contains', isPrimary: true }]);
  });
});
