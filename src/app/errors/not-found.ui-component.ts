import { Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';

/** 404: the address matches no screen. */
@Component({
  selector: 'efr-not-found',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe],
  template: `
    <section class="efr-page efr-status-page" data-testid="not-found">
      <mat-icon class="efr-status-icon">travel_explore</mat-icon>
      <h1>{{ 'EFR_APP.NOT_FOUND.TITLE' | translate }}</h1>
      <p>{{ 'EFR_APP.NOT_FOUND.TEXT' | translate }}</p>
      <a mat-flat-button routerLink="/dashboard">{{ 'EFR_APP.GO_HOME' | translate }}</a>
    </section>
  `,
  styleUrl: './status-page.css',
})
export class NotFoundUiComponent {}
