import { Component, computed, inject } from '@angular/core';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { BreakpointObserver } from '@angular/cdk/layout';
import { toSignal } from '@angular/core/rxjs-interop';
import { filter, map } from 'rxjs';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatListModule } from '@angular/material/list';
import { MatIconModule } from '@angular/material/icon';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatDividerModule } from '@angular/material/divider';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthenticationService } from '@alfresco/adf-core';
import { LanguageService } from '../i18n/language.service';
import { ExtensionService, NavBarGroupRef } from '@alfresco/adf-extensions';
import { CurrentUserService, loadFeatureTranslations } from '../../../extension/shared/public-api';
import { ruleContextFor } from '../../../extension/public-api';
import { APP_LANGUAGES, activeNavItem, visibleNavItems } from '../navigation/navigation.rules';

/**
 * The signed-in frame: toolbar (title, language, user menu with logout) and a side navigation
 * that shows each role its own entries: the plugin's navbar, shown by its rules
 * (navigation.rules.ts).
 */
@Component({
  selector: 'efr-layout',
  imports: [
    RouterOutlet,
    RouterLink,
    MatSidenavModule,
    MatToolbarModule,
    MatListModule,
    MatIconModule,
    MatButtonModule,
    MatMenuModule,
    MatDividerModule,
    TranslatePipe,
  ],
  templateUrl: './layout.smart-component.html',
  styleUrl: './layout.smart-component.css',
})
export class LayoutSmartComponent {
  private readonly auth = inject(AuthenticationService);
  private readonly router = inject(Router);
  private readonly currentUser = inject(CurrentUserService);
  private readonly extensions = inject(ExtensionService);
  /** The interface language. */
  protected readonly language = inject(LanguageService);
  /** Languages of the switch. */
  protected readonly languages = APP_LANGUAGES;
  /** The signed-in user. */
  protected readonly user = this.currentUser.user;
  /** Navigation entries this user may see: efr.plugin.json's navbar, by its rules. */
  protected readonly navItems = computed(() => {
    const context = ruleContextFor(this.user(), (key) => this.extensions.getEvaluator(key));
    return visibleNavItems(
      this.extensions.getElements<NavBarGroupRef>('features.navbar'),
      this.extensions.routes,
      (ruleId) => this.extensions.evaluateRule(ruleId, context),
    );
  });
  /** The current URL, after each navigation. */
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((e): e is NavigationEnd => e instanceof NavigationEnd),
      map((e) => e.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  /** The id of the one navigation entry the current screen belongs to. */
  protected readonly activeItem = computed(() => activeNavItem(this.navItems(), this.url()));
  /** Whether the window is narrow enough that the navigation overlays the content. */
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  constructor() {
    // Signing in switches ADF to the user's own preferences: keep the language just chosen.
    this.language.restore();
    // The features' labels: fetched once signed in, never for the login page (issue 20).
    loadFeatureTranslations();
  }

  /** Switches the interface language. */
  protected useLanguage(key: string): void {
    this.language.use(key);
  }

  /** Ends the session at the repository, then returns to the login screen. */
  protected logout(): void {
    const done = () => {
      this.currentUser.clear();
      void this.router.navigate(['/login']);
    };
    // Leave even when the repository cannot be reached: the local ticket is dropped anyway.
    this.auth.logout().subscribe({ next: done, error: done });
  }
}
