import { Pipe, PipeTransform, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

/**
 * How the access log and the chain of custody read on the screens (issue 19, point 7): each
 * logged action as a phrase in the user's language (EFR_SHARED.LOG_ACTION), article numbers
 * as the regulation writes them (第二十四条 / Article 24), never a raw code such as
 * "view.start" or "R25.1". Actions without a phrase show as logged.
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** `log.chineseNumber`: 1–99 in Chinese numerals as articles are numbered (二十四). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : DIGITS[ones]);
}

/**
 * `log.article`: a requirement id (R24.1, R24) as its article: 第二十四条 in Chinese,
 * "Article 24" otherwise; '' for anything else.
 */
export function articleText(requirement: string | null | undefined, language: string): string {
  const m = /^R(\d+)(?:\.\d+)?$/.exec((requirement ?? '').trim());
  if (!m) return '';
  const n = Number(m[1]);
  return language.toLowerCase().startsWith('zh') ? `第${chineseNumber(n)}条` : `Article ${n}`;
}

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
