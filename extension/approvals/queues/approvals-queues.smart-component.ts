import { Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import {
  CurrentUserService, errorStatus, LoadFailurePipe, RefusalTextService,
} from '../../shared/public-api';
import { AccessRequestView, Queue } from '../approvals.model';
import {
  decisionsFor,
  mayPlay,
  queueFromParam,
  queuesFor,
  } from '../approvals.rules';
import { ApprovalsService } from '../approvals.service';
import { DecisionEvent, RequestCardUiComponent } from './request-card.ui-component';

/**
 * The viewing-request queues (R24.1, R24.2): each role sees its own turn first (directors
 * review, leaders approve, custodians register), plus the user's own requests with a Play
 * button inside an open window. The queue is in the URL (`?queue=`), so a dashboard count
 * opens the queue it counted. Decisions go to the web scripts; the list reloads after each.
 */
@Component({
  selector: 'efr-approvals-queues',
  imports: [LoadFailurePipe, 
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    TranslatePipe,
    RequestCardUiComponent,
  ],
  template: `
    <section class="efr-page">
      <div class="head">
        <h1 class="efr-page-title">{{ 'EFR_APPROVALS.QUEUE.TITLE' | translate }}</h1>
        <a mat-stroked-button routerLink="/approvals/new" data-testid="new-request">
          {{ 'EFR_APPROVALS.QUEUE.NEW' | translate }}</a
        >
      </div>
      <nav class="tabs" role="tablist">
        @for (q of queues(); track q) {
          <button
            mat-button
            type="button"
            role="tab"
            [attr.aria-selected]="q === queue()"
            [class.active]="q === queue()"
            [attr.data-queue]="q"
            (click)="show(q)"
          >
            {{ 'EFR_APPROVALS.QUEUE.' + q | translate }}
          </button>
        }
      </nav>
      @if (message(); as m) {
        <div
          [class.efr-error]="m.error"
          [class.efr-ok]="!m.error"
          role="status"
          data-testid="approvals-message"
        >
          {{ m.text }}
        </div>
      }
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (failure() !== null) {
        <div class="efr-error" role="alert">
          {{ failure() | efrLoadFailure | translate: { status: failure() } }}
          <button mat-button type="button" (click)="load()">
            {{ 'EFR_SHARED.COMMON.RETRY' | translate }}
          </button>
        </div>
      }
      @if (requests(); as list) {
        @if (list.length === 0) {
          <p class="efr-empty" data-testid="queue-empty">
            {{ 'EFR_APPROVALS.QUEUE.EMPTY' | translate }}
          </p>
        }
        @for (r of list; track r.id) {
          <efr-request-card
            [request]="r"
            [decisions]="decisions(r)"
            [playable]="playable(r)"
            [busy]="busy()"
            (decide)="decide(r, $event)"
          />
        }
      }
    </section>
  `,
  styles: [
    `
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 12px;
      }
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin: 8px 0 16px;
      }
      .tabs .active {
        background: var(--mat-sys-secondary-container, #e8e8e8);
      }
    `,
  ],
})
export class ApprovalsQueuesSmartComponent {
  private readonly service = inject(ApprovalsService);
  private readonly refusals = inject(RefusalTextService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);
  private readonly translate = inject(TranslateService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private seq = 0;

  protected readonly queues = computed(() => queuesFor(this.currentUser.user()));
  protected readonly queue = signal<Queue>('mine');
  protected readonly requests = signal<AccessRequestView[] | null>(null);
  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly failure = signal<number | null>(null);
  protected readonly message = signal<{ text: string; error: boolean } | null>(null);

  constructor() {
    this.route.queryParamMap.subscribe((params) => void this.open(params.get('queue')));
  }

  /** Opens the queue of the URL, or the user's own turn when it names none they work on. */
  private async open(param: string | null): Promise<void> {
    const user = await this.currentUser.load().catch(() => null);
    this.queue.set(queueFromParam(param, user));
    await this.load();
  }

  /** Shows a queue: it goes into the URL, which opens it. */
  protected show(q: Queue): void {
    this.message.set(null);
    if (q === this.queue()) {
      void this.load();
      return;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: { queue: q } });
  }

  /** Reads the current queue (a later read wins over one still in flight). */
  async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading.set(true);
    this.failure.set(null);
    try {
      const list = await this.service.list(this.queue());
      if (seq === this.seq) this.requests.set(list);
    } catch (error) {
      // Network or repository failure: shown with a retry instead of a stale queue.
      if (seq === this.seq) this.failure.set(errorStatus(error) ?? 0);
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }

  protected decisions(r: AccessRequestView) {
    return decisionsFor(r, this.currentUser.user());
  }

  protected playable(r: AccessRequestView): boolean {
    return mayPlay(r, this.currentUser.user());
  }

  /** Sends a decision; the repository decides with core and logs it. */
  protected async decide(r: AccessRequestView, e: DecisionEvent): Promise<void> {
    this.busy.set(true);
    this.message.set(null);
    try {
      const next = await this.service.decide(r.id, e.decision, e.payload);
      const status = this.translate.instant(`EFR_APPROVALS.STATUS.${next.status}`) as string;
      this.message.set({
        error: false,
        text: this.translate.instant('EFR_APPROVALS.DECISION.DONE', {
          number: next.number,
          status,
        }) as string,
      });
      await this.load();
    } catch (error) {
      this.message.set({ text: this.refusals.text(error, this.prefs.locale), error: true });
    } finally {
      this.busy.set(false);
    }
  }
}
