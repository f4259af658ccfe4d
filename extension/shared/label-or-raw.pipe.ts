import { Pipe, PipeTransform, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';

/**
 * Translates `prefix + value`, showing the raw value when the bundle has no label for it:
 * audit actions and similar open-ended codes must never appear as `EFR_X.Y.z` keys. Impure
 * like ngx-translate's own pipe, so it follows language switches.
 */
@Pipe({ name: 'efrLabelOrRaw', pure: false })
export class LabelOrRawPipe implements PipeTransform {
  private readonly translate = inject(TranslateService);

  /** The label of `prefix + value`, or `value` itself. */
  transform(value: string | null | undefined, prefix: string): string {
    if (!value) return '';
    const key = `${prefix}${value}`;
    const label: unknown = this.translate.instant(key);
    return typeof label === 'string' && label !== key ? label : value;
  }
}
