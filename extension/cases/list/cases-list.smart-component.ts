import { Component, inject, signal } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DatePipe } from '@angular/common';
import { MatTableModule } from '@angular/material/table';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@ngx-translate/core';
import { PersonNamePipe, errorStatus, LoadFailurePipe } from '../../shared/public-api';
import { CasePage, CasesService } from '../cases.service';
import { CaseStatusFilter, caseStatusFromParam, caseStatusToParams } from '../cases-query.rules';

/**
 * The cases list: newest first, open/closed/all, paged. The status filter is in the URL
 * (`?status=open`), so a dashboard count opens the cases it counted.
 */
@Component({
  selector: 'efr-cases-list',
  imports: [LoadFailurePipe, 
    RouterLink,
    DatePipe,
    MatTableModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatButtonToggleModule,
    MatButtonModule,
    TranslatePipe,
    PersonNamePipe,
  ],
  templateUrl: './cases-list.smart-component.html',
  styleUrl: './cases-list.smart-component.css',
})
export class CasesListSmartComponent {
  private readonly service = inject(CasesService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private seq = 0;

  /** Columns shown. */
  protected readonly columns = ['caseNumber', 'title', 'actType', 'status', 'handler', 'created'];
  /** The loaded page. */
  protected readonly page = signal<CasePage | null>(null);
  /** Whether a request is in flight. */
  protected readonly loading = signal(false);
  /** Status of the last failure, or null. */
  protected readonly failure = signal<number | null>(null);
  /** Status filter from the URL: '' for all. */
  protected readonly status = signal<CaseStatusFilter>('');
  /** Paging. */
  protected readonly pageIndex = signal(0);
  protected readonly pageSize = signal(25);

  constructor() {
    this.route.queryParamMap.subscribe((params) => {
      this.status.set(caseStatusFromParam(params.get('status')));
      this.pageIndex.set(0);
      void this.load();
    });
  }

  /** Loads the current page. */
  protected async load(): Promise<void> {
    const seq = ++this.seq;
    this.loading.set(true);
    this.failure.set(null);
    try {
      const page = await this.service.list(
        this.pageIndex() * this.pageSize(),
        this.pageSize(),
        this.status(),
      );
      if (seq === this.seq) this.page.set(page);
    } catch (error: unknown) {
      // Repository unreachable or refusing: shown with a retry button.
      if (seq === this.seq) this.failure.set(errorStatus(error) ?? 0);
    } finally {
      if (seq === this.seq) this.loading.set(false);
    }
  }

  /** Narrows the list to a status: the choice goes into the URL, which reloads the list. */
  protected filterStatus(status: CaseStatusFilter): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: caseStatusToParams(status),
    });
  }

  /** Moves to another page. */
  protected changePage(event: PageEvent): void {
    this.pageIndex.set(event.pageIndex);
    this.pageSize.set(event.pageSize);
    void this.load();
  }
}
