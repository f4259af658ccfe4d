import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCardHarness } from '@angular/material/card/testing';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { CurrentUserService, EfrRole } from '../../shared/public-api';
import { userWith } from '../../shared/mock/users.mock';
import { TileSource } from '../dashboard.rules';
import { DashboardService } from '../dashboard.service';
import { DashboardSmartComponent } from './dashboard.smart-component';

describe('DashboardSmartComponent (issue 4: per-role work counts)', () => {
  async function setup(roles: EfrRole[], count: (source: TileSource) => Promise<number>) {
    const service = jasmine.createSpyObj<DashboardService>('DashboardService', ['count']);
    service.count.and.callFake(count);
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        { provide: DashboardService, useValue: service },
      ],
    });
    spyOn(TestBed.inject(CurrentUserService), 'user').and.returnValue(userWith('c1', ...roles));
    const fixture = TestBed.createComponent(DashboardSmartComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture), service };
  }

  it("shows a custodian's two counts, a sentence for zero and links to the screens", async () => {
    const { fixture, loader, service } = await setup([EfrRole.Custodian], async (source) =>
      source.feature === 'handovers' ? 3 : 0,
    );
    expect(service.count).toHaveBeenCalledWith(
      { feature: 'handovers', filter: 'unsealed' },
      jasmine.objectContaining({ id: 'c1' }),
    );
    expect(service.count).toHaveBeenCalledWith(
      { feature: 'approvals', queue: 'register' },
      jasmine.objectContaining({ id: 'c1' }),
    );
    const cards = await loader.getAllHarnesses(MatCardHarness);
    expect(cards.length).toBe(2);
    const texts = await Promise.all(cards.map((c) => c.getText()));
    expect(texts[0]).toContain('3');
    expect(texts[0]).toContain('EFR_DASHBOARD.TILE.handoversToReceive.SOME');
    expect(texts[1]).toContain('EFR_DASHBOARD.TILE.requestsToRegister.NONE');
    const link: HTMLAnchorElement = fixture.nativeElement.querySelector(
      '[data-tile="handoversToReceive"]',
    );
    expect(link.getAttribute('href')).toBe('/handovers?status=unsealed');
    const register: HTMLAnchorElement = fixture.nativeElement.querySelector(
      '[data-tile="requestsToRegister"]',
    );
    expect(register.getAttribute('href')).toBe('/approvals?queue=register');
  });

  it('says one item in the singular (English plurals)', async () => {
    const { loader } = await setup([EfrRole.Supervisor], async () => 1);
    const texts = await Promise.all(
      (await loader.getAllHarnesses(MatCardHarness)).map((c) => c.getText()),
    );
    expect(texts[0]).toContain('EFR_DASHBOARD.TILE.findingsDue.ONE');
    expect(texts[1]).toContain('EFR_DASHBOARD.TILE.lateHandovers.ONE');
  });

  it('says that a count failed instead of spinning forever', async () => {
    const { loader } = await setup([EfrRole.OfficeDirector], () => Promise.reject(new Error('x')));
    const card = await loader.getHarness(MatCardHarness);
    expect(await card.getText()).toContain('EFR_DASHBOARD.COUNT_FAILED');
  });

  it('explains an account without EFR role', async () => {
    const { fixture } = await setup([], async () => 0);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid="no-tiles"]')?.textContent).toContain(
      'EFR_DASHBOARD.NO_ROLE',
    );
  });
});
