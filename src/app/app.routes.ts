import { Routes } from '@angular/router';
import { AuthenticationConfirmationComponent, OidcAuthGuard } from '@alfresco/adf-core';
import { LoginSmartComponent } from './login/login.smart-component';
import { ErrorPageUiComponent } from './errors/error-page.ui-component';
import { signedInGuard } from './auth/signed-in.guard';

/**
 * Top-level routes. The signed-in shell (layout and features, shell/shell.routes.ts) is a lazy
 * chunk: the login page loads ADF core and the login form only (issue 20).
 */
export const appRoutes: Routes = [
  { path: 'login', component: LoginSmartComponent },
  { path: 'error', component: ErrorPageUiComponent },
  // authType OAUTH: where the provider returns with the code. provideCoreAuth() registers the
  // same route, but after these ones, so the layout's catch-all would take it and loop.
  {
    path: 'view/authentication-confirmation',
    component: AuthenticationConfirmationComponent,
    canActivate: [OidcAuthGuard],
  },
  {
    path: '',
    canMatch: [signedInGuard],
    loadChildren: () => import('./shell/shell.routes').then((m) => m.SHELL_ROUTES),
  },
];
