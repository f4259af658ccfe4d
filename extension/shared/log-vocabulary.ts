import { Pipe, PipeTransform, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { articleText } from '../../core/src/index';

/**
 * How the access log and the chain of custody read on the screens (issue 19, point 7): each
 * logged action as a phrase in the user's language (EFR_SHARED.LOG_ACTION), article numbers
 * as the regulation writes them (第二十四条 / Article 24), never a raw code such as
 * "view.start" or "R25.1". Actions without a phrase show as logged.
 */

// Article numbers as the regulation writes them: core's, as on every document (issue 19).
export { articleText, chineseNumber } from '../../core/src/index';

/** `log.actionKey`: the i18n key of a logged action (dots become underscores). */
export function logActionKey(action: string): string {
  return `EFR_SHARED.LOG_ACTION.${action.replace(/\./g, '_')}`;
}

/** `{{ e.action | efrLogAction }}`: the phrase of a logged action, else the action itself. */
@Pipe({ name: 'efrLogAction', pure: false })
export class LogActionPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  /** The phrase of `action` in the current language. */
  transform(action: string | null | undefined): string {
    if (!action) return '';
    const key = logActionKey(action);
    const label: unknown = this.translate.instant(key);
    return typeof label === 'string' && label !== key ? label : action;
  }
}

/** `{{ 'R24.1' | efrArticle }}`: 第二十四条 on Chinese screens, Article 24 on English ones. */
@Pipe({ name: 'efrArticle', pure: false })
export class ArticlePipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  /** The article of `requirement`. */
  transform(requirement: string | null | undefined): string {
    const language = this.translate.getCurrentLang() ?? this.translate.getFallbackLang() ?? '';
    return articleText(requirement, language);
  }
}

/** `log.refusalKey`: the i18n key of a refusal code's glossary sentence. */
export function refusalKey(code: string): string {
  return `EFR_SHARED.REFUSAL.${code.replace(/\./g, '_')}`;
}

/**
 * `{{ d.value | efrRefusal: d.fallback }}`: why an act was refused, as the glossary says it
 * for the code (docs/glossary.md, Refusals), else the stored message given as fallback.
 */
@Pipe({ name: 'efrRefusal', pure: false })
export class RefusalPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  /** The sentence of `code` in the current language, else `fallback`. */
  transform(code: string | null | undefined, fallback = ''): string {
    if (!code) return fallback;
    const key = refusalKey(code);
    const label: unknown = this.translate.instant(key);
    return typeof label === 'string' && label !== key ? label : fallback;
  }
}
