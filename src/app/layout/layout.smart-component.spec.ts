import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatNavListHarness } from '@angular/material/list/testing';
import { NoopTranslateModule, provideCoreAuthTesting } from '@alfresco/adf-core';
import { ExtensionConfig, ExtensionService } from '@alfresco/adf-extensions';
import { CurrentUserService, EfrRole } from '../../../extension/shared/public-api';
import { ADMIN_USER, userWith } from '../../../extension/shared/mock/users.mock';
import { registerEfrExtension } from '../../../extension/public-api';
import plugin from '../../../extension/efr.plugin.json';
import { LayoutSmartComponent } from './layout.smart-component';

describe('LayoutSmartComponent (issue 4: navigation by role; issue 17: from efr.plugin.json)', () => {
  async function navFor(user: ReturnType<typeof userWith>) {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        provideCoreAuthTesting(),
      ],
    });
    // The plugin as both shells load it: efr.plugin.json with EFR's evaluators.
    const extensions = TestBed.inject(ExtensionService);
    registerEfrExtension(extensions);
    extensions.setup(plugin as unknown as ExtensionConfig);
    spyOn(TestBed.inject(CurrentUserService), 'user').and.returnValue(user);
    const fixture = TestBed.createComponent(LayoutSmartComponent);
    fixture.detectChanges();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const nav = await loader.getHarness(MatNavListHarness);
    const items = await nav.getItems();
    return Promise.all(items.map((item) => item.getTitle()));
  }

  const D = 'EFR_DASHBOARD.NAV';
  const H = 'EFR_HANDOVER.NAV';
  const R = 'EFR_RECORDINGS.NAV';
  const C = 'EFR_CASES.NAV';
  const A = 'EFR_APPROVALS.NAV';

  it('shows a custodian the shared entries and the custodian ones', async () => {
    const titles = await navFor(userWith('c1', EfrRole.Custodian));
    expect(titles.slice(0, 5)).toEqual([D, H, R, C, A]);
    expect(titles).toContain('EFR_APPROVALS.NAV_REGISTER');
    expect(titles).toContain('EFR_DEVICES.NAV');
    expect(titles).not.toContain('EFR_SPOT_CHECKS.NAV.CAMPAIGNS');
  });

  it('shows a leader approvals but not handovers', async () => {
    const titles = await navFor(userWith('l1', EfrRole.Leader));
    expect(titles).toEqual([D, R, C, A, 'EFR_EXEMPTIONS.NAV', 'EFR_DISPOSITION.NAV']);
  });

  it('shows an administrator every entry', async () => {
    // Every feature of efr.plugin.json's navbar, disposition and fixity (issue 18) included.
    expect((await navFor(ADMIN_USER)).length).toBe(15);
  });
});
