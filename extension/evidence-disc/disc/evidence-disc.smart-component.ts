import { DatePipe } from '@angular/common';
import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { CurrentUserService, RefusalTextService } from '../../shared/public-api';
import { DiscCase, DiscJob, DiscRecording, EvidencePackage } from '../evidence-disc.model';
import {
  DISC_MEDIA, DiscRefusal, canPackage, defaultLabel, discFormProblem, discRefusal, discUsage,
  formatSize, jobEnded, jobRefusal,
} from '../evidence-disc.rules';
import { EvidenceDiscService } from '../evidence-disc.service';
import { DiscCapacityUiComponent } from './disc-capacity.ui-component';

/** How often the screen asks how far the build is. */
const POLL_MS = 1000;

/**
 * Evidence disc of a case (R23.1): choose sealed recordings, see the size against the medium,
 * name the producer (制作人) and extractor (提取人), ask for the disc (efr worker builds the
 * image beside the repository, checking it against every seal while written; the screen shows
 * how far it is), download, and see the case's discs.
 */
@Component({
  selector: 'efr-evidence-disc',
  imports: [DatePipe, FormsModule, RouterLink, MatButtonModule, MatCardModule, MatCheckboxModule,
    MatFormFieldModule, MatIconModule, MatInputModule, MatProgressBarModule, MatSelectModule,
    TranslatePipe, DiscCapacityUiComponent],
  templateUrl: './evidence-disc.smart-component.html',
  styleUrl: './evidence-disc.smart-component.css',
})
export class EvidenceDiscSmartComponent {
  private readonly service = inject(EvidenceDiscService);
  private readonly refusals = inject(RefusalTextService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);

  /** Case id from the query string (`/evidence-disc?caseId=…`), e.g. from the dossier. */
  readonly caseId = input<string>();

  protected readonly media = DISC_MEDIA;
  protected readonly cases = signal<DiscCase[]>([]);
  protected readonly chosenCaseId = signal('');
  protected readonly recordings = signal<DiscRecording[]>([]);
  protected readonly packages = signal<EvidencePackage[]>([]);
  protected readonly selected = signal<string[]>([]);
  protected readonly producer = signal('');
  protected readonly extractor = signal('');
  protected readonly medium = signal('dvd5');
  protected readonly label = signal('');
  protected readonly loading = signal(false);
  protected readonly building = signal(false);
  /** The job being built: its progress while efr worker writes the image (issue 15). */
  protected readonly job = signal<DiscJob | null>(null);
  protected readonly built = signal<EvidencePackage | null>(null);
  protected readonly refusal = signal<DiscRefusal | null>(null);
  protected readonly loadFailed = signal(false);

  protected readonly allowed = computed(() => canPackage(this.currentUser.user()));
  protected readonly chosenCase = computed(() =>
    this.cases().find((c) => c.id === this.chosenCaseId()) ?? null);
  protected readonly usage = computed(() =>
    discUsage(this.recordings(), this.selected(), this.medium()));
  protected readonly problem = computed(() => discFormProblem({
    recordingIds: this.selected(), producer: this.producer(), extractor: this.extractor(),
    medium: this.medium(), label: this.label() }, this.recordings()));
  protected readonly size = formatSize;

  constructor() {
    this.service.cases().then((c) => this.cases.set(c)).catch(() => this.loadFailed.set(true));
    effect(() => {
      const id = this.caseId();
      if (id) untracked(() => this.chooseCase(id));
    });
    effect(() => {
      const user = this.currentUser.user();
      if (user && !untracked(this.producer)) this.producer.set(user.displayName);
    });
  }

  /** Loads the recordings and discs of a case and preselects its sealed recordings. */
  protected async chooseCase(id: string): Promise<void> {
    this.chosenCaseId.set(id);
    this.built.set(null);
    this.refusal.set(null);
    this.loading.set(true);
    try {
      const [recs, packs] = await Promise.all([this.service.recordings(id),
        this.service.packages(id)]);
      this.recordings.set(recs);
      this.packages.set(packs);
      this.selected.set(recs.filter((r) => r.sealed).map((r) => r.id));
      const c = this.cases().find((x) => x.id === id);
      this.label.set(defaultLabel(c?.caseNumber ?? ''));
      this.loadFailed.set(false);
    } catch {
      // The case or its links could not be read (403/404/offline): say so, keep the form.
      this.loadFailed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  /** Adds or removes a recording. */
  protected toggle(id: string, on: boolean): void {
    this.selected.update((s) =>
      (on ? [...s.filter((x) => x !== id), id] : s.filter((x) => x !== id)));
  }

  /**
   * Asks for the disc, follows its build by efr worker (progress every second) and shows it
   * among the case's discs, or why it failed.
   */
  protected async buildDisc(): Promise<void> {
    const caseId = this.chosenCaseId();
    if (!caseId || this.problem() !== null) return;
    this.building.set(true);
    this.refusal.set(null);
    this.built.set(null);
    this.job.set(null);
    try {
      let p = await this.service.build(caseId, { recordingIds: this.selected(),
        producer: this.producer(), extractor: this.extractor(), medium: this.medium(),
        label: this.label() });
      this.job.set(p.job ?? null);
      while (!jobEnded(p.job)) {
        await new Promise((ok) => setTimeout(ok, POLL_MS));
        p = await this.service.package(p.id);
        this.job.set(p.job ?? null);
      }
      if (p.job?.state === 'failed' && p.job.error) {
        this.refusal.set(jobRefusal(p.job.error, this.prefs.localeSignal(),
          this.refusals.sentence));
      } else {
        this.built.set(p);
        this.packages.set(await this.service.packages(caseId));
      }
    } catch (err) {
      this.refusal.set(discRefusal(err, this.prefs.localeSignal(), this.refusals.sentence));
    } finally {
      this.building.set(false);
      this.job.set(null);
    }
  }

  /** Download link of a disc image. */
  protected downloadUrl(p: EvidencePackage): string {
    return this.service.downloadUrl(p.id);
  }

  /** Names of the recordings of a proposed disc. */
  protected namesOf(ids: readonly string[]): string {
    return ids.map((id) => this.recordings().find((r) => r.id === id)?.name ?? id).join('、');
  }
}
