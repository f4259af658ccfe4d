import { Provider } from '@angular/core';
import { provideFeatureTranslations } from '../shared/public-api';
import { EvidenceDiscService } from './evidence-disc.service';

/**
 * The evidence-disc feature (R23.1): legal staff and custodians copy sealed recordings of a
 * case onto a disc image built and stored on the server, with its written description.
 * Route `/evidence-disc` (`?caseId=` opens a case directly, e.g. from the dossier).
 */
export function provideEvidenceDiscExtension(): Provider[] {
  return [
    provideFeatureTranslations('efr-evidence-disc', 'assets/efr-evidence-disc'),
    // Beside the shell's API client (see provideEfrApi()).
    EvidenceDiscService,
  ];
}
