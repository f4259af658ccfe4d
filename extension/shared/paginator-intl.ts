import { Injectable, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslateService } from '@ngx-translate/core';

/**
 * Material's paginator speaks English only ("Items per page", "1 – 4 of 4"); this one takes its
 * labels from the EFR_SHARED.PAGINATOR bundle and follows language switches.
 */
@Injectable()
export class EfrPaginatorIntl extends MatPaginatorIntl {
  private readonly translate = inject(TranslateService);

  constructor() {
    super();
    this.translate.onLangChange.pipe(takeUntilDestroyed()).subscribe(() => this.relabel());
    this.translate.onTranslationChange.pipe(takeUntilDestroyed()).subscribe(() => this.relabel());
    this.relabel();
  }

  /** The range label, e.g. `1 – 25 / 57`. */
  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) return this.text('EMPTY_RANGE', { length });
    const start = page * pageSize;
    const end = Math.min(start + pageSize, length);
    return this.text('RANGE', { start: start + 1, end, length });
  };

  private relabel(): void {
    this.itemsPerPageLabel = this.text('ITEMS_PER_PAGE');
    this.nextPageLabel = this.text('NEXT');
    this.previousPageLabel = this.text('PREVIOUS');
    this.firstPageLabel = this.text('FIRST');
    this.lastPageLabel = this.text('LAST');
    this.changes.next();
  }

  private text(key: string, params?: Record<string, number>): string {
    return String(this.translate.instant(`EFR_SHARED.PAGINATOR.${key}`, params));
  }
}
