import { Pipe, PipeTransform } from '@angular/core';

/**
 * `shared.loadFailureKey`: the message key of a failed read by its HTTP status (issue 19,
 * point 9): a refusal is not a network problem. 403 says the user may not see it, 404 that
 * it is gone, no status (the request never got an answer) that the connection failed; other
 * statuses that the archive could not answer, with the status.
 */
export function loadFailureKey(status: number | null | undefined): string {
  if (status === 403) return 'EFR_SHARED.COMMON.FORBIDDEN';
  if (status === 404) return 'EFR_SHARED.COMMON.NOT_FOUND';
  if (!status) return 'EFR_SHARED.COMMON.NETWORK_FAILED';
  return 'EFR_SHARED.COMMON.LOAD_FAILED';
}

/** `{{ failure() | efrLoadFailure | translate: { status: failure() } }}`. */
@Pipe({ name: 'efrLoadFailure' })
export class LoadFailurePipe implements PipeTransform {
  /** The message key for `status`. */
  transform(status: number | null | undefined): string {
    return loadFailureKey(status);
  }
}
