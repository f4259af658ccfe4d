import { TestBed } from '@angular/core/testing';
import { CaseLinksService } from './case-links.service';
import { EfrApiService } from './efr-api.service';
import { createEfrApiMock } from './mock/efr-api.mock';

describe('CaseLinksService (issue 4: link recordings, mark evidence)', () => {
  let api: ReturnType<typeof createEfrApiMock>;
  let service: CaseLinksService;

  beforeEach(() => {
    api = createEfrApiMock();
    TestBed.configureTestingModule({ providers: [{ provide: EfrApiService, useValue: api }] });
    service = TestBed.inject(CaseLinksService);
  });

  it('links through a peer association from the case to the recording', async () => {
    api.nodes.createAssociation.and.resolveTo({});
    await service.linkRecording('case1', 'rec1');
    expect(api.nodes.createAssociation).toHaveBeenCalledOnceWith('case1', {
      targetId: 'rec1',
      assocType: 'efr:caseRecordings',
    });
  });

  it('unlinks only that association type', async () => {
    api.nodes.deleteAssociation.and.resolveTo(undefined);
    await service.unlinkRecording('case1', 'rec1');
    expect(api.nodes.deleteAssociation).toHaveBeenCalledOnceWith('case1', 'rec1', {
      assocType: 'efr:caseRecordings',
    });
  });

  it('adds efr:evidence with who and when, keeping the other aspects', async () => {
    api.nodes.getNode.and.resolveTo({ entry: { aspectNames: ['efr:sealed', 'cm:titled'] } });
    api.nodes.updateNode.and.resolveTo({});
    const at = new Date('2026-03-01T08:00:00Z');
    await service.markEvidence('rec1', 'legal1', at);
    expect(api.nodes.updateNode).toHaveBeenCalledOnceWith('rec1', {
      aspectNames: ['efr:sealed', 'cm:titled', 'efr:evidence'],
      properties: {
        'efr:evidenceMarkedBy': 'legal1',
        'efr:evidenceMarkedAt': '2026-03-01T08:00:00.000Z',
      },
    });
  });

  it('does not write when the recording is already evidence', async () => {
    api.nodes.getNode.and.resolveTo({ entry: { aspectNames: ['efr:evidence'] } });
    await service.markEvidence('rec1', 'legal1');
    expect(api.nodes.updateNode).not.toHaveBeenCalled();
  });
});
