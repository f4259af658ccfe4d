import { Component, OnInit, inject, input, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { DirectoryPerson, PeopleDirectoryService } from './people-directory.service';

/**
 * `<efr-person-picker [(value)]="viewer" label="调阅人" />`: a person chosen by name from the
 * people directory (issue 19, point 2), instead of a typed user name. It shows names with
 * the job title beside them and hands back the person's id. Typed text that is exactly one
 * person's name or id counts as choosing them; other text is handed back as typed, and the
 * repository refuses an unknown person with its own message. See person-picker.component.md.
 */
@Component({
  selector: 'efr-person-picker',
  imports: [FormsModule, MatAutocompleteModule, MatFormFieldModule, MatInputModule],
  template: `
    <mat-form-field class="picker" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        [matAutocomplete]="auto"
        [ngModel]="text()"
        (ngModelChange)="typed($event)"
        (blur)="settle()"
        [attr.data-testid]="testId() || null"
        [attr.data-field]="field() || null"
        [required]="required()"
        autocomplete="off"
      />
      <mat-autocomplete
        #auto="matAutocomplete"
        [displayWith]="shownText"
        (optionSelected)="pick($event.option.value)"
      >
        @for (p of options(); track p.id) {
          <mat-option [value]="p" [attr.data-person]="p.id">
            <span class="name">{{ p.name }}</span>
            @if (p.detail) {
              <small class="detail">{{ p.detail }}</small>
            }
          </mat-option>
        }
      </mat-autocomplete>
    </mat-form-field>
  `,
  styles: `
    .picker {
      width: 100%;
      min-width: 14em;
    }
    .detail {
      margin-left: 8px;
      color: var(--mat-sys-on-surface-variant, #555);
    }
  `,
})
export class PersonPickerComponent implements OnInit {
  private readonly people = inject(PeopleDirectoryService);

  /** The chosen person's id (two-way). */
  readonly value = model('');
  /** Field label. */
  readonly label = input('');
  /** `data-testid` of the input, for specs. */
  readonly testId = input('');
  /** `data-field` of the input, for forms that mark their fields so. */
  readonly field = input('');
  /** Whether a person must be chosen. */
  readonly required = input(false);
  /** Ids of the people offered (e.g. the officers); null offers the whole directory. */
  readonly among = input<readonly string[] | null>(null);

  /**
   * What the input shows for an option: the person's name. Without it the autocomplete writes
   * the picked option's object into the input ("[object Object]") when the name typed equals
   * the name picked, since the text then does not change.
   */
  protected readonly shownText = (p: DirectoryPerson | string | null): string =>
    typeof p === 'string' ? p : (p?.name ?? '');

  /** What the input shows: the chosen person's name or the text typed. */
  protected readonly text = signal('');
  /** People matching the text. */
  protected readonly options = signal<DirectoryPerson[]>([]);

  /** Shows the name of a preset value and the first people of the directory. */
  ngOnInit(): void {
    const id = this.value();
    if (id) this.text.set(this.people.nameOf(id));
    void this.refresh('');
    // The name of a preset id may arrive after the first render.
    if (id) void this.people.search(id, 1000).then(() => this.showName(id));
  }

  /** Text typed: the value follows the text until a person is picked. */
  protected typed(text: string | DirectoryPerson): void {
    if (typeof text !== 'string') return;
    this.text.set(text);
    this.value.set(text.trim());
    void this.refresh(text);
  }

  /** A person picked from the list. */
  protected pick(p: DirectoryPerson): void {
    this.value.set(p.id);
    this.text.set(p.name);
  }

  /** On leaving the field, text that is exactly one person's name or id chooses them. */
  protected async settle(): Promise<void> {
    const text = this.text().trim();
    if (!text) return;
    const exact = (await this.people.search(text, 1000)).filter(
      (p) => p.name === text || p.id === text,
    );
    if (exact.length === 1 && this.text().trim() === text) this.pick(exact[0]);
  }

  private showName(id: string): void {
    if (this.value() === id && this.text() === id) this.text.set(this.people.nameOf(id));
  }

  private async refresh(text: string): Promise<void> {
    try {
      const among = this.among();
      const found = await this.people.search(text, among ? 1000 : 20);
      this.options.set(among ? found.filter((p) => among.includes(p.id)).slice(0, 20) : found);
    } catch {
      // The directory is unreadable: the field still takes a typed user name.
      this.options.set([]);
    }
  }
}
