import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { AuthenticationService } from '@alfresco/adf-core';
import { CurrentUserService, errorStatus } from '../../../extension/shared/public-api';

/**
 * Loads the signed-in user and their groups before the layout renders, so that navigation and
 * actions never flash entries the user does not have. A failure other than 401 (which the
 * interceptor turns into a return to login) leads to the error page.
 */
export const currentUserGuard: CanActivateFn = async () => {
  const router = inject(Router);
  // Not signed in yet: AuthGuardEcm, run beside this guard, sends the user to sign in. Asking
  // -me- without credentials would get a 401 whose redirect to /login races ADF's OAUTH
  // redirect to the provider (two login flows, the second one's nonce is refused).
  if (!inject(AuthenticationService).isLoggedIn()) return false;
  try {
    await inject(CurrentUserService).load();
    return true;
  } catch (error: unknown) {
    // The repository refused or could not be reached while reading -me- and its groups.
    const status = errorStatus(error);
    if (status === 401) return router.parseUrl('/login');
    return router.createUrlTree(['/error'], { queryParams: { status: status ?? 0 } });
  }
};
