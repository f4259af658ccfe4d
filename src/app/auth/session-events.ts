import { Injectable } from '@angular/core';
import { Subject } from 'rxjs';

/**
 * What happens to the session, told by the code on the login page's path (the interceptor) to
 * the signed-in shell, which is loaded later and lazily (issue 20) and so cannot be imported
 * by that code.
 */
@Injectable({ providedIn: 'root' })
export class SessionEvents {
  private readonly endedSubject = new Subject<void>();

  /** Emits when the repository has dropped the session (an expired or revoked ticket). */
  readonly ended = this.endedSubject.asObservable();

  /** Announces that the repository has dropped the session. */
  announceEnded(): void {
    this.endedSubject.next();
  }
}
