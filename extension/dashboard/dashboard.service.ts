import { Injectable, inject } from '@angular/core';
import { EfrUser } from '../shared/public-api';
import { ApprovalsService } from '../approvals/public-api';
import { CasesService } from '../cases/public-api';
import { ExemptionsService } from '../exemptions/public-api';
import { HandoverApiService } from '../handover/public-api';
import { RecordingsService } from '../recordings/public-api';
import { SpotChecksService } from '../spot-checks/public-api';
import { TileSource } from './dashboard.rules';

/**
 * The dashboard's counts, each asked of the feature whose list the tile opens: that feature
 * counts with the request its own list sends (search API or EFR web script), so a count never
 * disagrees with the list behind it.
 */
@Injectable({ providedIn: 'root' })
export class DashboardService {
  private readonly handovers = inject(HandoverApiService);
  private readonly approvals = inject(ApprovalsService);
  private readonly spotChecks = inject(SpotChecksService);
  private readonly exemptions = inject(ExemptionsService);
  private readonly recordings = inject(RecordingsService);
  private readonly cases = inject(CasesService);

  /** How many items the source's list shows to `user`. */
  count(source: TileSource, user: EfrUser): Promise<number> {
    switch (source.feature) {
      case 'handovers':
        return this.handovers.count(source.filter);
      case 'approvals':
        return this.approvals.count(source.queue);
      case 'spotChecks':
        return this.spotChecks.pendingFindings(source.filter);
      case 'exemptions':
        return this.exemptions.count(source.filter, user);
      case 'recordings':
        return this.recordings.count(source.filter);
      case 'cases':
        return this.cases.count(source.status);
    }
  }
}
