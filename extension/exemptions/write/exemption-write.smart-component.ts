import { Component, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MatSelectModule } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';
import { UserPreferencesService } from '@alfresco/adf-core';
import { ACTIVITY_TYPES, EXEMPTION_GROUNDS } from '../../../core/src/index';
import {
  CurrentUserService,
  PersonNamePipe,
  PersonPickerComponent, RefusalTextService,
} from '../../shared/public-api';
import { CaseChoice, ExemptionForm } from '../exemptions.model';
import { exemptionFormVerdict } from '../exemptions.rules';
import { ExemptionsService } from '../exemptions.service';

/** Local wall time `yyyy-MM-ddTHH:mm` of an instant, for a datetime-local input. */
function localInputValue(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  const date = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  return `${date}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The officer writes the work record of an act not recorded (R11.1, R11.2), after the act:
 * time, place and activity, one of the four grounds, the reason and its basis, the leader in
 * charge it is reported to. Core's check runs as the form is filled; the server checks again.
 */
@Component({
  selector: 'efr-exemption-write',
  imports: [
    PersonNamePipe,
    PersonPickerComponent,
    RouterLink,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './exemption-write.smart-component.html',
  styleUrl: '../list/exemptions-list.smart-component.css',
})
export class ExemptionWriteSmartComponent {
  private readonly service = inject(ExemptionsService);
  private readonly refusals = inject(RefusalTextService);
  private readonly currentUser = inject(CurrentUserService);
  private readonly prefs = inject(UserPreferencesService);
  private readonly router = inject(Router);

  protected readonly activities = ACTIVITY_TYPES;
  protected readonly grounds = EXEMPTION_GROUNDS;
  protected readonly actAt = signal(localInputValue(Date.now() - 3_600_000));
  protected readonly activityType = signal('');
  protected readonly location = signal('');
  protected readonly ground = signal('');
  protected readonly basis = signal('');
  protected readonly leader = signal('');
  protected readonly coOfficer = signal('');
  protected readonly caseId = signal('');
  protected readonly cases = signal<CaseChoice[]>([]);
  /** The chosen case, whose leader in charge receives the record. */
  protected readonly chosenCase = computed(
    () => this.cases().find((c) => c.id === this.caseId()) ?? null,
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly zh = computed(() => this.prefs.localeSignal().toLowerCase().startsWith('zh'));

  private form(): ExemptionForm {
    const t = new Date(this.actAt());
    return {
      actAt: Number.isFinite(t.getTime()) ? t.toISOString() : '',
      activityType: this.activityType(),
      location: this.location(),
      ground: this.ground(),
      basis: this.basis(),
      leader: this.leader(),
      coOfficer: this.coOfficer(),
      caseId: this.caseId(),
    };
  }

  /** Core's verdict on the form as filled so far. */
  protected readonly verdict = computed(() =>
    exemptionFormVerdict(this.form(), this.currentUser.user()?.id ?? '', Date.now()),
  );

  /** The verdict's message in the interface language, or null when it passes. */
  protected readonly problem = computed(() => {
    const v = this.verdict();
    return v.allowed ? null : this.zh() ? v.messageZh : v.message;
  });

  constructor() {
    this.service
      .openCases()
      .then((c) => this.cases.set(c))
      .catch(() => {
        // Cases are optional here: without the list the officer names the leader instead.
        this.cases.set([]);
      });
  }

  /** Sends the record; on success back to the list. */
  async submit(): Promise<void> {
    if (!this.verdict().allowed) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.service.write(this.form());
      await this.router.navigate(['/exemptions'], { queryParams: { written: 1 } });
    } catch (error) {
      this.error.set(this.refusals.text(error, this.prefs.locale));
    } finally {
      this.busy.set(false);
    }
  }
}
