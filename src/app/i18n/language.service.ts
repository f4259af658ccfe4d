import { Injectable, inject } from '@angular/core';
import { StorageService, UserPreferencesService } from '@alfresco/adf-core';

/** Browser-wide key of the language last chosen (ADF keeps preferences per user). */
const LANGUAGE_KEY = 'efr.language';

/**
 * The interface language. ADF stores the locale per user (GUEST before login, then the
 * user's own prefix), so a language chosen on the login screen would be dropped at sign-in;
 * this service remembers the choice for the browser and re-applies it after login.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly prefs = inject(UserPreferencesService);
  private readonly storage = inject(StorageService);

  /** The current language key (`zh-CN`, `en`). */
  readonly current = this.prefs.localeSignal;

  /** Switches the language and remembers the choice. */
  use(key: string): void {
    this.storage.setItem(LANGUAGE_KEY, key);
    this.prefs.locale = key;
  }

  /** Re-applies the remembered choice (after sign-in switched the preference prefix). */
  restore(): void {
    const key = this.storage.getItem(LANGUAGE_KEY);
    if (key && key !== this.prefs.locale) this.prefs.locale = key;
  }
}
