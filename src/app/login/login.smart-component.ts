import { Component, inject } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { LoginComponent, LoginHeaderDirective } from '@alfresco/adf-core';
import { LanguageService } from '../i18n/language.service';
import { APP_LANGUAGES } from '../i18n/languages';

/**
 * The login screen: ADF's login form (tickets against the repository, BASIC) under the
 * application's name, with the language switch reachable before signing in.
 */
@Component({
  selector: 'efr-login',
  imports: [LoginComponent, LoginHeaderDirective, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <div class="efr-login-lang" role="group" [attr.aria-label]="'EFR_APP.LANGUAGE' | translate">
      @for (lang of languages; track lang.key) {
        <button
          mat-button
          type="button"
          [attr.data-lang]="lang.key"
          [class.efr-active]="lang.key === language.current()"
          (click)="useLanguage(lang.key)"
        >
          {{ lang.label }}
        </button>
      }
    </div>
    <adf-login
      [showRememberMe]="false"
      [showLoginActions]="false"
      [successRoute]="successRoute"
      [copyrightText]="'EFR_APP.LOGIN.COPYRIGHT' | translate"
      logoImageUrl="favicon.svg"
      backgroundImageUrl=""
    >
      <adf-login-header>
        <ng-template>
          <div class="efr-login-title">
            <img src="favicon.svg" alt="" width="48" height="48" />
            <h1>{{ 'EFR_APP.TITLE' | translate }}</h1>
            <p>{{ 'EFR_APP.LOGIN.SUBTITLE' | translate }}</p>
          </div>
        </ng-template>
      </adf-login-header>
    </adf-login>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100vh;
      background: linear-gradient(160deg, #0b3d91 0%, #1f6fd1 55%, #e8eef8 55%);
    }
    .efr-login-lang {
      position: absolute;
      top: 12px;
      right: 16px;
      z-index: 2;
      background: var(--mat-sys-surface, #fff);
      border-radius: 20px;
    }
    .efr-active {
      font-weight: 700;
      text-decoration: underline;
    }
    .efr-login-title {
      text-align: center;
      padding: 8px 0 0;
    }
    .efr-login-title h1 {
      font: var(--mat-sys-title-large);
      margin: 8px 0 4px;
    }
    .efr-login-title p {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class LoginSmartComponent {
  /** The interface language (ADF's translation follows it). */
  protected readonly language = inject(LanguageService);
  /** Languages of the switch. */
  protected readonly languages = APP_LANGUAGES;
  /** Where to go after login: back to the page a 401 interrupted, or the dashboard. */
  protected readonly successRoute = safeRedirect(
    inject(ActivatedRoute).snapshot.queryParamMap.get('redirect'),
  );

  /** Switches the interface language. */
  protected useLanguage(key: string): void {
    this.language.use(key);
  }
}

/** Only in-app paths are followed after login, never another origin. */
function safeRedirect(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) {
    return '/dashboard';
  }
  return value;
}
