import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatCardHarness } from '@angular/material/card/testing';
import { NoopTranslateModule } from '@alfresco/adf-core';
import { CurrentUserService, EfrRole } from '../../shared/public-api';
import { userWith } from '../../shared/mock/users.mock';
import { DashboardService } from '../dashboard.service';
import { DashboardSmartComponent } from './dashboard.smart-component';

describe('DashboardSmartComponent (issue 4: per-role work counts)', () => {
  async function setup(roles: EfrRole[], count: (query: string) => Promise<number>) {
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

  it("shows a custodian's two counts, a sentence for zero and links to the lists", async () => {
    const { fixture, loader } = await setup([EfrRole.Custodian], async (q) =>
      q.includes('efr:handover') ? 3 : 0,
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
    expect(link.getAttribute('href')).toBe('/dashboard/work/handoversToReceive');
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
