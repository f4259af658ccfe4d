import { Component, OnInit, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { TranslatePipe } from '@ngx-translate/core';
import { CurrentUserService, EFR_PROP, errorStatus, textProp } from '../../shared/public-api';
import { visibleTile } from '../dashboard.rules';
import { DashboardService, WorkItem } from '../dashboard.service';

/** Status properties a work item may carry; the first one present is shown. */
const STATUS_PROPS = [
  EFR_PROP.handoverStatus,
  EFR_PROP.requestStatus,
  EFR_PROP.findingStatus,
  EFR_PROP.exemptionStatus,
];

/**
 * The list behind a dashboard count: the waiting items, oldest first. Handling them belongs to
 * the features that own each kind of record; this list shows what waits and since when.
 */
@Component({
  selector: 'efr-work-list',
  imports: [
    RouterLink,
    DatePipe,
    MatTableModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatButtonModule,
    MatIconModule,
    TranslatePipe,
  ],
  templateUrl: './work-list.smart-component.html',
  styles: `
    table {
      width: 100%;
    }
    .efr-list-card {
      background: var(--mat-sys-surface, #fff);
      border-radius: 12px;
      overflow: hidden;
    }
  `,
})
export class WorkListSmartComponent implements OnInit {
  private readonly service = inject(DashboardService);
  private readonly currentUser = inject(CurrentUserService);

  /** Tile id, from the route. */
  readonly tileId = input.required<string>();

  /** Whether the tile exists for this user. */
  protected readonly known = signal(true);
  /** Items of the current page. */
  protected readonly items = signal<WorkItem[] | null>(null);
  /** Total matching items. */
  protected readonly total = signal(0);
  /** Whether loading. */
  protected readonly loading = signal(false);
  /** Status of a failed load, or null. */
  protected readonly failure = signal<number | null>(null);
  /** Paging. */
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);
  /** Columns. */
  protected readonly columns = ['name', 'status', 'createdBy', 'createdAt'];

  /** Loads once the route input is bound. */
  ngOnInit(): void {
    void this.load();
  }

  /** Loads the current page. */
  protected async load(): Promise<void> {
    const user = this.currentUser.user();
    const tile = visibleTile(user, this.tileId());
    if (!user || !tile) {
      this.known.set(false);
      return;
    }
    this.loading.set(true);
    this.failure.set(null);
    try {
      const page = await this.service.list(
        tile.query(user),
        this.pageIndex() * this.pageSize(),
        this.pageSize(),
      );
      this.items.set(page.items);
      this.total.set(page.total);
    } catch (error: unknown) {
      // Shown with a retry rather than an endless spinner.
      this.failure.set(errorStatus(error) ?? 0);
    } finally {
      this.loading.set(false);
    }
  }

  /** Moves to another page. */
  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    void this.load();
  }

  /** The item's workflow status, if it has one. */
  protected statusOf(item: WorkItem): string {
    for (const prop of STATUS_PROPS) {
      const value = textProp(item, prop);
      if (value) return value;
    }
    return '';
  }
}
