import { HttpClient } from '@angular/common/http';
import { Injectable, Injector, inject } from '@angular/core';
import { Observable, catchError, map, retry, throwError } from 'rxjs';
import {
  AppConfigService, TranslateLoaderService, UserPreferencesService,
} from '@alfresco/adf-core';

/** A bundle as ADF's loader keeps it (its `ComponentTranslationModel`, not exported). */
type Bundle = Parameters<TranslateLoaderService['fetchLanguageFile']>[1];

/**
 * ADF's translation loader (adf-core `TranslateLoaderService`, which ADF's TranslationService
 * drives) with two changes for the first load (issue 20):
 * - one language at a time: ADF also loads its fallback `en` of every bundle, and a language
 *   at start-up before app.config.json has said which one; this loader fetches only the
 *   user's current language (`UserPreferencesService.locale`), once the configuration is
 *   loaded. Another language is fetched when the user switches to it.
 * - cacheable files: ADF appends `?v=<now>` to every file, so a reload fetches all of them
 *   again; the server answers these files with `no-cache` and an ETag instead, so a reload
 *   costs a 304 each, and a new release is picked up at once.
 */
@Injectable()
export class EfrTranslateLoader extends TranslateLoaderService {
  private readonly client = inject(HttpClient);
  private readonly config = inject(AppConfigService);
  // UserPreferencesService injects TranslateService, which is created with this loader:
  // it is looked up when a language is asked for, not here.
  private readonly injector = inject(Injector);

  override getComponentToFetch(lang: string): Observable<void>[] {
    return lang === this.currentLanguage() ? super.getComponentToFetch(lang) : [];
  }

  override fetchLanguageFile(lang: string, bundle: Bundle, fallbackUrl?: string)
    : Observable<void> {
    const url = fallbackUrl ?? `${bundle.path}/i18n/${lang}.json`;
    return this.client.get(url).pipe(
      map((json) => {
        // Typed `string[]` by ADF, used as a map from language to the parsed file.
        (bundle.json as unknown as Record<string, unknown>)[lang] = json;
      }),
      retry(3),
      catchError((error: unknown) => {
        // No `zh-CN.json` in a bundle: try `zh.json`, as ADF's loader does.
        const base = lang.split('-')[0];
        if (!fallbackUrl && base !== lang) {
          return this.fetchLanguageFile(lang, bundle, `${bundle.path}/i18n/${base}.json`);
        }
        return throwError(() => error);
      }),
    );
  }

  /** The user's language, once app.config.json (which names the default) is loaded. */
  private currentLanguage(): string | undefined {
    if (!this.config.isLoaded) return undefined;
    return this.injector.get(UserPreferencesService).locale;
  }
}
