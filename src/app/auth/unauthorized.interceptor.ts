import { Injectable, inject } from '@angular/core';
import {
  HttpErrorResponse,
  HttpEvent,
  HttpHandler,
  HttpInterceptor,
  HttpRequest,
} from '@angular/common/http';
import { Router } from '@angular/router';
import { Observable, tap } from 'rxjs';
import { AuthenticationService } from '@alfresco/adf-core';
import { SessionEvents } from './session-events';
import { isSessionExpiry } from './session.rules';

/**
 * ADF drops a refused ticket but does not leave the page (AuthGuardEcm only checks that a
 * ticket is stored), so a 401 from the repository brings the user back to the login screen.
 */
@Injectable()
export class UnauthorizedInterceptor implements HttpInterceptor {
  private readonly router = inject(Router);
  private readonly auth = inject(AuthenticationService);
  private readonly session = inject(SessionEvents);

  /** Passes the request on and watches its answer for an expired or revoked ticket. */
  intercept(req: HttpRequest<unknown>, next: HttpHandler): Observable<HttpEvent<unknown>> {
    return next.handle(req).pipe(
      tap({
        error: (error: unknown) => {
          if (!(error instanceof HttpErrorResponse)) return;
          if (!isSessionExpiry(req.method, req.url, error.status)) return;
          // The shell forgets the signed-in user (shell.providers.ts).
          this.session.announceEnded();
          this.auth.reset();
          if (!this.router.url.startsWith('/login')) {
            void this.router.navigate(['/login'], {
              queryParams: { redirect: this.router.url },
            });
          }
        },
      }),
    );
  }
}
