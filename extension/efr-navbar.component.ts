import { Component, Injectable, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { ExtensionService, NavBarGroupRef, NavBarLinkRef } from '@alfresco/adf-extensions';
import { CurrentUserService } from './shared/public-api';
import { ruleContextFor } from './efr-extension.rules';
import { activeNavItem, visibleNavItems } from './efr-navbar.rules';

/** What the Content App's side navigation hands a navbar component (aca-content 8.0.0). */
interface NavbarData {
  item?: NavBarLinkRef;
}

/**
 * The plugin's navbar as loaded, before the Content App filters it: ACA's
 * `getApplicationNavigation` (aca-shared 8.0.0) assigns the filtered children back onto the
 * loaded navbar items, so entries a role rule hid before the user was known would be gone.
 * Created at start-up (`provideEfrExtension()`), it copies each configuration ADF sets up.
 */
@Injectable({ providedIn: 'root' })
export class EfrNavbarSource {
  private readonly extensions = inject(ExtensionService);
  /** The navbar groups as the plugin declares them. */
  readonly groups = signal<NavBarGroupRef[]>([]);

  constructor() {
    this.extensions.setup$.subscribe((config) => {
      if (config) {
        this.groups.set(structuredClone(
          this.extensions.getElements<NavBarGroupRef>('features.navbar')));
      }
    });
  }
}

/**
 * `efr.navbar`: the 执法记录 group in the Content App's side navigation. ACA filters a navbar
 * item's rules once, when its side navigation opens (aca-content 8.0.0 `SidenavComponent`),
 * which may be before the signed-in user's groups are read: role rules would then hide entries
 * for good. This component evaluates the group's entries itself, as the lean shell does, each
 * time EFR's current user changes.
 */
@Component({
  selector: 'efr-navbar',
  imports: [RouterLink, MatIconModule, TranslatePipe],
  template: `
    <div class="efr-navbar" data-testid="efr-navbar">
      <div class="efr-navbar-title">{{ navData()?.item?.title ?? '' | translate }}</div>
      @for (item of items(); track item.id) {
        <a class="efr-navbar-item" [routerLink]="item.route" [attr.data-nav]="item.id"
          [class.efr-navbar-active]="item.id === active()"
          [attr.aria-current]="item.id === active() ? 'page' : null">
          <mat-icon>{{ item.icon }}</mat-icon>
          <span>{{ item.labelKey | translate }}</span>
        </a>
      }
    </div>
  `,
  styles: `
    .efr-navbar { display: flex; flex-direction: column; padding: 8px 0; }
    .efr-navbar-title { padding: 0 24px; height: 32px; line-height: 32px;
      color: var(--theme-text-light-color, #5f6368); font-size: 14px; }
    .efr-navbar-item { display: flex; align-items: center; gap: 12px; height: 32px;
      padding: 0 24px; text-decoration: none; font-size: 14px;
      color: var(--theme-action-button-text-color, #212121); }
    .efr-navbar-item:hover { background: var(--adf-theme-background-hover-color, #f2f2f2); }
    .efr-navbar-item mat-icon { font-size: 20px; width: 20px; height: 20px; }
    .efr-navbar-active { background: var(--theme-selected-background-color, #c6dafc);
      color: var(--adf-sidenav-active-text-color, #1f1f1f); }
  `,
})
export class EfrNavbarComponent {
  private readonly extensions = inject(ExtensionService);
  private readonly source = inject(EfrNavbarSource);
  private readonly user = inject(CurrentUserService).user;
  private readonly router = inject(Router);

  /** What ACA's dynamic component assigns (`instance.data = …`, not `setInput`). */
  protected readonly navData = signal<NavbarData | null>(null);

  /** `{ item, state }` from the Content App's side navigation. */
  set data(value: NavbarData | null) {
    this.navData.set(value);
  }

  /** The group's entries this user may see, from the plugin's unfiltered navbar. */
  protected readonly items = computed(() => {
    const id = this.navData()?.item?.id;
    const group = this.source.groups()
      .map((g) => ({ ...g, items: g.items.filter((item) => item.id === id), rules: undefined }))
      .filter((g) => g.items.length > 0);
    const context = ruleContextFor(this.user(), (key) => this.extensions.getEvaluator(key));
    return visibleNavItems(group, this.extensions.routes,
      (ruleId) => this.extensions.evaluateRule(ruleId, context));
  });

  private readonly url = toSignal(this.router.events.pipe(
    filter((e): e is NavigationEnd => e instanceof NavigationEnd),
    map((e) => e.urlAfterRedirects)), { initialValue: this.router.url });

  /** The entry the current screen belongs to. */
  protected readonly active = computed(() => activeNavItem(this.items(), this.url()));

  constructor() {
    // EFR's own reading of -me- and its groups (ACA reads them too, on its own schedule).
    void inject(CurrentUserService).load().catch(() => undefined);
  }
}
