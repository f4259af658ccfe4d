import { TestBed } from '@angular/core/testing';
import { EfrRole } from '../shared/public-api';
import { userWith } from '../shared/mock/users.mock';
import { ApprovalsService } from '../approvals/public-api';
import { CasesService } from '../cases/public-api';
import { ExemptionsService } from '../exemptions/public-api';
import { HandoverApiService } from '../handover/public-api';
import { RecordingsService } from '../recordings/public-api';
import { SpotChecksService } from '../spot-checks/public-api';
import { DashboardService } from './dashboard.service';

describe('DashboardService (a count is asked of the feature whose list the tile opens)', () => {
  const leader = userWith('leader1', EfrRole.Leader);
  let handovers: jasmine.SpyObj<HandoverApiService>;
  let approvals: jasmine.SpyObj<ApprovalsService>;
  let spotChecks: jasmine.SpyObj<SpotChecksService>;
  let exemptions: jasmine.SpyObj<ExemptionsService>;
  let recordings: jasmine.SpyObj<RecordingsService>;
  let cases: jasmine.SpyObj<CasesService>;
  let service: DashboardService;

  beforeEach(() => {
    handovers = jasmine.createSpyObj<HandoverApiService>('HandoverApiService', ['count']);
    approvals = jasmine.createSpyObj<ApprovalsService>('ApprovalsService', ['count']);
    spotChecks = jasmine.createSpyObj<SpotChecksService>('SpotChecksService', [
      'pendingFindings',
    ]);
    exemptions = jasmine.createSpyObj<ExemptionsService>('ExemptionsService', ['count']);
    recordings = jasmine.createSpyObj<RecordingsService>('RecordingsService', ['count']);
    cases = jasmine.createSpyObj<CasesService>('CasesService', ['count']);
    handovers.count.and.resolveTo(2);
    approvals.count.and.resolveTo(3);
    spotChecks.pendingFindings.and.resolveTo(4);
    exemptions.count.and.resolveTo(5);
    recordings.count.and.resolveTo(6);
    cases.count.and.resolveTo(7);
    TestBed.configureTestingModule({
      providers: [
        { provide: HandoverApiService, useValue: handovers },
        { provide: ApprovalsService, useValue: approvals },
        { provide: SpotChecksService, useValue: spotChecks },
        { provide: ExemptionsService, useValue: exemptions },
        { provide: RecordingsService, useValue: recordings },
        { provide: CasesService, useValue: cases },
      ],
    });
    service = TestBed.inject(DashboardService);
  });

  it('counts handovers with the handovers list filter (R21.4)', async () => {
    expect(await service.count({ feature: 'handovers', filter: 'unsealed' }, leader)).toBe(2);
    expect(handovers.count).toHaveBeenCalledWith('unsealed');
  });

  it("counts viewing requests with the approvals screen's queue (R24.1)", async () => {
    expect(await service.count({ feature: 'approvals', queue: 'approve' }, leader)).toBe(3);
    expect(approvals.count).toHaveBeenCalledWith('approve');
  });

  it("counts due findings with the campaigns list's filter (R28.2)", async () => {
    expect(await service.count({ feature: 'spotChecks', filter: 'pending' }, leader)).toBe(4);
    expect(spotChecks.pendingFindings).toHaveBeenCalledWith('pending');
  });

  it('counts exemptions with the list filter, for the user whose view it is (R11.2)', async () => {
    const filter = { view: 'all' as const, status: 'written' as const, leader: 'leader1' };
    expect(await service.count({ feature: 'exemptions', filter }, leader)).toBe(5);
    expect(exemptions.count).toHaveBeenCalledWith(filter, leader);
  });

  it('counts recordings and cases with their lists’ search queries', async () => {
    const officer = { officer: 'officer1' };
    expect(await service.count({ feature: 'recordings', filter: officer }, leader)).toBe(6);
    expect(recordings.count).toHaveBeenCalledWith(officer);
    expect(await service.count({ feature: 'cases', status: 'open' }, leader)).toBe(7);
    expect(cases.count).toHaveBeenCalledWith('open');
  });
});
