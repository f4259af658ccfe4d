import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatNavListHarness } from '@angular/material/list/testing';
import { NoopTranslateModule, provideCoreAuthTesting } from '@alfresco/adf-core';
import {
  CurrentUserService,
  EfrRole,
  provideNavItems,
} from '../../../extension/shared/public-api';
import { ADMIN_USER, userWith } from '../../../extension/shared/mock/users.mock';
import { LayoutSmartComponent } from './layout.smart-component';

describe('LayoutSmartComponent (issue 4: navigation by role)', () => {
  async function navFor(user: ReturnType<typeof userWith>) {
    TestBed.configureTestingModule({
      imports: [NoopTranslateModule],
      providers: [
        provideNoopAnimations(),
        provideRouter([]),
        provideCoreAuthTesting(),
        provideNavItems([
          { id: 'dashboard', route: '/dashboard', icon: 'd', labelKey: 'D', roles: [], order: 1 },
          {
            id: 'handovers',
            route: '/handovers',
            icon: 'h',
            labelKey: 'H',
            roles: [EfrRole.Custodian, EfrRole.Officer],
            order: 2,
          },
          {
            id: 'approvals',
            route: '/approvals',
            icon: 'a',
            labelKey: 'A',
            roles: [EfrRole.Leader],
            order: 3,
          },
        ]),
      ],
    });
    spyOn(TestBed.inject(CurrentUserService), 'user').and.returnValue(user);
    const fixture = TestBed.createComponent(LayoutSmartComponent);
    fixture.detectChanges();
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const nav = await loader.getHarness(MatNavListHarness);
    const items = await nav.getItems();
    return Promise.all(items.map((item) => item.getTitle()));
  }

  it('shows a custodian the shared entries and the custodian ones', async () => {
    expect(await navFor(userWith('c1', EfrRole.Custodian))).toEqual(['D', 'H']);
  });

  it('shows a leader approvals but not handovers', async () => {
    expect(await navFor(userWith('l1', EfrRole.Leader))).toEqual(['D', 'A']);
  });

  it('shows an administrator every entry', async () => {
    expect(await navFor(ADMIN_USER)).toEqual(['D', 'H', 'A']);
  });
});
