import { inject } from '@angular/core';
import { Routes } from '@angular/router';
import {
  AuthenticationConfirmationComponent,
  AuthGuardEcm,
  OidcAuthGuard,
} from '@alfresco/adf-core';
import { EFR_FEATURE_ROUTES } from '../../extension/shared/public-api';
import { LayoutSmartComponent } from './layout/layout.smart-component';
import { LoginSmartComponent } from './login/login.smart-component';
import { ErrorPageUiComponent } from './errors/error-page.ui-component';
import { NotFoundUiComponent } from './errors/not-found.ui-component';
import { currentUserGuard } from './auth/current-user.guard';

/** Top-level routes; features mount theirs inside the layout through EFR_FEATURE_ROUTES. */
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
    component: LayoutSmartComponent,
    canActivate: [AuthGuardEcm, currentUserGuard],
    // Runs in the route's injection context, so every provideXxxExtension() contributes.
    loadChildren: () => [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      ...(inject(EFR_FEATURE_ROUTES, { optional: true })?.flat() ?? []),
      { path: '**', component: NotFoundUiComponent },
    ],
  },
];
