import { Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/** The error page: the repository could not be reached or answered with an error. */
@Component({
  selector: 'efr-error-page',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <section class="efr-page efr-status-page" data-testid="error-page">
      <mat-icon class="efr-status-icon">cloud_off</mat-icon>
      <h1>{{ 'EFR_APP.ERROR.TITLE' | translate }}</h1>
      <p>{{ 'EFR_APP.ERROR.TEXT' | translate: { status: status() || '—' } }}</p>
      <a mat-flat-button routerLink="/dashboard">{{ 'EFR_APP.GO_HOME' | translate }}</a>
      <a mat-button routerLink="/login">{{ 'EFR_APP.BACK_TO_LOGIN' | translate }}</a>
    </section>
  `,
  styleUrl: './status-page.css',
})
export class ErrorPageUiComponent {
  /** HTTP status that led here (query parameter `status`), 0 when the network failed. */
  readonly status = input<string>('');
}
