import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { AuthenticationService, AuthGuardService } from '@alfresco/adf-core';

/**
 * Lets the signed-in shell load only for a signed-in user (issue 20: the login page does not
 * fetch it). A signed-out user is sent to sign in the way ADF's `AuthGuardEcm` does it (adf-core
 * auth-guard-ecm.service.ts: the URL is kept to return to); with single sign-on (OAUTH) the
 * shell loads and its `AuthGuardEcm` runs the provider's flow, as before.
 */
export const signedInGuard: CanMatchFn = () => {
  const auth = inject(AuthenticationService);
  const guard = inject(AuthGuardService);
  if (auth.isLoggedIn() || auth.isOauth() || guard.withCredentials) return true;
  const router = inject(Router);
  const navigation = router.getCurrentNavigation();
  const url = navigation ? router.serializeUrl(navigation.extractedUrl) : '/';
  return guard.redirectToUrl(url);
};
