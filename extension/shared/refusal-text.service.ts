import { Injectable, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { refusalKey } from './log-vocabulary';
import { refusalText } from './refusal';

/**
 * Why a request was refused, as every screen says it (issue 19, point 3): the repository's
 * summary in the reader's language, else the glossary's sentence of its code
 * (`EFR_SHARED.REFUSAL`, docs/glossary.md), so that a Chinese screen shows no English message.
 */
@Injectable({ providedIn: 'root' })
export class RefusalTextService {
  private readonly translate = inject(TranslateService);

  /** The glossary's sentence of `code` in the interface language, if it has one. */
  readonly sentence = (code: string): string | undefined => {
    const key = refusalKey(code);
    const said: unknown = this.translate.instant(key);
    return typeof said === 'string' && said !== key ? said : undefined;
  };

  /** The text of `error` in `language` (the interface language by default). */
  text(error: unknown, language?: string): string {
    return refusalText(error, language ?? this.translate.getCurrentLang() ?? 'zh-CN',
      this.sentence);
  }
}
