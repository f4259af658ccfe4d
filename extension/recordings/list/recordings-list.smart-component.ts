import { Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatIconModule } from '@angular/material/icon';
import { MatButtonModule } from '@angular/material/button';
import { MatTooltipModule } from '@angular/material/tooltip';
import { TranslatePipe } from '@ngx-translate/core';
import { PersonNamePipe, errorStatus, LoadFailurePipe } from '../../shared/public-api';
import {
  LinkedCase,
  RecordingFilter,
  RecordingPage,
  RecordingSort,
  RecordingSortKey,
} from '../recordings.model';
import {
  DEFAULT_RECORDING_SORT,
  filterFromParams,
  filterToParams,
  hasFilter,
} from '../recordings-query.rules';
import { RecordingsService } from '../recordings.service';
import { RecordingFiltersUiComponent } from './recording-filters.ui-component';

const SORT_KEYS: readonly RecordingSortKey[] = [
  'name',
  'startedAt',
  'officers',
  'unit',
  'activityType',
];

/**
 * The recordings list: filter bar, sortable table and pager over the search API. The URL holds
 * filter, sort and page, so a dashboard count or a colleague's link opens the same list.
 * No edit or delete action exists here (R26.1).
 */
@Component({
  selector: 'efr-recordings-list',
  imports: [LoadFailurePipe, 
    RouterLink,
    DatePipe,
    MatTableModule,
    MatSortModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatIconModule,
    MatButtonModule,
    MatTooltipModule,
    TranslatePipe,
    PersonNamePipe,
    RecordingFiltersUiComponent,
  ],
  templateUrl: './recordings-list.smart-component.html',
  styleUrl: './recordings-list.smart-component.css',
})
export class RecordingsListSmartComponent {
  private readonly service = inject(RecordingsService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  private requestSeq = 0;

  /** Columns shown, in order. */
  protected readonly columns = [
    'name',
    'startedAt',
    'officers',
    'unit',
    'device',
    'activityType',
    'secrecyLevel',
    'late',
  ];
  /** Page sizes offered. */
  protected readonly pageSizes = [10, 25, 50, 100];
  /** The filter in the URL. */
  protected readonly filter = computed<RecordingFilter>(() => {
    const p = this.params();
    const raw: Record<string, string | undefined> = {};
    for (const key of p.keys) raw[key] = p.get(key) ?? undefined;
    return filterFromParams(raw);
  });
  /** Whether any filter is set. */
  protected readonly filtered = computed(() => hasFilter(this.filter()));
  /** Sort order in the URL. */
  protected readonly sort = computed<RecordingSort>(() => {
    const key = this.params().get('sort') as RecordingSortKey | null;
    if (!key || !SORT_KEYS.includes(key)) return DEFAULT_RECORDING_SORT;
    return { key, ascending: this.params().get('dir') !== 'desc' };
  });
  /** Page index and size in the URL. */
  protected readonly pageIndex = computed(() => positiveInt(this.params().get('page'), 0));
  protected readonly pageSize = computed(() => {
    const size = positiveInt(this.params().get('size'), 25);
    return this.pageSizes.includes(size) ? size : 25;
  });

  /** The loaded page; null while loading the first time. */
  protected readonly page = signal<RecordingPage | null>(null);
  /** Whether a request is in flight. */
  protected readonly loading = signal(false);
  /** HTTP status of the last failure, or null. */
  protected readonly failure = signal<number | null>(null);
  /** Cases for the case filter. */
  protected readonly cases = signal<LinkedCase[]>([]);

  constructor() {
    this.route.queryParamMap.subscribe(() => void this.load());
    this.service.caseOptions().then(
      (cases) => this.cases.set(cases),
      // Without the case list the filter only loses its choices; the list itself still works.
      () => this.cases.set([]),
    );
  }

  /** Re-runs the search (retry after a failure). */
  protected async load(): Promise<void> {
    const seq = ++this.requestSeq;
    this.loading.set(true);
    this.failure.set(null);
    try {
      const page = await this.service.search(
        this.filter(),
        this.sort(),
        this.pageIndex() * this.pageSize(),
        this.pageSize(),
      );
      if (seq === this.requestSeq) this.page.set(page);
    } catch (error: unknown) {
      // Network or repository failure: show it with a retry instead of an endless spinner.
      if (seq === this.requestSeq) this.failure.set(errorStatus(error) ?? 0);
    } finally {
      if (seq === this.requestSeq) this.loading.set(false);
    }
  }

  /** Applies a filter from the filter bar, back to the first page. */
  protected applyFilter(filter: RecordingFilter): void {
    this.navigate({ ...filterToParams(filter), ...this.sortParams(this.sort()), page: null });
  }

  /** Applies a column sort. */
  protected changeSort(sort: Sort): void {
    const next: RecordingSort = sort.direction
      ? { key: sort.active as RecordingSortKey, ascending: sort.direction === 'asc' }
      : DEFAULT_RECORDING_SORT;
    this.navigate({ ...filterToParams(this.filter()), ...this.sortParams(next), page: null });
  }

  /** Moves to another page or page size. */
  protected changePage(event: PageEvent): void {
    this.navigate({
      ...filterToParams(this.filter()),
      ...this.sortParams(this.sort()),
      page: event.pageIndex ? String(event.pageIndex) : null,
      size: event.pageSize === 25 ? null : String(event.pageSize),
    });
  }

  private sortParams(sort: RecordingSort): Record<string, string | null> {
    const isDefault =
      sort.key === DEFAULT_RECORDING_SORT.key &&
      sort.ascending === DEFAULT_RECORDING_SORT.ascending;
    return isDefault ? {} : { sort: sort.key, dir: sort.ascending ? 'asc' : 'desc' };
  }

  private navigate(params: Record<string, string | null>): void {
    const clean: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (v !== null) clean[k] = v;
    void this.router.navigate([], { relativeTo: this.route, queryParams: clean });
  }
}

function positiveInt(value: string | null, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}
