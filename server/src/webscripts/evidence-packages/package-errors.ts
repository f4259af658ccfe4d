/**
 * Error answers of the evidence-package web script that carry more than the ACS error body:
 * the proposed split of a package too big for its medium, and the file whose bytes differ
 * from their seal. Both keep the REST API v1 error shape and add one field.
 */
import { AcsError, type AcsErrorBody } from '../../http/errors.js';
import type { FixityError, PackageTooLargeError } from '../../evidence/package-image.js';

/** 422: the package does not fit the medium; `error.split` proposes the discs (R23.1). */
export class ExceedsMediumError extends AcsError {
  constructor(readonly tooLarge: PackageTooLargeError) {
    super(422, 'efr.evidence.exceedsMedium', `${tooLarge.message} (R23.1)`);
  }

  override toBody(): AcsErrorBody {
    const body = super.toBody();
    return { error: { ...body.error, imageBytes: this.tooLarge.imageBytes,
      capacity: this.tooLarge.capacity, split: this.tooLarge.split } } as AcsErrorBody;
  }
}

/** 409: a recording no longer matches its sealed SHA-256; `error.path` names it (R26.1). */
export class FixityAlertError extends AcsError {
  constructor(readonly fixity: FixityError) {
    super(409, 'efr.evidence.fixityMismatch', `${fixity.message} (R26.1)`);
  }

  override toBody(): AcsErrorBody {
    const body = super.toBody();
    return { error: { ...body.error, path: this.fixity.path,
      recordingId: this.fixity.recordingId } } as AcsErrorBody;
  }
}
