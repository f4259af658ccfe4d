import { Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe, DecimalPipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  CaseLinksService,
  CurrentUserService,
  PersonNamePipe,
  errorStatus,
  humanBytes,
  mayLinkSomeCase,
} from '../../shared/public-api';
import { ApprovalsService } from '../../approvals/public-api';
import { CustodyEntry, LinkedCase, RecordingDetail } from '../recordings.model';
import { RecordingsService } from '../recordings.service';
import {
  PartState,
  ViewingNext,
  failedPartState,
  mayReadCustody,
  mediaFormat,
  viewingNext,
} from '../recording-detail.rules';
import { CustodyLogUiComponent } from './custody-log.ui-component';

/** The parts of a recording's page, each also an info-drawer tab of the Content App. */
export type RecordingPart = 'capture' | 'fixity' | 'retention' | 'viewing' | 'cases' | 'custody';

/**
 * One recording: capture facts, fixity, handover, retention, linked cases, what the user may
 * do to view it, and the chain of custody. Read-only by design: no edit, no delete (R26.1);
 * the only action is linking the recording to a case, which changes the case, not the
 * recording. The node comes first; every other part loads and fails on its own (issue 19,
 * point 1), so whoever may read the node always sees its capture facts.
 */
@Component({
  selector: 'efr-recording-detail',
  imports: [
    RouterLink,
    DatePipe,
    DecimalPipe,
    FormsModule,
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    MatSelectModule,
    MatFormFieldModule,
    MatProgressBarModule,
    TranslatePipe,
    PersonNamePipe,
    CustodyLogUiComponent,
  ],
  templateUrl: './recording-detail.smart-component.html',
  styleUrl: './recording-detail.smart-component.css',
})
export class RecordingDetailSmartComponent implements OnInit {
  private readonly service = inject(RecordingsService);
  private readonly links = inject(CaseLinksService);
  private readonly approvals = inject(ApprovalsService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  /** Node id, from the route. */
  readonly id = input.required<string>();
  /**
   * The one part to show (an info-drawer tab of the Content App, efr.plugin.json), or none
   * for the whole page. Only the parts shown are read.
   */
  readonly part = input<RecordingPart | null | undefined>(null);

  /** The recording, once loaded. */
  protected readonly recording = signal<RecordingDetail | null>(null);
  /** Cases linking it. */
  protected readonly linkedCases = signal<LinkedCase[]>([]);
  /** Its chain of custody. */
  protected readonly custody = signal<CustodyEntry[]>([]);
  /** State of the linked-cases part. */
  protected readonly casesState = signal<PartState>('loading');
  /** State of the chain-of-custody part. */
  protected readonly custodyState = signal<PartState>('loading');
  /** What the user can do next to view the content (null while loading). */
  protected readonly viewing = signal<ViewingNext | null>(null);
  /** HTTP status of a failed load of the recording itself, or null. */
  protected readonly failure = signal<number | null>(null);
  /** Whether the page is loading. */
  protected readonly loading = signal(true);
  /** Cases offered for linking (those not linked yet). */
  protected readonly caseChoices = signal<LinkedCase[]>([]);
  /** The case chosen for linking. */
  protected caseToLink = '';
  /** Whether a link request is in flight. */
  protected readonly linking = signal(false);
  /** Whether this user may link recordings to cases at all. */
  protected readonly mayLink = computed(() => mayLinkSomeCase(this.currentUser.user()));
  /** Size in binary units. */
  protected readonly sizeText = computed(() => humanBytes(this.recording()?.size ?? null));
  /** The stored file's format (MP4 视频), not its MIME type. */
  protected readonly format = computed(() => mediaFormat(this.recording()?.mimeType ?? ''));

  /** Loads once the route input is bound. */
  ngOnInit(): void {
    void this.load();
  }

  /** Loads the recording, then its other parts, each on its own. */
  protected async load(): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    try {
      this.recording.set(await this.service.getRecording(this.id()));
    } catch (error: unknown) {
      // 404/403/network: the page shows why, with a way back, instead of spinning.
      this.failure.set(errorStatus(error) ?? 0);
      return;
    } finally {
      this.loading.set(false);
    }
    if (this.shows('cases')) void this.loadCases();
    if (this.shows('custody')) void this.loadCustody();
    if (this.shows('viewing')) void this.loadViewing();
  }

  /** Whether the part is on screen: every part on the page, the one chosen in a tab. */
  protected shows(part: RecordingPart): boolean {
    // The router's input binding sets an input it has no parameter for to undefined.
    const only = this.part();
    return !only || only === part;
  }

  /** Loads the linked cases (and, for legal staff, the cases to link to). */
  protected async loadCases(): Promise<void> {
    this.casesState.set('loading');
    try {
      this.linkedCases.set(await this.service.linkedCases(this.id()));
      if (this.mayLink()) await this.loadCaseChoices();
      this.casesState.set('ready');
    } catch (error: unknown) {
      // Refused or unreachable: this part says so, the rest of the page stays.
      this.casesState.set(failedPartState(errorStatus(error)));
    }
  }

  /** Loads the chain of custody if the user may read the access log. */
  protected async loadCustody(): Promise<void> {
    if (!mayReadCustody(this.currentUser.user())) {
      this.custodyState.set('forbidden');
      return;
    }
    this.custodyState.set('loading');
    try {
      this.custody.set(await this.service.custody(this.id()));
      this.custodyState.set('ready');
    } catch (error: unknown) {
      // The repository decides again (403 for a role it does not let in), or is unreachable.
      this.custodyState.set(failedPartState(errorStatus(error)));
    }
  }

  /** Finds the user's open viewing or own pending request for this recording. */
  private async loadViewing(): Promise<void> {
    const recordingId = this.id();
    try {
      const [viewing, mine] = await Promise.all([
        this.approvals.list('viewing', { recordingId }),
        this.approvals.list('mine', { recordingId }),
      ]);
      this.viewing.set(viewingNext(recordingId, this.currentUser.user(), viewing, mine));
    } catch {
      // The request lists could not be read: asking for viewing is still possible.
      this.viewing.set({ kind: 'request' });
    }
  }

  /** Links this recording to the chosen case, then refreshes the links and the custody log. */
  protected async linkToCase(): Promise<void> {
    if (!this.caseToLink) return;
    this.linking.set(true);
    try {
      await this.links.linkRecording(this.caseToLink, this.id());
      this.caseToLink = '';
      this.linkedCases.set(await this.service.linkedCases(this.id()));
      await this.loadCaseChoices();
      this.snackBar.open(this.translate.instant('EFR_RECORDINGS.DETAIL.LINKED'), undefined, {
        duration: 3000,
      });
    } catch (error: unknown) {
      // The repository refused (not the handler, closed case) or could not be reached.
      const status = errorStatus(error) ?? 0;
      const key =
        status === 403
          ? 'EFR_RECORDINGS.DETAIL.LINK_FORBIDDEN'
          : 'EFR_RECORDINGS.DETAIL.LINK_FAILED';
      this.snackBar.open(this.translate.instant(key, { status }), undefined, { duration: 5000 });
    } finally {
      this.linking.set(false);
    }
  }

  private async loadCaseChoices(): Promise<void> {
    const linked = new Set(this.linkedCases().map((c) => c.id));
    const all = await this.service.caseOptions();
    // Closed cases are frozen (cases.canLinkRecordings): offering them would only end in a 403.
    this.caseChoices.set(all.filter((c) => !linked.has(c.id) && c.status !== 'closed'));
  }
}
