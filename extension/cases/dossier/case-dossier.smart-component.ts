import { Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { MatCardModule } from '@angular/material/card';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatChipsModule } from '@angular/material/chips';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  CaseLinksService,
  CurrentUserService,
  PersonNamePipe,
  canLinkRecordings,
  errorStatus,
} from '../../shared/public-api';
import { CaseDossier, DossierRecording } from '../cases.model';
import { CasesService } from '../cases.service';

/**
 * The dossier of one case: act type, handler and leader, retention, and the five stages with
 * their text records and recordings. Legal staff and the handler link and unlink recordings
 * and mark them as evidence (cases.canLinkRecordings decides; the repository enforces).
 */
@Component({
  selector: 'efr-case-dossier',
  imports: [
    RouterLink,
    DatePipe,
    FormsModule,
    MatCardModule,
    MatButtonModule,
    MatIconModule,
    MatInputModule,
    MatFormFieldModule,
    MatChipsModule,
    MatProgressBarModule,
    MatTooltipModule,
    TranslatePipe,
    PersonNamePipe,
  ],
  templateUrl: './case-dossier.smart-component.html',
  styleUrl: './case-dossier.smart-component.css',
})
export class CaseDossierSmartComponent implements OnInit {
  private readonly service = inject(CasesService);
  private readonly links = inject(CaseLinksService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);

  /** Case node id, from the route. */
  readonly id = input.required<string>();

  /** The dossier, once loaded. */
  protected readonly dossier = signal<CaseDossier | null>(null);
  /** Whether the page is loading. */
  protected readonly loading = signal(true);
  /** Status of a failed load, or null. */
  protected readonly failure = signal<number | null>(null);
  /** Whether a change is in flight (buttons disabled meanwhile). */
  protected readonly busy = signal(false);
  /** Text typed in the "find a recording" box. */
  protected searchText = '';
  /** Recordings found to link (already linked ones left out). */
  protected readonly found = signal<DossierRecording[] | null>(null);
  /** Whether the user may link, unlink and mark evidence here. */
  protected readonly canEdit = computed(() => {
    const d = this.dossier();
    return !!d && canLinkRecordings(this.currentUser.user(), d);
  });

  /** Loads once the route input is bound. */
  ngOnInit(): void {
    void this.load();
  }

  /** Loads the dossier. */
  protected async load(): Promise<void> {
    this.loading.set(true);
    this.failure.set(null);
    try {
      this.dossier.set(await this.service.getDossier(this.id()));
    } catch (error: unknown) {
      // 404/403/network: explained on the page with a retry.
      this.failure.set(errorStatus(error) ?? 0);
    } finally {
      this.loading.set(false);
    }
  }

  /** Searches recordings by name to link. */
  protected async findRecordings(): Promise<void> {
    try {
      const linked = new Set(this.allRecordings().map((r) => r.id));
      const found = await this.service.findRecordings(this.searchText);
      this.found.set(found.filter((r) => !linked.has(r.id)));
    } catch (error: unknown) {
      // Search failed: say so; the dossier itself stays usable.
      this.notify('EFR_CASES.DOSSIER.SEARCH_FAILED', errorStatus(error) ?? 0);
    }
  }

  /** Links a recording to this case. */
  protected linkRecording(recording: DossierRecording): Promise<void> {
    return this.change(() => this.links.linkRecording(this.id(), recording.id), 'LINKED');
  }

  /** Unlinks a recording from this case. */
  protected unlinkRecording(recording: DossierRecording): Promise<void> {
    return this.change(() => this.links.unlinkRecording(this.id(), recording.id), 'UNLINKED');
  }

  /** Marks a linked recording as evidence. */
  protected markEvidence(recording: DossierRecording): Promise<void> {
    const userId = this.currentUser.user()?.id ?? '';
    return this.change(() => this.links.markEvidence(recording.id, userId), 'MARKED');
  }

  private allRecordings(): DossierRecording[] {
    return (this.dossier()?.stages ?? []).flatMap((s) => s.recordings);
  }

  private async change(action: () => Promise<void>, doneKey: string): Promise<void> {
    this.busy.set(true);
    try {
      await action();
      this.found.set(null);
      this.dossier.set(await this.service.getDossier(this.id()));
      this.notify(`EFR_CASES.DOSSIER.${doneKey}`, 0);
    } catch (error: unknown) {
      // The repository refused (role, closed case, sealed record) or was unreachable.
      const status = errorStatus(error) ?? 0;
      this.notify(
        status === 403 ? 'EFR_CASES.DOSSIER.FORBIDDEN' : 'EFR_CASES.DOSSIER.CHANGE_FAILED',
        status,
      );
    } finally {
      this.busy.set(false);
    }
  }

  private notify(key: string, status: number): void {
    this.snackBar.open(this.translate.instant(key, { status }), undefined, { duration: 4000 });
  }
}
